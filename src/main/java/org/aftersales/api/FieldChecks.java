package org.aftersales.api;

import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Bean Validation results as the API reports them: every bad field at once, by path. */
public final class FieldChecks {

  private FieldChecks() {
  }

  public static List<FieldProblem> problems(Validator validator, Object request) {
    List<FieldProblem> problems = new ArrayList<>();
    validator.validate(request).forEach(violation ->
        problems.add(new FieldProblem(violation.getPropertyPath().toString(), violation.getMessage())));
    return problems;
  }

  /** Throws a 400 listing the problems in field order, if there are any. */
  public static void reject(List<FieldProblem> problems) {
    if (!problems.isEmpty()) {
      List<FieldProblem> sorted = new ArrayList<>(problems);
      sorted.sort(Comparator.comparing(FieldProblem::field));
      throw ApiException.badRequest(sorted);
    }
  }
}
