package io.dealsync.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dealsync.read.CsvRecordReader;
import io.dealsync.read.SourceProfile;
import io.dealsync.report.FileLedger;
import io.dealsync.rules.RuleBook;
import io.dealsync.store.DatabaseUnavailableException;
import io.dealsync.store.StoreException;
import io.dealsync.sync.ChunkDecider;
import io.dealsync.sync.FileContext;
import io.dealsync.sync.Decision;
import io.dealsync.sync.StoredDeals;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** The chunk loop's retry: a chunk the sink could not apply is decided and applied again, its reject lines once. */
class ChunkLoopTest {
    static RuleBook rules;

    @TempDir
    Path tmp;

    @BeforeAll
    static void compileRules() {
        rules = RuleBook.compile(Path.of("rules"));
    }

    @ParameterizedTest(name = "read ahead on a thread of its own: {0}")
    @ValueSource(booleans = {false, true})
    void aChunkTheSinkFailedIsAppliedAgainAndCountedOnce(boolean readAhead) throws Exception {
        // given: six records in chunks of two, the second chunk (lines 4-5, a duplicate at 5) failing once
        Path input = csv("CRM-T1", "CRM-T2", "CRM-T3", "CRM-T1", "CRM-T4", "CRM-T5");
        Path rejects = tmp.resolve("out/in.rejects.csv");
        FailingSink sink = new FailingSink(5, 1);
        FileLedger ledger = new FileLedger("in.csv", "");

        // when
        try (CsvRecordReader reader = new CsvRecordReader(input, SourceProfile.canonical())) {
            ReviewerFiles files = reviewerFiles(reader, rejects);
            loop(reader, files, sink, 5, readAhead).run(ledger, Progress.none(), "in.csv");
            files.complete(ledger);
        }

        // then: every chunk applied once, the failed one at its second attempt; its reject line written once
        assertThat(sink.applied).containsExactly(3L, 5L, 7L);
        assertThat(sink.attempts).isEqualTo(4);
        // the checkpoint keeps the reject file's length: nothing before the reject at line 5, all of it after
        assertThat(sink.offsets.get(0).rejects()).isZero();
        assertThat(sink.offsets.get(1).rejects()).isEqualTo(sink.offsets.get(2).rejects()).isPositive();
        assertThat(ledger.getRead()).isEqualTo(6);
        assertThat(ledger.getCreated()).isEqualTo(5);
        assertThat(ledger.getRejected()).isEqualTo(1);
        assertThat(ledger.getRejectsByCode()).containsEntry("DUPLICATE_IN_FILE", 1L);
        List<String> lines = Files.readAllLines(rejects, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).contains("DUPLICATE_IN_FILE").endsWith(",5,in.csv");
    }

    @ParameterizedTest(name = "read ahead on a thread of its own: {0}")
    @ValueSource(booleans = {false, true})
    void aChunkThatKeepsFailingLeavesTheFileForTheNextRun(boolean readAhead) throws Exception {
        Path input = csv("CRM-U1", "CRM-U2");
        FailingSink sink = new FailingSink(3, Integer.MAX_VALUE);
        FileLedger ledger = new FileLedger("in.csv", "");
        try (CsvRecordReader reader = new CsvRecordReader(input, SourceProfile.canonical())) {
            ChunkLoop loop = loop(reader, reviewerFiles(reader, tmp.resolve("out/in.rejects.csv")), sink, 2, readAhead);

            assertThatThrownBy(() -> loop.run(ledger, Progress.none(), "in.csv"))
                    .isInstanceOf(DatabaseUnavailableException.class).hasMessageContaining("after 2 attempts");
        }
        assertThat(sink.attempts).isEqualTo(2);
        assertThat(ledger.getRead()).isZero(); // nothing counted that was not applied
    }

    private ChunkLoop loop(CsvRecordReader reader, ReviewerFiles files, ChunkSink sink, int attempts, boolean readAhead) {
        SourceProfile profile = SourceProfile.canonical();
        FileContext ctx = new FileContext(LocalDate.of(2026, 11, 2), "4000000", profile.stageMapping())
                .wording(Wordings.of(profile, reader));
        return new ChunkLoop(reader, new ChunkLoop.Judging(new ChunkDecider(rules), ctx, StoredDeals.NONE, readAhead), 0, files, sink,
                2, attempts);
    }

    private static ReviewerFiles reviewerFiles(CsvRecordReader reader, Path rejects) {
        ReviewerFiles.Plan plan = new ReviewerFiles.Plan(rejects, rejects.resolveSibling("in.warnings.csv"),
                ReviewerFiles.Offsets.START, Path::toString);
        return new ReviewerFiles(plan, reader, SourceProfile.canonical(), false, "in.csv");
    }

    /** The sample's valid row once per CRM ID, under its header. */
    private Path csv(String... crmIds) throws Exception {
        List<String> sample = Files.readAllLines(Path.of("samples/2026-11-01-partner-crm.csv"), StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(List.of(sample.get(0)));
        for (String id : crmIds) {
            lines.add(sample.get(1).replace("CRM-1001", id));
        }
        Path p = tmp.resolve("in.csv");
        Files.writeString(p, String.join("\r\n", lines) + "\r\n", StandardCharsets.UTF_8);
        return p;
    }

    /** Fails the chunk ending at {@code failAtLine} {@code times} times, as a database hiccup would. */
    private static final class FailingSink implements ChunkSink {
        final List<Long> applied = new ArrayList<>();
        final List<ReviewerFiles.Offsets> offsets = new ArrayList<>();
        final long failAtLine;
        int failuresLeft;
        int attempts;

        FailingSink(long failAtLine, int times) {
            this.failAtLine = failAtLine;
            this.failuresLeft = times;
        }

        @Override
        public void apply(List<Decision> decisions, long lastLine, ReviewerFiles.Offsets offsets, FileLedger after) {
            attempts++;
            if (lastLine == failAtLine && failuresLeft-- > 0) {
                throw new StoreException("Writing the chunk failed", new SQLException("connection reset"));
            }
            applied.add(lastLine);
            this.offsets.add(offsets);
        }

        @Override
        public void settled(long readBefore, long readAfter) {
        }
    }
}
