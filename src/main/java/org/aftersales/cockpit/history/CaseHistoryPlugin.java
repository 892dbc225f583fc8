package org.aftersales.cockpit.history;

import java.util.Set;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * Server side of the Cockpit plugin "Case history" ({@code app/cockpit/scripts/case-history.js}):
 * what the engine's REST API cannot give the webapp session, i.e. the approval records of a case.
 * Served under {@code /camunda/api/cockpit/plugin/case-history/{engine}/...} with the webapp's login.
 */
public class CaseHistoryPlugin extends AbstractCockpitPlugin {

  public static final String ID = "case-history";

  @Override
  public String getId() {
    return ID;
  }

  /** Cockpit loads {@code app/plugin.js} and {@code app/plugin.css} of every plugin from here. */
  @Override
  public String getAssetDirectory() {
    return "org/aftersales/cockpit/history/assets";
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(CaseHistoryRootResource.class);
  }
}
