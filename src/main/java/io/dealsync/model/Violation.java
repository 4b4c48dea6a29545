package io.dealsync.model;

/**
 * One rule that fired for a record: its stable reason code, the column it is about (may be empty),
 * the message a person reads, the severity, and the rule that raised it.
 */
public record Violation(String code, String field, String message, Severity severity, String rule) {
    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
