package io.dealsync.bench;

import io.dealsync.read.RecordReader;
import io.dealsync.read.RecordReaders;
import io.dealsync.read.SourceProfile;
import io.dealsync.read.SourceRecord;
import io.dealsync.read.UnreadableFileException;
import io.dealsync.rules.RuleBook;
import io.dealsync.sync.ChunkDecider;
import io.dealsync.sync.FileContext;
import io.dealsync.sync.StoredDeals;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The two floors the benchmark prints for context, measured in its own JVM: parsing alone, the rules alone. */
final class Floors {
    private static final int SAMPLE = 200_000;

    private Floors() {
    }

    static List<String> measure(Path home, Path file) throws IOException {
        List<String> rows = new ArrayList<>();
        long t0 = System.nanoTime();
        List<SourceRecord> sample = new ArrayList<>();
        long n = 0;
        try (RecordReader reader = RecordReaders.open(file, SourceProfile.canonical())) {
            while (reader.hasNext()) {
                SourceRecord rec = reader.next();
                if (sample.size() < SAMPLE) {
                    sample.add(rec);
                }
                n++;
            }
        } catch (UnreadableFileException ex) {
            throw new IOException(ex);
        }
        double parse = (System.nanoTime() - t0) / 1e9;
        rows.add(String.format("%-44s %,10.0f %9.1f s %11s %11s  %s", "floor: parse B1 alone", n / parse, parse, "-", "-", "(context)"));
        ChunkDecider judge = new ChunkDecider(RuleBook.compile(home.resolve("rules")));
        for (int pass = 0; pass < 2; pass++) { // the first pass warms the JIT; the second is the floor
            FileContext ctx = new FileContext(LocalDate.of(2026, 11, 26), "4000000", null);
            long t1 = System.nanoTime();
            for (int from = 0; from < sample.size(); from += 1000) {
                judge.decide(sample.subList(from, Math.min(sample.size(), from + 1000)), StoredDeals.NONE, ctx);
            }
            double secs = (System.nanoTime() - t1) / 1e9;
            if (pass == 1) {
                rows.add(String.format("%-44s %,10.0f %9.1f s %11s %11s  %s", "floor: rules alone (" + Benchmark.fmt(sample.size())
                        + ", warm)", sample.size() / secs, secs, "-", "-", "(context)"));
            }
        }
        return rows;
    }
}
