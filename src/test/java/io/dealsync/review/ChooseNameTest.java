package io.dealsync.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChooseNameTest {

    @TempDir
    Path dir;

    @Test
    void firstChoiceIsTheInputNameWithoutItsExtension() {
        assertThat(ReviewerFileNames.choose(dir, "deals-2026-11-26.csv", ".rejects.csv", "RUN1"))
                .isEqualTo(dir.resolve("deals-2026-11-26.rejects.csv"));
        assertThat(ReviewerFileNames.choose(dir, "page.json", ".rejects.ndjson", "RUN1"))
                .isEqualTo(dir.resolve("page.rejects.ndjson"));
        assertThat(ReviewerFileNames.choose(dir, "noext", ".warnings.csv", "RUN1"))
                .isEqualTo(dir.resolve("noext.warnings.csv"));
    }

    @Test
    void aTakenNameGetsTheRunIdAndThenACounterNeverOverwriting() throws IOException {
        Files.writeString(dir.resolve("deals.rejects.csv"), "earlier");
        Path second = ReviewerFileNames.choose(dir, "deals.csv", ".rejects.csv", "20261126-0200");
        assertThat(second).isEqualTo(dir.resolve("deals.20261126-0200.rejects.csv"));
        Files.writeString(second, "also earlier");
        Path third = ReviewerFileNames.choose(dir, "deals.csv", ".rejects.csv", "20261126-0200");
        assertThat(third).doesNotExist().isNotEqualTo(second);
        assertThat(third.getFileName().toString()).startsWith("deals.20261126-0200").endsWith(".rejects.csv");
        assertThat(Files.readString(dir.resolve("deals.rejects.csv"))).isEqualTo("earlier");
    }

    @Test
    void aReviewerFileReadBackGetsTheSameNameNotAGrowingOne() throws IOException {
        assertThat(ReviewerFileNames.choose(dir, "deals.rejects.csv", ".rejects.csv", "20261126T020000Z-1a2b"))
                .isEqualTo(dir.resolve("deals.rejects.csv"));
        assertThat(ReviewerFileNames.choose(dir, "deals.rejects.xlsx", ".rejects.csv", "20261126T020000Z-1a2b"))
                .isEqualTo(dir.resolve("deals.rejects.csv"));
        Files.writeString(dir.resolve("deals.rejects.csv"), "earlier");
        Path second = ReviewerFileNames.choose(dir, "deals.rejects.csv", ".rejects.csv", "20261126T020000Z-1a2b");
        assertThat(second).isEqualTo(dir.resolve("deals.20261126T020000Z-1a2b.rejects.csv"));
        Files.writeString(second, "earlier too");
        // the third round trip reads deals.<run>.rejects.csv: its run id is dropped as well, the name stays short
        assertThat(ReviewerFileNames.choose(dir, second.getFileName().toString(), ".rejects.csv", "20261127T020000Z-3c4d"))
                .isEqualTo(dir.resolve("deals.20261127T020000Z-3c4d.rejects.csv"));
        assertThat(ReviewerFileNames.choose(dir, "deals.warnings.csv", ".warnings.csv", "R"))
                .isEqualTo(dir.resolve("deals.warnings.csv"));
    }

    @Test
    void aLonePartLeftByAKilledRunDoesNotTakeTheName() throws IOException {
        // the engine resumes a .part its database knows with the recorded offset; one it does not know
        // (the crash came before its checkpoint) is an orphan, reused from offset 0
        Files.writeString(dir.resolve("deals.rejects.csv.part"), "orphan");
        assertThat(ReviewerFileNames.choose(dir, "deals.csv", ".rejects.csv", "R2"))
                .isEqualTo(dir.resolve("deals.rejects.csv"));
    }

    @Test
    void namesCannotLeaveTheFolder() {
        Path p = ReviewerFileNames.choose(dir, "../../etc/passwd.csv", ".rejects.csv", "../x");
        assertThat(p.getParent()).isEqualTo(dir);
        assertThat(ReviewerFileNames.choose(dir, "..", ".rejects.csv", "R").getParent()).isEqualTo(dir);
        assertThat(ReviewerFileNames.choose(dir, "a\\b\\c.csv", ".rejects.csv", "R"))
                .isEqualTo(dir.resolve("c.rejects.csv"));
    }
}
