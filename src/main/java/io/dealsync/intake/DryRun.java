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
        try (RecordReader reader = RecordReaders.open(file, profile)) {
            ledger.setUnknownColumns(reader.unknownColumns());
            if (rejectsDir != null) {
                Files.createDirectories(rejectsDir);
                Path out = RecordFileWriter.chooseName(rejectsDir, name, RecordFileWriter.Kind.REJECTS.suffix(kind), "validate");
                rejects = kind == RecordReader.Kind.CSV
                        ? new CsvRecordFileWriter(out, RecordFileWriter.Kind.REJECTS, reader.header(), 0, profile.delimiter(), profile.charset(),
                                source.isEmpty() ? name : source + "/" + name)
                        : new NdjsonRecordFileWriter(out, RecordFileWriter.Kind.REJECTS,
                                name.toLowerCase(Locale.ROOT).endsWith(".json") ? NdjsonRecordFileWriter.INDEX : NdjsonRecordFileWriter.LINE, 0);
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
                    }
                }
            }
            if (rejects != null) {
                if (rejects.records() > 0) {
                    Path done = rejects.complete();
                    ledger.setRejectFile(done.toString());
                    Path workbook = io.dealsync.reject.RejectWorkbookWriter.writeBeside(done, profile);
                    ledger.setRejectWorkbook(workbook == null ? null : workbook.toString());
                } else {
                    rejects.discard();
                }
            }
        }
        ledger.setDurationMs((System.nanoTime() - start) / 1_000_000);
        return ledger;
    }
}
