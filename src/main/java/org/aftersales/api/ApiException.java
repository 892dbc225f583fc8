package org.aftersales.api;

import java.util.List;
import org.springframework.http.HttpStatus;

/** An answer other than success that the API gives on purpose, with the reason. */
public class ApiException extends RuntimeException {

  private final HttpStatus status;
  private final List<FieldProblem> fields;

  public ApiException(HttpStatus status, String message) {
    this(status, message, List.of());
  }

  public ApiException(HttpStatus status, String message, List<FieldProblem> fields) {
    super(message);
    this.status = status;
    this.fields = List.copyOf(fields);
  }

  public static ApiException badRequest(List<FieldProblem> fields) {
    return new ApiException(HttpStatus.BAD_REQUEST, "The request has invalid fields", fields);
  }

  public static ApiException badField(String field, String message) {
    return badRequest(List.of(new FieldProblem(field, message)));
  }

  public static ApiException notFound(String message) {
    return new ApiException(HttpStatus.NOT_FOUND, message);
  }

  public static ApiException conflict(String message) {
    return new ApiException(HttpStatus.CONFLICT, message);
  }

  public static ApiException forbidden(String message) {
    return new ApiException(HttpStatus.FORBIDDEN, message);
  }

  public HttpStatus status() {
    return status;
  }

  public List<FieldProblem> fields() {
    return fields;
  }
}
