package org.aftersales.cockpit.history;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;

@Path("plugin/" + CaseHistoryPlugin.ID)
public class CaseHistoryRootResource extends AbstractCockpitPluginRootResource {

  public CaseHistoryRootResource() {
    super(CaseHistoryPlugin.ID);
  }

  @Path("{engine}")
  public CaseHistoryResource engine(@PathParam("engine") String engineName) {
    // subResource(...) only hands its argument back, and its parameters differ between Camunda and Operaton.
    return new CaseHistoryResource(engineName, servletContext);
  }
}
