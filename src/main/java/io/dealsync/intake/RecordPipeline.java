package io.dealsync.intake;

import io.dealsync.read.CsvRecordReader;
import io.dealsync.read.JsonRecordReader;
import io.dealsync.read.RecordReader;
import io.dealsync.read.SourceProfile;
import io.dealsync.report.FileLedger;
import io.dealsync.rules.RuleBook;
import io.dealsync.store.Database;
import io.dealsync.store.Dialect;
import io.dealsync.sync.ChunkDecider;
import io.dealsync.sync.FileContext;
import io.dealsync.sync.LastAppliedRows;
import io.dealsync.sync.StoredDeals;
import java.time.LocalDate;
import java.util.Locale;

/**
 * One file's records from its reader to their decisions, their reviewer lines and the sink: the pipeline a run
 * and {@code validate} share, so the two judge, count and write reject files alike; only the sink differs.
 */
final class RecordPipeline {
    /**
     * What a pass over a file needs beside its reader.
     *
     * @param resumeAfter the last line a resumed file settled (0: from the start)
     */
    record Pass(RuleBook rules, LocalDate asOf, long resumeAfter, ReviewerFiles.Plan reviewerFiles, ChunkSink sink) {
    }

    private final FileIntake.Environment env;
    private final Progress progress;

    RecordPipeline(FileIntake.Environment env, Progress progress) {
        this.env = env;
        this.progress = progress;
    }

    /** Reads, judges and sinks every record of the reader's file; the reviewer files are complete after it. */
    void run(RecordReader reader, SourceProfile profile, FileLedger ledger, Pass pass) {
        ledger.setUnknownColumns(reader.unknownColumns());
        String display = FileIntake.display(ledger.getSource(), ledger.getName());
        ReviewerFiles files = new ReviewerFiles(pass.reviewerFiles(), reader, profile, isNdjson(ledger.getName(), reader),
                display);
        // the embedded database: the lines are synced before each CHECKPOINT (whoever makes it), not each chunk
        try (Database.Registration syncFirst = pass.sink().durableOnlyAtCheckpoints()
                ? env.store().database().beforeCheckpoint(files::syncWritten) : () -> { }) {
            FileContext ctx = new FileContext(pass.asOf(), env.defaultPartnerId(),
                    profile.stageMapping()).wording(Wordings.of(profile, reader)); // issue 10: the reviewer's words
            boolean heldDeals = !env.store().reads().noDeals();
            StoredDeals stored = storedDeals(heldDeals);
            if (reader instanceof CsvRecordReader csv && stored.keysInMemory()) {
                csv.recognise(new LastAppliedRows(stored, ctx, pass.rules())); // the second night's unchanged rows, unsplit
            }
            ChunkLoop.Judging judging = new ChunkLoop.Judging(new ChunkDecider(pass.rules()), ctx, stored, heldDeals);
            new ChunkLoop(reader, judging, pass.resumeAfter(), files, pass.sink(), env.batchSize(), env.writeAttempts())
                    .run(ledger, progress, display);
            files.complete(ledger);
        } catch (RuntimeException e) {
            files.abort();
            throw e;
        }
    }

    /**
     * The stored deals the records are judged against. A fresh embedded database holds no deal a file could
     * update: deals the file creates are found again only by later records of the same deal, which are
     * duplicates anyway (R9).
     */
    private StoredDeals storedDeals(boolean heldDeals) {
        return env.store().database().dialect() == Dialect.HSQLDB && !heldDeals ? StoredDeals.NONE : env.store().lookup();
    }

    /** NDJSON by its extension or, for a {@code .json} file, by its content: its reject lines then name lines. */
    private static boolean isNdjson(String name, RecordReader reader) {
        if (reader.kind() != RecordReader.Kind.JSON) {
            return false;
        }
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".ndjson") || n.endsWith(".jsonl") || reader instanceof JsonRecordReader j && j.isNdjson();
    }
}
