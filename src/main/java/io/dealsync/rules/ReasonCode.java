package io.dealsync.rules;

import io.dealsync.model.Severity;

/** A row of the reason-code table: the stable code, its severity, and the message template ({field} is the column). */
public record ReasonCode(String code, Severity severity, String message) {
    public String render(String field) {
        String f = field == null || field.isEmpty() ? "the record" : field;
        return message.replace("{field}", f);
    }
}
