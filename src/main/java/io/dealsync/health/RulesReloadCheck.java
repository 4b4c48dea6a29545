package io.dealsync.health;

import io.dealsync.rules.RuleBookHolder;
import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * Readiness: the last look at the rules folder found rules that compile. After a failed reload the daemon
 * keeps working on its last good rules, but it is not ready: the analysts' change is not in force.
 */
public final class RulesReloadCheck extends ReadinessCheck {
    private final RuleBookHolder rules;

    public RulesReloadCheck(RuleBookHolder rules) {
        super("dealsync-rules-reload");
        this.rules = rules;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("reloads", rules.reloads()).detail("failures", rules.reloadFailures());
        String error = rules.lastError();
        if (error == null) {
            builder.up();
        } else {
            String first = error.lines().findFirst().orElse(error);
            builder.message("Changed rules do not compile; the last good rules (" + rules.current().fingerprint()
                    + ") stay in force: " + first).down();
        }
    }
}
