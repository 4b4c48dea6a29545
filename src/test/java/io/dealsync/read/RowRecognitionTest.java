package io.dealsync.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CSV reader's row fast path: a row the store knows by its text is handed on unread, with its keys, its
 * line and its hash exactly as reading it would give them; reading it after all gives the record the normal
 * path gives; every row it cannot be sure of is read as before.
 */
class RowRecognitionTest {
    private static final String HEADER = "Referral ID,CRM ID,PartnerID,Deal Name,Notes";

    @TempDir
    Path dir;

    /** Answers "deal 42" for rows of these CRM IDs; remembers what it was asked. */
    private static final class Knows implements KnownRows {
        final Set<String> crmIds;
        final List<String> asked = new ArrayList<>();

        Knows(String... crmIds) {
            this.crmIds = Set.of(crmIds);
        }

        @Override
        public long lastAppliedTo(io.dealsync.model.Deal keys, long rowHash) {
            asked.add(keys.getCrmId());
            return crmIds.contains(keys.getCrmId()) ? 42 : 0;
        }
    }

    private List<SourceRecord> read(Path file, KnownRows known) throws Exception {
        CsvRecordReader r = new CsvRecordReader(file, SourceProfile.canonical());
        if (known != null) {
            r.recognise(known);
        }
        return CsvRecordReaderTest.readAll(r);
    }

    private Path file(String eol, String... rows) throws Exception {
        Path p = dir.resolve("deals-" + eol.length() + ".csv");
        Files.writeString(p, HEADER + eol + String.join(eol, rows) + eol, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void aKnownRowIsHandedOnUnreadAsReadingItWouldGiveIt() throws Exception {
        for (String eol : List.of("\n", "\r\n")) {
            Path p = file(eol, ",CRM-1,4000000,First,plain", ",CRM-2,4000000,\"Second, quoted\",\"two" + eol + "lines\"",
                    "REF-3,CRM-3,4000000,Third,\"said \"\"yes\"\"\"", ",CRM-4,4000000,Fourth,last");
            List<SourceRecord> plain = read(p, null);
            List<SourceRecord> fast = read(p, new Knows("CRM-2", "CRM-3"));

            assertThat(fast).hasSameSizeAs(plain);
            for (int i = 0; i < plain.size(); i++) {
                SourceRecord a = plain.get(i);
                SourceRecord b = fast.get(i);
                assertThat(b.position()).as("line of row %d (%s)", i, eol.length()).isEqualTo(a.position());
                assertThat(b.rowHash()).as("hash of row %d", i).isEqualTo(a.rowHash()).isNotZero();
                assertThat(b.deal().getKeys()).isEqualTo(a.deal().getKeys());
                assertThat(b.read().cells()).isEqualTo(a.cells());
                assertThat(b.read().deal().get(io.dealsync.model.Field.NOTES)).isEqualTo(a.deal().get(io.dealsync.model.Field.NOTES));
            }
            assertThat(fast.get(0).isUnread()).isFalse();
            assertThat(fast.get(1).isUnread()).isTrue();
            assertThat(fast.get(1).lastAppliedTo()).isEqualTo(42);
            assertThat(fast.get(2).isUnread()).isTrue();
            assertThat(fast.get(3).isUnread()).isFalse();
            assertThat(fast.get(3).position()).isEqualTo(6); // the quoted line break of row 2 counted
        }
    }

    @Test
    void rowsItCannotBeSureOfAreReadAsBefore() throws Exception {
        Knows all = new Knows("CRM-1", "CRM-2", "CRM-3");
        Path p = file("\n", ",CRM-1,4000000,Stray \"quote\" inside,x", ",CRM-2,4000000,\"closed\" then text,x",
                ",CRM-3,4000000,Third,x");
        List<SourceRecord> fast = read(p, all);
        assertThat(fast).extracting(SourceRecord::isUnread).containsExactly(false, false, true);
        assertThat(all.asked).containsExactly("CRM-3");
        assertThat(fast.get(0).deal().get(io.dealsync.model.Field.DEAL_NAME)).isEqualTo("Stray \"quote\" inside");

        Path cr = dir.resolve("cr.csv"); // old Mac line ends: commons-csv looks past each CR, so it reads every row
        Files.writeString(cr, HEADER + "\r,CRM-1,4000000,First,x\r,CRM-2,4000000,Second,x\r");
        assertThat(read(cr, all)).extracting(SourceRecord::isUnread).containsExactly(false, false);
    }

    @Test
    void aRowHoldingAByteThatIsNotTextIsNeverRecognised() throws Exception {
        Path p = dir.resolve("damaged.csv");
        byte[] head = (HEADER + "\n,CRM-1,4000000,Fir").getBytes(StandardCharsets.UTF_8);
        byte[] tail = "st,x\n,CRM-2,4000000,Second,x\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + 1 + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        all[head.length] = (byte) 0xFF;
        System.arraycopy(tail, 0, all, head.length + 1, tail.length);
        Files.write(p, all);
        List<SourceRecord> fast = read(p, new Knows("CRM-1", "CRM-2"));
        assertThat(fast.get(0).isMalformed()).isTrue();
        assertThat(fast.get(1).isUnread()).isTrue();
        assertThat(fast.get(1).position()).isEqualTo(3);
    }

    @Test
    void anotherHeaderOrProfileGivesTheSameRowAnotherHash() throws Exception {
        Path a = file("\n", ",CRM-1,4000000,First,x");
        Path b = dir.resolve("other-order.csv");
        Files.writeString(b, "CRM ID,Referral ID,PartnerID,Deal Name,Notes\nCRM-1,,4000000,First,x\n");
        assertThat(read(a, null).get(0).rowHash()).isNotEqualTo(read(b, null).get(0).rowHash());
        // the profile's reading settings seed the hash too: another date form reads the same text otherwise
        SourceProfile dmy = SourceProfile.of("fr", "test", java.util.Map.of("date.pattern", "dd/MM/yyyy"));
        SourceProfile mdy = SourceProfile.of("fr", "test", java.util.Map.of("date.pattern", "MM/dd/yyyy"));
        assertThat(dmy.readingFingerprint()).isNotEqualTo(mdy.readingFingerprint())
                .isNotEqualTo(SourceProfile.canonical().readingFingerprint())
                .isEqualTo(SourceProfile.of("fr", "test", java.util.Map.of("date.pattern", "dd/MM/yyyy")).readingFingerprint());
        assertThat(SourceProfile.of("fr", "test", java.util.Map.of("thousands.separator", "space")).readingFingerprint())
                .as("the thousands separator too").isNotEqualTo(SourceProfile.of("fr", "test", java.util.Map.of()).readingFingerprint());
    }
}
