package io.dealsync.intake;

import io.dealsync.read.RecordReader;
import io.dealsync.read.SourceProfile;
import io.dealsync.review.CsvRecordFileWriter;
import io.dealsync.review.NdjsonRecordFileWriter;
import io.dealsync.review.RecordFileWriter;
import io.dealsync.review.RejectFileException;
import io.dealsync.review.RejectWorkbookWriter;
import io.dealsync.review.WorkbookFeed;
import io.dealsync.report.FileLedger;
import io.dealsync.sync.Decision;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A file's reject and warning files (docs/formats.md "Reject files"), opened on first use at the offsets
 * to resume from, so a file without rejects leaves no reject file. Lines are synced before the chunk that
 * settles them commits, and cut back to the last committed offsets when a chunk is written again.
 */
final class ReviewerFiles {
    private static final Logger LOG = LoggerFactory.getLogger(ReviewerFiles.class);

    /** Bytes of the reject and warning files that are settled: what a checkpoint keeps. */
    record Offsets(long rejects, long warnings) {
        static final Offsets START = new Offsets(0, 0);
    }

    /**
     * Where the lines go: the two files, the offsets to resume from, and how a finished file is named in the
     * file's ledger (a run: relative to the home folder; validate: as the operator gave the folder).
     */
    record Plan(Path rejectFile, Path warningFile, Offsets from, Function<Path, String> shown) {
        /** validate without {@code --rejects}: the lines are judged and counted, and written nowhere. */
        static final Plan NONE = new Plan(null, null, Offsets.START, Path::toString);

        boolean writes() {
            return rejectFile != null;
        }
    }

    private final Plan plan;
    private final RecordReader reader;
    private final SourceProfile profile;
    private final boolean ndjson;
    private final String sourceFile;
    /** Volatile: {@link #syncWritten} may run on another thread (a CHECKPOINT) than the one writing. */
    private volatile RecordFileWriter rejects;
    private volatile RecordFileWriter warnings;
    private Offsets base;
    /** A fresh reject CSV's workbook, built while the file is read (null: written from the CSV at the end). */
    private WorkbookFeed feed;
    /** What the reject CSV's writer wrote since the last chunk committed: the feed's next handful. */
    private final WorkbookFeed.Text unsettled = new WorkbookFeed.Text();

    /**
     * @param ndjson     the input is NDJSON (its records are lines, not indexes of an array)
     * @param sourceFile the input as the reject CSV's Source File column names it
     */
    ReviewerFiles(Plan plan, RecordReader reader, SourceProfile profile, boolean ndjson, String sourceFile) {
        this.plan = plan;
        this.reader = reader;
        this.profile = profile;
        this.ndjson = ndjson;
        this.sourceFile = sourceFile;
        this.base = plan.from();
    }

    /** The offsets the file starts from: those of a resumed file's last checkpoint, else 0. */
    Offsets start() {
        return plan.from();
    }

    /** A rejected record goes to the reject file with its violations; another with warnings to the warning file. */
    void write(Decision d) {
        if (!plan.writes()) {
            return;
        }
        try {
            if (d.outcome() == Decision.Outcome.REJECT) {
                rejects().write(d.record(), d.violations());
            } else if (d.hasWarnings()) {
                warnings().write(d.record(), d.warnings());
            }
        } catch (IOException e) { // issue 12: disk trouble aborts the chunk before its transaction
            throw new RejectFileException(plan.rejectFile(), e);
        }
    }

    /**
     * Hands what was written to the file system, synced when {@code sync}; the offsets a checkpoint may keep.
     * Unsynced, {@link #syncWritten()} must run before anything makes those offsets durable.
     */
    Offsets flush(boolean sync) {
        try {
            long r = rejects == null ? base.rejects() : rejects.flush(sync);
            long w = warnings == null ? base.warnings() : warnings.flush(sync);
            return new Offsets(r, w);
        } catch (IOException e) {
            throw new RejectFileException(plan.rejectFile(), e);
        }
    }

    /** Syncs every line {@link #flush} handed over; callable from the thread of a CHECKPOINT. */
    void syncWritten() {
        try {
            for (RecordFileWriter w : new RecordFileWriter[] {rejects, warnings}) {
                if (w != null) {
                    w.syncWritten();
                }
            }
        } catch (IOException e) {
            throw new RejectFileException(plan.rejectFile(), e);
        }
    }

    /** The chunk whose lines were last flushed has committed: its reject lines go on into the workbook. */
    void settled() {
        if (feed != null) {
            feed.settled(unsettled);
        }
    }

    /** Drops what was written after the given offsets (the chunk that did not commit). */
    void rewind(Offsets to) {
        unsettled.clear();
        IOException failed = closeBoth();
        base = to;
        if (failed != null) {
            throw new UncheckedIOException(failed);
        }
    }

    /** Publishes the finished files under their names and notes them (and the reviewer workbook) in the ledger. */
    void complete(FileLedger ledger) {
        try {
            Path rejectFile = finish(rejects, RecordFileWriter.Kind.REJECTS, base.rejects());
            rejects = null;
            if (rejectFile != null) {
                ledger.setRejectFile(plan.shown().apply(rejectFile));
                // the reviewer workbook: built as the file was read, else from the finished CSV (the same either way,
                // and after a resumed run as after a clean one)
                Path workbook = null;
                if (feed != null) {
                    feed.settled(unsettled);
                    workbook = feed.finish();
                    feed = null;
                }
                if (workbook == null) {
                    workbook = RejectWorkbookWriter.writeBeside(rejectFile, profile);
                }
                ledger.setRejectWorkbook(workbook == null ? null : plan.shown().apply(workbook));
            }
            Path warningFile = finish(warnings, RecordFileWriter.Kind.WARNINGS, base.warnings());
            warnings = null;
            if (warningFile != null) {
                ledger.setWarningFile(plan.shown().apply(warningFile));
            }
        } catch (IOException e) { // the reviewer files could not be synced or renamed: the input is not done
            throw new RejectFileException(plan.rejectFile(), e);
        }
    }

    /** A writer in use, or one whose earlier lines (a resumed file) still wait to be published. */
    private Path finish(RecordFileWriter w, RecordFileWriter.Kind kind, long offset) throws IOException {
        if (w != null) {
            return w.complete();
        }
        return offset > 0 ? open(kind, offset).complete() : null;
    }

    /** The file failed: the .part files stay where they are, for the run that resumes it. */
    void abort() {
        if (feed != null) {
            feed.cancel();
            feed = null;
        }
        IOException failed = closeBoth();
        if (failed != null) {
            LOG.debug("Closing reject files: {}", failed.getMessage());
        }
    }

    /** Closes both writers, the second even when the first fails (a full disk): no descriptor stays open. */
    private IOException closeBoth() {
        IOException failed = null;
        for (RecordFileWriter w : new RecordFileWriter[] {rejects, warnings}) {
            try {
                if (w != null) {
                    w.abort();
                }
            } catch (IOException e) {
                failed = failed == null ? e : failed;
            }
        }
        rejects = null;
        warnings = null;
        return failed;
    }

    private RecordFileWriter rejects() {
        if (rejects == null) {
            rejects = open(RecordFileWriter.Kind.REJECTS, base.rejects());
        }
        return rejects;
    }

    private RecordFileWriter warnings() {
        if (warnings == null) {
            warnings = open(RecordFileWriter.Kind.WARNINGS, base.warnings());
        }
        return warnings;
    }

    private RecordFileWriter open(RecordFileWriter.Kind kind, long offset) {
        Path finalPath = kind == RecordFileWriter.Kind.REJECTS ? plan.rejectFile() : plan.warningFile();
        try {
            Files.createDirectories(finalPath.toAbsolutePath().getParent());
            if (reader.kind() == RecordReader.Kind.CSV) {
                if (kind == RecordFileWriter.Kind.REJECTS && offset == 0 && feed == null && plan.from().rejects() == 0) {
                    feed = WorkbookFeed.start(finalPath, profile); // a fresh reject CSV: its workbook grows with it
                }
                boolean fed = kind == RecordFileWriter.Kind.REJECTS && feed != null;
                return new CsvRecordFileWriter(finalPath, kind, reader.header(), offset, profile.delimiter(),
                        profile.charset(), sourceFile, fed ? unsettled : null);
            }
            return new NdjsonRecordFileWriter(finalPath, kind,
                    ndjson ? NdjsonRecordFileWriter.LINE : NdjsonRecordFileWriter.INDEX, offset);
        } catch (IOException e) {
            throw new RejectFileException(finalPath, e);
        }
    }
}
