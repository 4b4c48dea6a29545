package io.dealsync.rules;

import io.dealsync.model.Severity;

/** A row of the reason-code table: the stable code, its severity, and the message template ({field} is the column). */
public record ReasonCode(String code, Severity severity, String message) {
    /**
     * What the code means, for the run report's table of codes: the message with its slots named, e.g.
     * "‹column› is required but is empty" (not "A field is required", which reads as a column named "A field").
     */
    public String meaning() {
        String m = message.replace("{field}", "‹column›").replace("{detail}", "‹what is wrong›")
                .replace("{date format}", "‹the file's date form›").replace("{number format}", "‹the file's number form›");
        return m.replaceAll("\\{column:([^}]*)\\}", "$1");
    }

    public String render(String field) {
        String f = field == null || field.isEmpty() ? "the record" : field;
        return message.replace("{field}", f);
    }
}
