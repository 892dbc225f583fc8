package org.aftersales.api;

/** One bad input field: its JSON path (e.g. {@code customer.name}) and what is wrong. */
public record FieldProblem(String field, String message) {
}
