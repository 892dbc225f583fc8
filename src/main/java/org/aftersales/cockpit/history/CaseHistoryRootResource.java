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
    return subResource(new CaseHistoryResource(engineName, servletContext), engineName);
  }
}
