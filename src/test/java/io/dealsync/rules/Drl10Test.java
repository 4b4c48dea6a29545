package io.dealsync.rules;

import io.dealsync.rulecases.RuleCasesTest;
import io.dealsync.rulecases.CaseFiles;
import io.dealsync.rulecases.CaseRun;
import io.dealsync.rulecases.RuleCase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped DRL also compiles (and passes its cases) with the DRL10 syntax level (drools.lang.level=DRL10). */
class Drl10Test {

    @Test
    void theRulesCompileAndPassUnderDrl10(@TempDir Path tmp) throws IOException {
        String before = System.getProperty("drools.lang.level");
        System.setProperty("drools.lang.level", "DRL10");
        try {
            // DRL10 refuses || between patterns, which DRL6 accepts: proof that the level took effect
            Path probe = RuleCasesTest.copyRules(tmp);
            Files.writeString(probe.resolve("probe.drl"), """
                    package dealsync.rules;
                    import io.dealsync.model.Deal;
                    rule "probe"
                    when
                        Deal() || Deal()
                    then
                    end
                    """);
            assertThatThrownBy(() -> RuleBook.compile(probe)).isInstanceOf(RulesException.class);

            RuleBook book = RuleBook.compile(Path.of("rules"));
            CaseFiles.Loaded loaded = CaseFiles.load(Path.of("rules"));
            for (RuleCase c : loaded.cases()) {
                CaseRun.Result r = CaseRun.check(book, c);
                assertThat(r.passed()).as(r.report()).isTrue();
            }
        } finally {
            if (before == null) {
                System.clearProperty("drools.lang.level");
            } else {
                System.setProperty("drools.lang.level", before);
            }
        }
    }
}
