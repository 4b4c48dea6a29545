package io.dealsync.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealsync.rules.RuleBook;
import io.dealsync.rules.RuleBookHolder;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The readiness probe answers at once while the rules compile, and says when they do not. */
class RulesCheckTest {
    private static final Path RULES = Path.of("rules");

    @Test
    @Timeout(20) // asked for the rules, it would wait for a compile that never ends
    void whileTheFirstCompileRunsItIsDownAtOnce() {
        CompletableFuture<RuleBook> compile = new CompletableFuture<>();
        RulesCheck check = new RulesCheck(RuleBookHolder.compilingWith(RULES, compile));
        HealthCheck.Result r = call(check); // would wait for the compile if it asked for the rules
        assertThat(r.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(r.getMessage()).contains("The rules are still compiling");

        compile.complete(RuleBook.compile(RULES));
        HealthCheck.Result up = call(check);
        assertThat(up.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(up.getDetails()).containsKey("fingerprint");
    }

    @Test
    void rulesThatDoNotCompileAreDownWithAReason() {
        CompletableFuture<RuleBook> compile = CompletableFuture.failedFuture(new IllegalStateException("broken DRL"));
        HealthCheck.Result r = call(new RulesCheck(RuleBookHolder.compilingWith(RULES, compile)));
        assertThat(r.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(r.getMessage()).contains("The rules do not compile");
    }

    private static HealthCheck.Result call(RulesCheck check) {
        HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(check);
        check.doCall(builder, Map.of());
        return builder.build();
    }
}
