package org.aftersales.tasklist;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aftersales.common.DecisionReasons;
import org.aftersales.common.Language;
import org.aftersales.common.Languages;
import org.aftersales.common.SystemAuthority;
import org.aftersales.forms.CamundaForm;
import org.aftersales.forms.DeployedForms;
import org.aftersales.forms.FormErrors;
import org.aftersales.forms.FormField;
import org.aftersales.forms.FormTexts;
import org.aftersales.forms.FormViolation;
import org.aftersales.identity.TasklistFilterTexts;
import org.aftersales.security.EngineRequestGuard;
import org.aftersales.security.RequestPaths;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Chooses the request's language ({@link Languages}) and, for a person who reads Chinese, puts our
 * texts into what Tasklist reads from the engine, on Tasklist's engine API and on
 * {@code /engine-rest} alike: the deployed task and start forms ({@link FormTexts}), task names and
 * the names of their processes ({@link TaskTexts}), the names and descriptions of our filters
 * ({@link TasklistFilterTexts}), the names of our groups ({@link GroupNames}) and, in a task's
 * variables, the reasons DMN tables gave ({@link DecisionReasons}). The engine keeps one model, one form and one English name per
 * task; only the answer changes, and only its texts. English answers pass untouched.
 */
public class LocalisedResponses extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(LocalisedResponses.class);
  /** Numbers pass as written (a form's 0.10 stays 0.10). */
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
  private static final String PREFIX = RequestPaths.ENGINE_API;
  private static final Pattern FORM = Pattern.compile(PREFIX
      + "/(?:task/[^/]+/deployed-form|process-definition/(?:key/[^/]+(?:/tenant-id/[^/]+)?|[^/]+)/deployed-start-form)/?$");
  /** Tasks, filters and process definitions, single or listed (also inside a filter's HAL list). */
  private static final Pattern ENTITIES = Pattern.compile(PREFIX
      + "/(?:task(?:/[^/]+)?|filter(?:/[^/]+(?:/list|/singleResult)?)?"
      + "|process-definition(?:/key/[^/]+(?:/tenant-id/[^/]+)?|/(?!key/)[^/]+)?"
      + "|group(?:/[^/]+)?)/?$");

  /**
   * A task's variables as its form reads them: the reasons DMN tables gave, and the codes its
   * read-only text fields show (a channel, a return reason).
   */
  private static final Pattern VARIABLES = Pattern.compile(PREFIX + "/task/([^/]+)/(form-variables|variables)/?$");

  /** A process definition's BPMN XML, which Tasklist's and Cockpit's diagrams draw. */
  private static final Pattern DIAGRAM = Pattern.compile(PREFIX
      + "/process-definition/(?:key/[^/]+(?:/tenant-id/[^/]+)?|[^/]+)/xml/?$");

  /** What kind of answer is localised. */
  enum Answer { FORM, ENTITIES, VARIABLES, DIAGRAM }

  /** Completing a task: a refusal by a task listener (TaskInputExceptionMapper) comes back in English. */
  private static final Pattern SUBMIT = Pattern.compile(PREFIX + "/task/([^/]+)/(?:complete|submit-form)/?$");
  private static final String ENGLISH_REFUSAL = FormErrors.body(List.of()).get("message").toString();
  /**
   * How Tasklist's engine API (which has no TaskInputExceptionMapper) answers a listener's refusal:
   * "Cannot submit task form …: ENGINE-03051 … Exception while invoking TaskListener: field: message'".
   */
  private static final Pattern LISTENER_REFUSAL = Pattern.compile(
      "Exception while invoking TaskListener: ([A-Za-z_][\\w.-]*): (.+?)'?$", Pattern.DOTALL);

  /** Saving a task, a filter or (Admin) a group: the webapp sends back the name (and description) it was shown. */
  private static final Pattern UPDATE = Pattern.compile(PREFIX + "/(task|filter|group)/([^/]+)/?$");
  /** Larger updates are left to the request guard, unread. */
  private static final int MAX_UPDATE_BYTES = 65_536;

  private final Languages languages;
  private final DeployedForms forms;
  private final TaskService taskService;
  private final FilterService filterService;
  private final SystemAuthority system;

  public LocalisedResponses(Languages languages, DeployedForms forms, TaskService taskService,
      FilterService filterService, SystemAuthority system) {
    this.languages = languages;
    this.forms = forms;
    this.taskService = taskService;
    this.filterService = filterService;
    this.system = system;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Language language = languages.of(request);
    request.setAttribute(Languages.ATTRIBUTE, language);
    String path = RequestPaths.of(request);
    Matcher update = UPDATE.matcher(path);
    if (update.matches() && "PUT".equals(request.getMethod()) && language != Language.EN
        && request.getContentLength() >= 0 && request.getContentLength() <= MAX_UPDATE_BYTES) {
      chain.doFilter(storedTexts(request, update.group(1), update.group(2), language), response);
      return;
    }
    Matcher submit = SUBMIT.matcher(path);
    if (submit.matches() && "POST".equals(request.getMethod()) && language != Language.EN) {
      localiseRefusal(request, response, chain, submit.group(1), language);
      return;
    }
    Matcher variables = VARIABLES.matcher(path);
    Answer answer = FORM.matcher(path).matches() ? Answer.FORM
        : ENTITIES.matcher(path).matches() ? Answer.ENTITIES
        : variables.matches() && "GET".equals(request.getMethod()) ? Answer.VARIABLES
        : DIAGRAM.matcher(path).matches() && "GET".equals(request.getMethod()) ? Answer.DIAGRAM : null;
    if (answer == null || !("GET".equals(request.getMethod()) || "POST".equals(request.getMethod()))) {
      chain.doFilter(request, response);
      return;
    }
    response.addHeader("Vary", "Accept-Language");
    // codes are named in English too; our other texts are English already
    boolean codes = answer == Answer.VARIABLES && "form-variables".equals(variables.group(2));
    if (language == Language.EN && !codes) {
      chain.doFilter(request, response);
      return;
    }
    ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, wrapper);
    byte[] body = wrapper.getContentAsByteArray();
    if (wrapper.getStatus() == HttpServletResponse.SC_OK && body.length > 0 && isJson(wrapper.getContentType())) {
      byte[] localised = codes ? formVariables(body, forms.taskForm(variables.group(1)).orElse(null), language)
          : localise(body, answer, language);
      wrapper.resetBuffer();
      wrapper.getOutputStream().write(localised);
    }
    wrapper.copyBodyToResponse();
  }

  /**
   * A refusal by a task listener, which names no label and speaks English, in the reader's language
   * with the field's label; the form check's own refusals already are.
   */
  private void localiseRefusal(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
      String taskId, Language language) throws IOException, ServletException {
    response.addHeader("Vary", "Accept-Language");
    ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, wrapper);
    byte[] body = wrapper.getContentAsByteArray();
    if (wrapper.getStatus() == HttpServletResponse.SC_BAD_REQUEST && isJson(wrapper.getContentType())) {
      try {
        JsonNode refusal = MAPPER.readTree(body);
        String message = refusal.path("message").asText();
        Matcher wrapped = LISTENER_REFUSAL.matcher(message);
        List<FormViolation> violations = new ArrayList<>();
        if (message.startsWith(ENGLISH_REFUSAL) && refusal.path("fields").isArray()) {
          refusal.path("fields").forEach(f -> violations.add(new FormViolation(f.path("field").asText(),
              f.path("rule").asText(), f.path("message").asText())));
        } else if (wrapped.find()) {
          violations.add(new FormViolation(wrapped.group(1), "accepted", wrapped.group(2)));
        }
        if (!violations.isEmpty()) {
          CamundaForm form = forms.taskForm(taskId).orElse(null);
          wrapper.resetBuffer();
          MAPPER.writeValue(wrapper.getOutputStream(), FormErrors.body(violations, form, language));
        }
      } catch (IOException e) {
        LOG.debug("Refusal left as it is: {}", e.getMessage());
      }
    }
    wrapper.copyBodyToResponse();
  }

  /**
   * The update with the engine's own (English) name and description where it carries the ones we
   * showed: Tasklist saves a task's dates or a filter's criteria by sending the whole entity back,
   * and the translation must not become the stored text.
   */
  private HttpServletRequest storedTexts(HttpServletRequest request, String kind, String id, Language language)
      throws IOException {
    byte[] body = request.getInputStream().readAllBytes();
    HttpServletRequest passOn = new EngineRequestGuard.CachedBodyRequest(request, body);
    JsonNode json;
    try {
      json = MAPPER.readTree(body);
    } catch (IOException e) {
      return passOn; // the engine answers that
    }
    if (!(json instanceof ObjectNode update)) {
      return passOn;
    }
    boolean changed = switch (kind) {
      case "task" -> storedTaskName(update, id, language);
      case "group" -> GroupNames.restoreStored(update, id, language);
      default -> storedFilterTexts(update, id, language);
    };
    return changed ? new EngineRequestGuard.CachedBodyRequest(request, MAPPER.writeValueAsBytes(update)) : passOn;
  }

  private boolean storedTaskName(ObjectNode update, String taskId, Language language) {
    String sent = update.path("name").asText(null);
    Task stored = sent == null ? null : system.call(() -> taskService.createTaskQuery().taskId(taskId).singleResult());
    if (stored == null || stored.getName() == null || sent.equals(stored.getName())) {
      return false;
    }
    if (!sent.equals(TaskTexts.taskName(stored.getName(), stored.getProcessDefinitionId(),
        stored.getTaskDefinitionKey(), language))) {
      return false;
    }
    update.put("name", stored.getName());
    return true;
  }

  private boolean storedFilterTexts(ObjectNode update, String filterId, Language language) {
    Filter stored = system.call(() -> filterService.getFilter(filterId));
    if (stored == null || stored.getProperties() == null) {
      return false;
    }
    ObjectNode shown = MAPPER.createObjectNode();
    shown.put("resourceType", stored.getResourceType());
    shown.put("name", stored.getName());
    shown.set("properties", MAPPER.valueToTree(stored.getProperties()));
    localiseFilter(shown, language);
    boolean changed = false;
    if (update.path("name").isTextual() && update.path("name").asText().equals(shown.path("name").asText())) {
      update.put("name", stored.getName());
      changed = true;
    }
    Object description = stored.getProperties().get("description");
    if (update.path("properties") instanceof ObjectNode properties && description instanceof String text
        && properties.path("description").asText("").equals(shown.path("properties").path("description").asText())) {
      properties.put("description", text);
      changed = true;
    }
    return changed;
  }

  private static boolean isJson(String contentType) {
    return contentType != null && contentType.contains("json");
  }

  static byte[] localise(byte[] body, Answer answer, Language language) {
    try {
      JsonNode json = MAPPER.readTree(body);
      JsonNode localised = switch (answer) {
        case FORM -> FormTexts.localise(json, language);
        case ENTITIES -> entities(json, language);
        case VARIABLES -> reasons(json, language);
        case DIAGRAM -> diagram(json, language);
      };
      return MAPPER.writeValueAsBytes(localised);
    } catch (IOException e) {
      LOG.debug("Answer left as it is: {}", e.getMessage());
      return body;
    }
  }

  /** The diagram's element names in {@code language} ({@link DiagramNames}); the model's structure as deployed. */
  static JsonNode diagram(JsonNode json, Language language) {
    if (json instanceof ObjectNode definition && definition.path("bpmn20Xml").isTextual()) {
      definition.put("bpmn20Xml", DiagramNames.localise(definition.path("bpmn20Xml").asText(), language));
    }
    return json;
  }

  /**
   * A task's form variables as its form shows them in {@code language}: reasons of the DMN tables,
   * and the codes in read-only text fields by the names the options of the same key give them. Tasklist
   * sends them back so when the form is submitted; the form check takes them for the stored values.
   */
  static byte[] formVariables(byte[] body, CamundaForm form, Language language) {
    try {
      JsonNode json = reasons(MAPPER.readTree(body), language);
      if (form != null && json instanceof ObjectNode values) {
        for (FormField field : form.fields()) {
          boolean shownAsText = "textfield".equals(field.type()) || "textarea".equals(field.type());
          if (shownAsText && (field.readonly() || field.disabled())
              && values.path(field.key()) instanceof ObjectNode variable && variable.path("value").isTextual()) {
            variable.put("value", FormTexts.valueLabel(field.key(), variable.path("value").asText(), language));
          }
        }
      }
      return MAPPER.writeValueAsBytes(json);
    } catch (IOException e) {
      LOG.debug("Answer left as it is: {}", e.getMessage());
      return body;
    }
  }

  /**
   * The reasons DMN tables gave, in the reader's language. Shown read-only, they come back as shown
   * when the form is submitted; the form check takes them for the stored ones.
   */
  static JsonNode reasons(JsonNode json, Language language) {
    if (json instanceof ObjectNode variables) {
      for (String name : DecisionReasons.VARIABLES) {
        if (variables.path(name) instanceof ObjectNode variable && variable.path("value").isTextual()) {
          variable.put("value", DecisionReasons.in(language, variable.path("value").asText()));
        }
      }
    }
    return json;
  }

  /** Walks the answer (a list, an entity, a HAL document) and localises every task, filter and process in it. */
  static JsonNode entities(JsonNode json, Language language) {
    if (json instanceof ArrayNode array) {
      array.forEach(item -> entities(item, language));
    } else if (json instanceof ObjectNode object) {
      localiseEntity(object, language);
      object.forEach(child -> {
        if (child.isContainerNode()) {
          entities(child, language);
        }
      });
    }
    return json;
  }

  private static void localiseEntity(ObjectNode object, Language language) {
    if (object.path("taskDefinitionKey").isTextual() && object.path("name").isTextual()) {
      object.put("name", TaskTexts.taskName(object.path("name").asText(), object.path("processDefinitionId").asText(null),
          object.path("taskDefinitionKey").asText(), language));
    } else if ("Task".equals(object.path("resourceType").asText(null))
        && object.path("properties").path("aftersalesFilter").isTextual()) {
      localiseFilter(object, language);
    } else if (object.path("key").isTextual() && object.path("name").isTextual() && object.has("deploymentId")
        && object.has("version")) {
      object.put("name", TaskTexts.processName(object.path("name").asText(), object.path("key").asText(), language));
    } else if (GroupNames.isGroup(object)) {
      GroupNames.localise(object, language);
    }
  }

  private static void localiseFilter(ObjectNode filter, Language language) {
    JsonNode properties = filter.path("properties");
    String kind = properties.path("aftersalesFilter").asText();
    String owner = properties.path("owner").asText(null);
    String name = filter.path("name").asText(null);
    if (name != null && name.equals(TasklistFilterTexts.name(kind, owner, Language.EN))) {
      filter.put("name", TasklistFilterTexts.name(kind, owner, language));
    }
    String description = properties.path("description").asText(null);
    if (description != null && properties instanceof ObjectNode props
        && description.equals(TasklistFilterTexts.description(kind, owner, Language.EN))) {
      props.put("description", TasklistFilterTexts.description(kind, owner, language));
    }
  }
}
