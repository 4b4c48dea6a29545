package io.dealsync.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dealsync.rulecases.RuleCasesTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleBookHolderTest {
    @Test
    void rulesCompilingAsideAreThereOnceAwaited(@TempDir Path tmp) throws IOException {
        Path rules = RuleCasesTest.copyRules(tmp);
        RuleBookHolder holder = RuleBookHolder.compiling(rules);
        assertThat(holder.current().fingerprint()).isEqualTo(RuleBook.fingerprint(rules)); // current() waits
        assertThat(holder.awaitCompiled().current()).isSameAs(holder.current());
        assertThat(holder.reloadIfChanged()).isFalse(); // nothing changed since the first compile
    }

    @Test
    void brokenRulesCompilingAsideFailWhenAwaited(@TempDir Path tmp) throws IOException {
        Path rules = RuleCasesTest.copyRules(tmp);
        Path drl = rules.resolve("lifecycle.drl");
        Files.writeString(drl, Files.readString(drl) + "\nrule \"half written\"\nwhen\n    $d : Deal( substatus == )\nthen\nend\n");
        RuleBookHolder holder = RuleBookHolder.compiling(rules); // does not throw: the compile runs aside
        assertThatThrownBy(holder::awaitCompiled).isInstanceOf(RulesException.class).hasMessageContaining("lifecycle.drl");
        assertThatThrownBy(holder::current).isInstanceOf(RulesException.class); // and again, for whoever asks
    }
}
