package io.dealsync.health;

import io.dealsync.rules.RuleBookHolder;
import io.dealsync.rules.RuleBook;
import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * Readiness: rules are compiled and in force (their fingerprint is a detail). Asked while the first compile still
 * runs, it answers at once (down, compiling) rather than holding the probe until the compile ends.
 */
public final class RulesCheck extends ReadinessCheck {
    private final RuleBookHolder rules;

    public RulesCheck(RuleBookHolder rules) {
        super("dealsync-rules");
        this.rules = rules;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        if (!rules.firstCompileEnded()) {
            builder.message("The rules are still compiling").down();
            return;
        }
        RuleBook book;
        try {
            book = rules.current();
        } catch (RuntimeException e) { // the first compile failed: the run stops with the rules' errors
            builder.message("The rules do not compile").down();
            return;
        }
        if (book == null) {
            builder.message("No compiled rules").down();
            return;
        }
        builder.detail("fingerprint", book.fingerprint()).up();
    }
}
