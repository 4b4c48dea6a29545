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
 * The row fast paths change nothing of what is read, on damaged files too: every CSV seed (canonical and
 * each source profile), damaged at random as the hostile-input fuzz damages them, read with commons-csv
 * splitting every row, then with the plain rows split by {@link RowScan}, then with every row "known" as well;
 * each record has the same line, the same malformed reason, the same cells and the same row hash each way. About 5 s ({@code -Dfuzz.rows.seconds=N} for longer, {@code -Dfuzz.seed=N} for
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
            List<SourceRecord> plain = read(p, s.profile, Reading.COMMONS_CSV);
            String what = s.label + " #" + files;
            for (Reading way : new Reading[] {Reading.SPLIT, Reading.KNOWN}) {
                List<SourceRecord> fast = read(p, s.profile, way);
                assertThat(fast).as("%s %s", what, way).hasSameSizeAs(plain);
                for (int i = 0; i < plain.size(); i++) {
                    SourceRecord a = plain.get(i);
                    SourceRecord b = fast.get(i);
                    recognised += b.isUnread() ? 1 : 0;
                    SourceRecord read = b.read();
                    assertThat(b.position()).as("%s %s record %d: line", what, way, i).isEqualTo(a.position());
                    assertThat(read.malformed()).as("%s %s record %d: malformed", what, way, i).isEqualTo(a.malformed());
                    assertThat(read.cells()).as("%s %s record %d: cells", what, way, i).isEqualTo(a.cells());
                    assertThat(b.rowHash()).as("%s %s record %d: hash", what, way, i).isEqualTo(a.rowHash());
                }
            }
            files++;
        } while (System.currentTimeMillis() < end);
        System.out.println("RowRecognitionFuzzTest: " + files + " files, " + recognised + " rows taken by the fast path");
        assertThat(recognised).as("rows taken by the fast path").isPositive();
    }

    /** Commons-csv splits every row; the plain rows are split by RowScan; and every row is known as well. */
    private enum Reading { COMMONS_CSV, SPLIT, KNOWN }

    private static List<SourceRecord> read(Path p, SourceProfile profile, Reading way) throws Exception {
        List<SourceRecord> out = new ArrayList<>();
        try (RecordReader r = RecordReaders.open(p, profile)) {
            if (way == Reading.COMMONS_CSV) {
                ((CsvRecordReader) r).splitWithCommonsCsvOnly();
            }
            if (way == Reading.KNOWN) {
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
