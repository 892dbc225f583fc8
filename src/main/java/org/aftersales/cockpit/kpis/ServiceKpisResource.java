package org.aftersales.cockpit.kpis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aftersales.api.ApiException;
import org.aftersales.cockpit.CockpitTexts;
import org.aftersales.cockpit.ServiceDay;
import org.aftersales.common.Language;
import org.aftersales.common.Languages;
import org.aftersales.identity.StaffGroup;
import org.aftersales.reports.ServiceFigures;
import org.aftersales.reports.ServiceReport;
import org.aftersales.reports.ServiceReportRequest;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.ApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * The service report for Cockpit: the same figures, CSV and 400s as {@code /api/reports/service}
 * ({@link ServiceReportRequest}, {@link ServiceFigures}), for the same groups, but authenticated by
 * the webapp's session (Cockpit's security filter lets only a logged-in user of the engine through;
 * the webapp sets them and their groups on the engine for the request).
 */
public class ServiceKpisResource extends AbstractCockpitPluginResource {

  private static final String JSON = "application/json";
  private final ServletContext servletContext;

  public ServiceKpisResource(String engineName, ServletContext servletContext) {
    super(engineName);
    this.servletContext = servletContext;
  }

  /**
   * {@code GET .../report?from=YYYY-MM-DD&to=YYYY-MM-DD[&customerId=][&format=json|csv]}. The CSV's
   * header, units and definitions and the refusals' messages are in the request's language
   * ({@link Languages#of(String)}; the page sends its own as Accept-Language); JSON is the same in all.
   */
  @GET
  @Path("report")
  public Response report(@QueryParam("from") String from, @QueryParam("to") String to,
      @QueryParam("customerId") String customerId, @QueryParam("format") String format,
      @HeaderParam(HttpHeaders.ACCEPT) String accept,
      @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
    ApplicationContext spring = WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext);
    ObjectMapper json = spring.getBean(ObjectMapper.class);
    Language language = spring.getBean(Languages.class).of(acceptLanguage);
    try {
      requireReader();
      ServiceReportRequest request = ServiceReportRequest.parse(from, to, customerId, format, accept);
      ServiceReport report = request.report(spring.getBean(ServiceFigures.class));
      if (request.csv()) {
        return Response.ok(ServiceReportRequest.csv(report, language), ServiceReportRequest.CSV.toString())
            .header("Content-Disposition", ServiceReportRequest.csvContentDisposition(report))
            .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
            .build();
      }
      return Response.ok(json.writeValueAsString(report), JSON).build();
    } catch (ApiException e) {
      return refused(json, CockpitTexts.refusal(e, language));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The service report could not be written as JSON", e);
    }
  }

  /**
   * {@code GET .../page}: what the page needs before its first report: {@link ServiceDay} (its default
   * period ends on the service zone's today) and the words of the report's values in the request's
   * language ({@link ServiceReportRequest#words}). Any logged-in user.
   */
  @GET
  @Path("page")
  public Response page(@HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
    ApplicationContext spring = WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext);
    Map<String, Object> body = new LinkedHashMap<>(ServiceDay.of(spring.getBean(ServiceFigures.class).zone()));
    body.put("words", ServiceReportRequest.words(spring.getBean(Languages.class).of(acceptLanguage)));
    try {
      return Response.ok(spring.getBean(ObjectMapper.class).writeValueAsString(body), JSON)
          .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE).build();
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  /** The reader groups of {@code /api/reports/service}; {@code camunda-admin} always. */
  private void requireReader() {
    Authentication authentication = getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      throw ApiException.forbidden("Not authenticated");
    }
    List<String> member = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
    if (!member.contains(StaffGroup.ADMINS) && member.stream().noneMatch(ServiceReportRequest.READERS::contains)) {
      throw ApiException.forbidden("User '" + authentication.getUserId() + "' may not read service reports"
          + " (needs one of the groups " + String.join(", ", ServiceReportRequest.READERS) + ")");
    }
  }

  private static Response refused(ObjectMapper json, ApiException e) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", e.status().value());
    body.put("error", e.status().getReasonPhrase());
    body.put("message", e.getMessage());
    if (!e.fields().isEmpty()) {
      body.put("fields", e.fields());
    }
    try {
      return Response.status(e.status().value()).type(JSON).entity(json.writeValueAsString(body)).build();
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
