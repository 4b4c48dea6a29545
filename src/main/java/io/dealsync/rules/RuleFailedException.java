package io.dealsync.rules;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.runtime.rule.ConsequenceException;

/**
 * A rule compiled but failed while judging a file (e.g. a column name it asks for is no column). The file
 * cannot be judged with these rules: it fails, with this one-line reason, and the run exits 2.
 */
public class RuleFailedException extends RuntimeException {
    private static final Pattern RULE_IN_MESSAGE = Pattern.compile("Rule \"([^\"]+)\"");

    private final String rule;
    private final String where;
    private final String reason;

    public RuleFailedException(String rule, String where, String reason, Throwable cause) {
        super("the rule \"" + rule + "\"" + (where.isEmpty() ? "" : " (" + where + ")") + " failed: " + reason
                + ". Fix the rule (./dealsync rules check), then put the file back in the inbox", cause);
        this.rule = rule;
        this.where = where;
        this.reason = reason;
    }

    /** Where the rule is written, {@code rules/creation.drl:30} ("" when unknown). */
    public String where() {
        return where;
    }

    /** What went wrong, e.g. {@code "Estimated Deal Vaule" is not a column (did you mean "Estimated Deal Value"?)}. */
    public String reason() {
        return reason;
    }

    /** The rule's name. */
    public String rule() {
        return rule;
    }

    /** What Drools threw, in the analyst's words: the rule, where it is written, and the deepest cause's message. */
    static RuleFailedException of(RuleBook book, RuntimeException e) {
        String rule = null;
        if (e instanceof ConsequenceException ce && ce.getRule() != null) {
            rule = ce.getRule().getName();
        }
        Throwable root = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (rule == null && t.getMessage() != null) {
                Matcher m = RULE_IN_MESSAGE.matcher(t.getMessage());
                if (m.find()) {
                    rule = m.group(1);
                }
            }
            root = t;
        }
        String reason = root.getMessage() == null ? root.getClass().getSimpleName() : oneLine(root.getMessage());
        String name = rule == null ? "?" : rule;
        return new RuleFailedException(name, rule == null ? "" : book.locate(rule), reason, e);
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
