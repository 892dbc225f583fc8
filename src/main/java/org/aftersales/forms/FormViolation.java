package org.aftersales.forms;

/** A submitted value the deployed form does not accept: the field, the rule it breaks, and why. */
public record FormViolation(String field, String rule, String message) {
}
