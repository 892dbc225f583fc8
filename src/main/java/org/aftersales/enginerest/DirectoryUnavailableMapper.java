package org.aftersales.enginerest;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.aftersales.common.Languages;
import org.aftersales.identity.ldap.DirectoryUnavailableException;
import org.aftersales.security.DirectoryUnavailable;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * The directory cannot answer (profile {@code ldap}): 503 with the reason in the reader's language, in
 * every JAX-RS application (the webapps' login, their engine API, {@code /engine-rest}), where the
 * webapps' own handler would answer 500.
 */
@Priority(EngineRestExceptionMapper.AFTER_TASK_INPUT)
public class DirectoryUnavailableMapper implements ExceptionMapper<DirectoryUnavailableException> {

  @Context HttpServletRequest request;

  @Override
  public Response toResponse(DirectoryUnavailableException exception) {
    DirectoryUnavailable.log(request.getMethod() + " " + request.getRequestURI(), exception);
    var spring = WebApplicationContextUtils.getWebApplicationContext(request.getServletContext());
    var language = spring == null ? Languages.requested(request) : spring.getBean(Languages.class).of(request);
    return Response.status(Response.Status.SERVICE_UNAVAILABLE).header("Retry-After", "60")
        .type(MediaType.APPLICATION_JSON_TYPE).entity(DirectoryUnavailable.body(language)).build();
  }
}
