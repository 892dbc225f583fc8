package org.aftersales.cockpit.kpis;

import java.util.Set;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * Cockpit's "Service KPIs" plugin, server side: the service figures under Cockpit's own API
 * ({@code /camunda/api/cockpit/plugin/service-kpis/{engine}/report}), authenticated by the
 * webapp's session like the rest of Cockpit. Registered through
 * {@code META-INF/services/org.camunda.bpm.cockpit.plugin.spi.CockpitPlugin}; the page itself is
 * {@code app/cockpit/scripts/service-kpis.js}.
 */
public class ServiceKpisPlugin extends AbstractCockpitPlugin {

  public static final String ID = "service-kpis";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(ServiceKpisRootResource.class);
  }
}
