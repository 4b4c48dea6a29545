package io.dealsync.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rules this build compiled are known by their fingerprint; another build, or none, knows nothing. */
class CompiledRulesTest {
    @TempDir
    Path data;

    @Test
    void rulesThatCompiledAreKnownToThisBuildOnly() {
        // given
        CompiledRules build1 = new CompiledRules(data.resolve(CompiledRules.FILE), "dealsync.jar:1:1");

        // when
        build1.compiled("aaaa");

        // then
        assertThat(build1.compiledBefore("aaaa")).isTrue();
        assertThat(build1.compiledBefore("bbbb")).as("changed rules").isFalse();
        assertThat(new CompiledRules(data.resolve(CompiledRules.FILE), "dealsync.jar:2:2").compiledBefore("aaaa"))
                .as("a rebuilt engine").isFalse();
    }

    @Test
    void withoutABuildIdentityNothingIsKnownOrWritten() {
        // given
        CompiledRules folderOfClasses = new CompiledRules(data.resolve(CompiledRules.FILE), null);

        // when
        folderOfClasses.compiled("aaaa");

        // then
        assertThat(folderOfClasses.compiledBefore("aaaa")).isFalse();
        assertThat(data.resolve(CompiledRules.FILE)).doesNotExist();
    }

    @Test
    void onlyTheNewestEntriesAreKeptAndAStrangeFileIsNoHarm() throws Exception {
        // given
        Files.writeString(data.resolve(CompiledRules.FILE), "not an entry\n\n");
        CompiledRules rules = new CompiledRules(data.resolve(CompiledRules.FILE), "b");

        // when
        for (int i = 0; i <= CompiledRules.KEPT; i++) {
            rules.compiled("f" + i);
        }

        // then
        assertThat(rules.compiledBefore("f0")).isFalse();
        assertThat(rules.compiledBefore("f1")).isTrue();
        assertThat(rules.compiledBefore("f" + CompiledRules.KEPT)).isTrue();
        assertThat(Files.readAllLines(data.resolve(CompiledRules.FILE))).hasSize(CompiledRules.KEPT);
    }
}
