package org.aftersales.cockpit.kpis;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;

/** {@code /camunda/api/cockpit/plugin/service-kpis/{engineName}/...}: one sub-resource per engine. */
@Path("plugin/" + ServiceKpisPlugin.ID)
public class ServiceKpisRootResource extends AbstractCockpitPluginRootResource {

  public ServiceKpisRootResource() {
    super(ServiceKpisPlugin.ID);
  }

  @Path("{engineName}")
  public ServiceKpisResource engine(@PathParam("engineName") String engineName) {
    // subResource(...) only hands its argument back, and its parameters differ between Camunda and Operaton.
    return new ServiceKpisResource(engineName, servletContext);
  }
}
