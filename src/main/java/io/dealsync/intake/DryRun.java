package io.dealsync.intake;

import io.dealsync.ingest.FilePrecheck;
import io.dealsync.ingest.RecordReader;
import io.dealsync.ingest.RecordReaders;
import io.dealsync.ingest.SourceProfile;
import io.dealsync.ingest.SourceRecord;
import io.dealsync.ingest.UnreadableFileException;
import io.dealsync.reject.CsvRecordFileWriter;
import io.dealsync.reject.NdjsonRecordFileWriter;
import io.dealsync.reject.RecordFileWriter;
import io.dealsync.report.FileLedger;
import io.dealsync.rules.RuleBook;
import io.dealsync.sync.ChunkJudge;
import io.dealsync.sync.Decision;
import io.dealsync.sync.StoredDeals;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code validate}: the same reading and rules as a run, against the stored deals, writing nothing to the
 * database; the reject file only where asked. An analyst tries a rule change on last night's file.
 */
public final class DryRun {
    private DryRun() {
    }

    public static FileLedger validate(Path file, String source, SourceProfile profile, RuleBook book, StoredDeals stored,
            LocalDate asOf, String partnerId, int batchSize, Path rejectsDir) throws IOException, UnreadableFileException {
        String name = file.getFileName().toString();
        FileLedger ledger = new FileLedger(name, source);
        long start = System.nanoTime();
        FilePrecheck.Result pre = FilePrecheck.check(file, profile);
        ledger.setSha256(pre.sha256());
        if (pre.problem() != null) {
            throw new UnreadableFileException(pre.problem());
        }
        boolean json = RecordReaders.kindOf(name) == RecordReader.Kind.JSON; // a workbook is rows, like CSV
        RecordReader.Kind kind = json ? RecordReader.Kind.JSON : RecordReader.Kind.CSV;
        ChunkJudge judge = new ChunkJudge(book);
        ChunkJudge.FileContext ctx = new ChunkJudge.FileContext(asOf, partnerId, profile.stageMapping());
        RecordFileWriter rejects = null;
        RecordFileWriter warnings = null;
        try (RecordReader reader = RecordReaders.open(file, profile)) {
            ledger.setUnknownColumns(reader.unknownColumns());
            ctx.wording(Wordings.of(profile, reader));
            if (rejectsDir != null) {
                Files.createDirectories(rejectsDir);
                rejects = writer(rejectsDir, name, kind, RecordFileWriter.Kind.REJECTS, reader, profile, source);
                warnings = writer(rejectsDir, name, kind, RecordFileWriter.Kind.WARNINGS, reader, profile, source);
            }
            List<SourceRecord> chunk = new ArrayList<>(batchSize);
            while (reader.hasNext()) {
                chunk.clear();
                while (chunk.size() < batchSize && reader.hasNext()) {
                    chunk.add(reader.next());
                }
                for (Decision d : judge.decide(chunk, stored, ctx)) {
                    FileIntake.count(d, ledger);
                    if (rejects != null && d.outcome() == Decision.Outcome.REJECT) {
                        rejects.write(d.record(), d.violations());
                    } else if (warnings != null && d.hasWarnings() && d.outcome() != Decision.Outcome.SKIP) {
                        warnings.write(d.record(), d.warnings()); // the warnings the summary counts, as a run writes them
                    }
                }
            }
            String rejectFile = finish(rejects);
            ledger.setRejectFile(rejectFile);
            if (rejectFile != null && kind == RecordReader.Kind.CSV) {
                Path workbook = io.dealsync.reject.RejectWorkbookWriter.writeBeside(Path.of(rejectFile), profile);
                ledger.setRejectWorkbook(workbook == null ? null : workbook.toString());
            }
            ledger.setWarningFile(finish(warnings));
        }
        ledger.setDurationMs((System.nanoTime() - start) / 1_000_000);
        return ledger;
    }

    private static RecordFileWriter writer(Path dir, String name, RecordReader.Kind kind, RecordFileWriter.Kind what,
            RecordReader reader, SourceProfile profile, String source) throws IOException {
        Path out = RecordFileWriter.chooseName(dir, name, what.suffix(kind), "validate");
        return kind == RecordReader.Kind.CSV
                ? new CsvRecordFileWriter(out, what, reader.header(), 0, profile.delimiter(), profile.charset(),
                        source.isEmpty() ? name : source + "/" + name)
                : new NdjsonRecordFileWriter(out, what,
                        name.toLowerCase(Locale.ROOT).endsWith(".json") ? NdjsonRecordFileWriter.INDEX : NdjsonRecordFileWriter.LINE, 0);
    }

    /** The finished file's path, or null (and no file) when nothing was written to it. */
    private static String finish(RecordFileWriter w) throws IOException {
        if (w == null) {
            return null;
        }
        if (w.records() > 0) {
            return w.complete().toString();
        }
        w.discard(); // nothing written: no file, and no side file either
        return null;
    }
}
