package io.dealsync.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealsync.fuzz.Mutator;
import io.dealsync.fuzz.SeedFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The row fast path changes nothing of what is read, on damaged files too: every CSV seed (canonical and
 * each source profile), damaged at random as the hostile-input fuzz damages them, read once plainly and once
 * with every row "known"; each record has the same line, the same malformed reason, the same cells and the
 * same row hash either way. About 5 s ({@code -Dfuzz.rows.seconds=N} for longer, {@code -Dfuzz.seed=N} for
 * other damage).
 */
class RowRecognitionFuzzTest {
    private static final int SECONDS = Integer.getInteger("fuzz.rows.seconds", 5);

    @TempDir
    Path dir;

    @Test
    void recognisingARowNeverChangesWhatItReads() throws Exception {
        List<SeedFile> csv = SeedFile.all(dir.resolve("seeds")).stream().filter(s -> s.extension.equals(".csv")).toList();
        assertThat(csv).isNotEmpty();
        long end = System.currentTimeMillis() + SECONDS * 1000L;
        Random rnd = new Random(Long.getLong("fuzz.seed", 20261201L));
        int files = 0;
        int recognised = 0;
        do {
            SeedFile s = csv.get(files % csv.size());
            byte[] bytes = files < csv.size() ? s.bytes("T" + files) // each seed undamaged once
                    : Mutator.random(s.bytes("T" + files), s.charset, s.delimiter, rnd).bytes();
            Path p = Files.write(dir.resolve("f" + files + ".csv"), bytes);
            List<SourceRecord> plain = read(p, s.profile, false);
            List<SourceRecord> fast = read(p, s.profile, true);
            String what = s.label + " #" + files;
            assertThat(fast).as(what).hasSameSizeAs(plain);
            for (int i = 0; i < plain.size(); i++) {
                SourceRecord a = plain.get(i);
                SourceRecord b = fast.get(i);
                recognised += b.isUnread() ? 1 : 0;
                SourceRecord read = b.read();
                assertThat(b.position()).as("%s record %d: line", what, i).isEqualTo(a.position());
                assertThat(read.malformed()).as("%s record %d: malformed", what, i).isEqualTo(a.malformed());
                assertThat(read.cells()).as("%s record %d: cells", what, i).isEqualTo(a.cells());
                assertThat(b.rowHash()).as("%s record %d: hash", what, i).isEqualTo(a.rowHash());
            }
            files++;
        } while (System.currentTimeMillis() < end);
        System.out.println("RowRecognitionFuzzTest: " + files + " files, " + recognised + " rows taken by the fast path");
        assertThat(recognised).as("rows taken by the fast path").isPositive();
    }

    private static List<SourceRecord> read(Path p, SourceProfile profile, boolean everyRowKnown) throws Exception {
        List<SourceRecord> out = new ArrayList<>();
        try (RecordReader r = RecordReaders.open(p, profile)) {
            if (everyRowKnown) {
                ((CsvRecordReader) r).recognise((keys, hash) -> 42);
            }
            while (r.hasNext()) {
                out.add(r.next());
            }
        } catch (UnreadableFileException e) {
            out.add(SourceRecord.malformedCsv(0, "unreadable: " + e.getMessage(), List.of()));
        }
        return out;
    }
}
