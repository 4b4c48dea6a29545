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

    @Test
    void rulesThisBuildCompiledBeforeAreKnownAsSuchBeforeTheirCompileEnds(@TempDir Path tmp) throws IOException {
        // given: the rules compiled once with this build
        Path rules = RuleCasesTest.copyRules(tmp);
        CompiledRules compiled = new CompiledRules(tmp.resolve("data/" + CompiledRules.FILE), "test-build");
        RuleBookHolder first = RuleBookHolder.compiling(rules, compiled);
        assertThat(first.compiledBefore()).as("never compiled yet").isFalse();
        first.awaitCompiled();

        // when: the next run's holder, its compile just started
        RuleBookHolder next = RuleBookHolder.compiling(rules, compiled);

        // then
        assertThat(next.compiledBefore()).isTrue();
        assertThat(next.fingerprint()).isEqualTo(RuleBook.fingerprint(rules));

        // and a changed folder is not
        Files.writeString(rules.resolve("lifecycle.drl"), "\n// an analyst's comment\n",
                java.nio.file.StandardOpenOption.APPEND);
        assertThat(RuleBookHolder.compiling(rules, compiled).compiledBefore()).isFalse();
    }
}
