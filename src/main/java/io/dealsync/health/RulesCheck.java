package io.dealsync.health;

import io.dealsync.rules.RuleBookHolder;
import io.dealsync.rules.RuleBook;
import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;

/** Readiness: rules are compiled and in force (their fingerprint is a detail). */
public final class RulesCheck extends ReadinessCheck {
    private final RuleBookHolder rules;

    public RulesCheck(RuleBookHolder rules) {
        super("dealsync-rules");
        this.rules = rules;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        RuleBook book = rules.current();
        if (book == null) {
            builder.message("No compiled rules").down();
            return;
        }
        builder.detail("fingerprint", book.fingerprint()).up();
    }
}
