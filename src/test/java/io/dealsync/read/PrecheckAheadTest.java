package io.dealsync.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A precheck made while the rules compile stands in for the intake's only for the same file, unchanged. */
class PrecheckAheadTest {
    private static final SourceProfile CANONICAL = SourceProfile.canonical();

    @TempDir
    Path dir;

    @Test
    void theIntakeTakesTheCheckMadeAheadOnceEvenAfterTheFileMovedIntoInProgress() throws Exception {
        // given
        Path file = write("a.csv", "Referral ID,Notes\nR-1,hello\n");
        PrecheckAhead ahead = checkedAhead(file);
        Path moved = Files.move(file, Files.createDirectories(dir.resolve(".inprogress")).resolve("a.csv"));

        // when
        FilePrecheck.Result taken = ahead.take(moved, CANONICAL);

        // then
        assertThat(taken).isEqualTo(FilePrecheck.check(moved, CANONICAL));
        assertThat(ahead.take(moved, CANONICAL)).as("taken once").isNull();
    }

    @Test
    void aFileWrittenToSinceIsCheckedAgain() throws Exception {
        // given: the same size, only the modification time tells
        Path file = write("a.csv", "Referral ID,Notes\nR-1,hello\n");
        PrecheckAhead ahead = checkedAhead(file);
        Files.writeString(file, "Referral ID,Notes\nR-2,hello\n");
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 2_000));

        // when / then
        assertThat(ahead.take(file, CANONICAL)).isNull();
    }

    @Test
    void anotherFileOrAnotherProfileIsNotTheCheckMadeAhead() throws Exception {
        // given
        Path file = write("a.csv", "Referral ID,Notes\nR-1,hello\n");
        Path other = write("b.csv", "Referral ID,Notes\nR-1,hello\n");
        PrecheckAhead ahead = checkedAhead(file);
        SourceProfile latin = SourceProfile.of("latin", "test", Map.of("encoding", "windows-1252"));

        // when / then
        assertThat(ahead.take(other, CANONICAL)).isNull();
        assertThat(ahead.take(file, latin)).isNull();
    }

    @Test
    void nothingIsCheckedOnceTheRulesHaveCompiled() throws Exception {
        // given
        Path file = write("a.csv", "Referral ID,Notes\nR-1,hello\n");
        PrecheckAhead ahead = new PrecheckAhead();

        // when
        ahead.checkAll(List.of(file), f -> CANONICAL, () -> true);

        // then
        assertThat(ahead.take(file, CANONICAL)).isNull();
        assertThat(PrecheckAhead.NONE.take(file, CANONICAL)).isNull();
    }

    private PrecheckAhead checkedAhead(Path file) {
        PrecheckAhead ahead = new PrecheckAhead();
        ahead.checkAll(List.of(file), f -> CANONICAL, () -> false);
        return ahead;
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }
}
