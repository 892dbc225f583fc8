package org.aftersales.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Error answers of {@code /api}: {@code {"status", "error", "message", "fields": [...]}}.
 * Bad input is a 400 naming each field; nothing unexpected leaks a stack trace.
 */
@RestControllerAdvice(basePackages = "org.aftersales")
public class ApiErrors {

  private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

  @ExceptionHandler(ApiException.class)
  ResponseEntity<Map<String, Object>> api(ApiException e) {
    return body(e.status(), e.getMessage(), e.fields());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
    if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      return body(HttpStatus.BAD_REQUEST, "The request has invalid fields", List.of(fieldProblem(mapping)));
    }
    if (e.getCause() instanceof JsonParseException parse && parse.getOriginalMessage().startsWith("Duplicate field")) {
      return body(HttpStatus.BAD_REQUEST, "The request has invalid fields",
          List.of(new FieldProblem(duplicateName(parse.getOriginalMessage()), "is given more than once")));
    }
    return body(HttpStatus.BAD_REQUEST, "The request body is missing or is not valid JSON", List.of());
  }

  /** The field a strict read refused ({@code customer.cityTier}) and what is wrong with it. */
  public static FieldProblem fieldProblem(JsonMappingException mapping) {
    String field = mapping.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining(".")).replace(".[", "[");
    return new FieldProblem(field.isEmpty() ? "body" : field, problem(mapping));
  }

  /** What is wrong with one field, in the client's terms (StrictJson refuses unknown fields and coercion). */
  private static String problem(JsonMappingException mapping) {
    if (mapping instanceof UnrecognizedPropertyException) {
      return "is not a field of this request";
    }
    if (mapping instanceof StrictJson.NotPlainText) {
      return mapping.getOriginalMessage();
    }
    if (mapping instanceof InvalidFormatException invalid) {
      return "cannot read '" + invalid.getValue() + "' as " + simpleType(invalid.getTargetType());
    }
    if (mapping instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
      return "must be " + simpleType(mismatched.getTargetType());
    }
    return "has the wrong type or shape";
  }

  /** Jackson's "Duplicate field 'x'" names the field in quotes. */
  private static String duplicateName(String message) {
    int start = message.indexOf('\'');
    int end = message.indexOf('\'', start + 1);
    return start >= 0 && end > start ? message.substring(start + 1, end) : "body";
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException e) {
    return body(HttpStatus.BAD_REQUEST, "The request has invalid fields",
        List.of(new FieldProblem("file", "is larger than the upload limit")));
  }

  @ExceptionHandler(MissingServletRequestPartException.class)
  ResponseEntity<Map<String, Object>> missingPart(MissingServletRequestPartException e) {
    return body(HttpStatus.BAD_REQUEST, "The request has invalid fields",
        List.of(new FieldProblem(e.getRequestPartName(), "is required")));
  }

  @ExceptionHandler(MultipartException.class)
  ResponseEntity<Map<String, Object>> multipart(MultipartException e) {
    return body(HttpStatus.BAD_REQUEST, "Expected a multipart/form-data upload with a 'file' part", List.of());
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<Map<String, Object>> missingParameter(MissingServletRequestParameterException e) {
    return body(HttpStatus.BAD_REQUEST, "The request has invalid fields",
        List.of(new FieldProblem(e.getParameterName(), "is required")));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Map<String, Object>> typeMismatch(MethodArgumentTypeMismatchException e) {
    return body(HttpStatus.BAD_REQUEST, "The request has invalid fields",
        List.of(new FieldProblem(e.getName(), "has the wrong format")));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e) {
    return body(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content type " + e.getContentType() + " is not supported here",
        List.of());
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e) {
    return body(HttpStatus.METHOD_NOT_ALLOWED, "Method " + e.getMethod() + " is not allowed here", List.of());
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<Map<String, Object>> noResource(NoResourceFoundException e) {
    return body(HttpStatus.NOT_FOUND, "No such resource", List.of());
  }

  /** Somebody changed the same approval or case at the same moment, or it moved on meanwhile. */
  @ExceptionHandler({OptimisticLockingException.class, MismatchingMessageCorrelationException.class})
  ResponseEntity<Map<String, Object>> concurrent(RuntimeException e) {
    LOG.info("Refused as concurrent or stale: {}", e.getMessage());
    return body(HttpStatus.CONFLICT, "It changed meanwhile; reload and try again", List.of());
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Map<String, Object>> unexpected(Exception e) {
    String reference = UUID.randomUUID().toString();
    LOG.error("Unexpected error answering an API request (reference {})", reference, e);
    return body(HttpStatus.INTERNAL_SERVER_ERROR,
        "Something went wrong on our side; the log names it with reference " + reference, List.of());
  }

  static ResponseEntity<Map<String, Object>> body(HttpStatus status, String message, List<FieldProblem> fields) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status.value());
    body.put("error", status.getReasonPhrase());
    body.put("message", message);
    if (!fields.isEmpty()) {
      body.put("fields", fields);
    }
    return ResponseEntity.status(status).body(body);
  }

  private static String simpleType(Class<?> type) {
    if (type == null) {
      return "the expected type";
    }
    return switch (type.getSimpleName()) {
      case "LocalDate" -> "a date (yyyy-MM-dd)";
      case "Integer", "int", "Long", "long" -> "a whole number";
      case "Boolean", "boolean" -> "true or false";
      case "String" -> "text";
      case "Instant" -> "a time (ISO 8601 with zone, e.g. 2026-12-03T09:30:00Z)";
      case "BigDecimal", "Double", "double" -> "a number";
      default -> type.getSimpleName();
    };
  }
}
