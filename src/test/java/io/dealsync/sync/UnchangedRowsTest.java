package io.dealsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealsync.model.Deal;
import io.dealsync.model.Hash64;
import io.dealsync.read.CsvRecordReader;
import io.dealsync.read.SourceProfile;
import io.dealsync.read.SourceRecord;
import io.dealsync.rules.RuleBook;
import io.dealsync.rules.RuleFixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The second night's CSV rows, through the real reader and the chunk decider: a row the store holds exactly
 * is recognised by its text before it is split (unchanged, no stored deal read, no rule run); a row with one
 * column changed is judged; a second record of a deal in the file is read and judged (R9); other rules
 * recognise nothing.
 */
class UnchangedRowsTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 2);
    private static final List<String> SAMPLE = sample();

    @TempDir
    Path dir;

    /** The deals a first night created, under the prints its decisions kept; counts the whole deals read. */
    private static final class Stored implements StoredDeals {
        final Map<Long, KeyRow> keys = new HashMap<>();
        final Map<Long, Deal> deals = new HashMap<>();
        int dealsRead;

        Stored(List<Decision> firstNight) {
            long id = 100;
            for (Decision d : firstNight) {
                Deal deal = d.proposed().copyContent();
                deal.setId(++id);
                deal.setVersion(1);
                deal.setStoredOn(AS_OF);
                for (String k : deal.getKeys()) {
                    keys.put(Hash64.of(k), new KeyRow(id, d.contentHash()));
                }
                deals.put(id, deal);
            }
        }

        @Override
        public Map<Long, KeyRow> keys(Collection<Long> keyHashes) {
            Map<Long, KeyRow> out = new HashMap<>();
            for (long k : keyHashes) {
                if (keys.containsKey(k)) {
                    out.put(k, keys.get(k));
                }
            }
            return out;
        }

        @Override
        public Map<Long, Deal> deals(Collection<Long> ids) {
            dealsRead += ids.size();
            Map<Long, Deal> out = new HashMap<>();
            for (long i : ids) {
                Deal d = deals.get(i).copyContent();
                d.setId(i);
                out.put(i, d);
            }
            return out;
        }
    }

    private static List<String> sample() {
        try {
            return Files.readAllLines(Path.of("samples/2026-11-01-partner-crm.csv"), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String row(String crmId) {
        return SAMPLE.get(1).replace("CRM-1001", crmId);
    }

    private Path csv(String name, String... rows) throws Exception {
        return Files.writeString(dir.resolve(name), SAMPLE.get(0) + "\n" + String.join("\n", rows) + "\n");
    }

    private static List<Decision> night(Path file, RuleBook book, StoredDeals stored, List<SourceRecord> seen)
            throws Exception {
        FileContext ctx = new FileContext(AS_OF, "4000000", Map.of());
        List<SourceRecord> records = new ArrayList<>();
        try (CsvRecordReader r = new CsvRecordReader(file, SourceProfile.canonical())) {
            if (stored != StoredDeals.NONE) {
                r.recognise(new LastAppliedRows(stored, ctx, book));
            }
            r.forEachRemaining(records::add);
        }
        seen.addAll(records);
        return new ChunkDecider(book).decide(records, stored, ctx);
    }

    @Test
    void theSecondNightRecognisesTheRowsItHoldsAndJudgesTheRest() throws Exception {
        List<Decision> first = night(csv("day1.csv", row("CRM-A"), row("CRM-B"), row("CRM-C")), RuleFixtures.book(),
                StoredDeals.NONE, new ArrayList<>());
        assertThat(first).extracting(Decision::outcome).containsOnly(Decision.Outcome.CREATE);
        Stored stored = new Stored(first);

        List<SourceRecord> read = new ArrayList<>();
        String changedB = row("CRM-B").replace(SAMPLE.get(1).split(",")[4], "Renamed deal");
        List<Decision> second = night(csv("day2.csv", row("CRM-A"), changedB, row("CRM-C"), row("CRM-A")),
                RuleFixtures.book(), stored, read);

        assertThat(read).extracting(SourceRecord::isUnread).containsExactly(true, false, true, true);
        assertThat(second).extracting(Decision::outcome).containsExactly(Decision.Outcome.UNCHANGED,
                Decision.Outcome.UPDATE, Decision.Outcome.UNCHANGED, Decision.Outcome.REJECT);
        assertThat(second.get(0).recognised()).isTrue();
        assertThat(second.get(2).recognised()).isTrue();
        assertThat(second.get(3).record().isUnread()).as("read after all, to be judged").isFalse();
        assertThat(second.get(3).violations()).anyMatch(v -> v.code().equals("DUPLICATE_IN_FILE"));
        assertThat(read.get(1).rowHash()).isNotZero();
        assertThat(second.get(1).contentHash()).as("the print kept is the changed row's").isEqualTo(RecordFingerprint.ofRow(
                read.get(1).rowHash(), new FileContext(AS_OF, "4000000", Map.of())
                        .salt(RuleFixtures.book().fingerprint())));
        assertThat(stored.dealsRead).as("only the changed and the repeated deal are read").isEqualTo(2);
    }

    @Test
    void aResumedFileStillFindsTheDealItSettledBeforeTheCrash() throws Exception {
        List<Decision> first = night(csv("day1.csv", row("CRM-A"), row("CRM-B")), RuleFixtures.book(), StoredDeals.NONE,
                new ArrayList<>());
        Stored stored = new Stored(first);
        // the second night's file holds CRM-A on lines 2 and 4; the run was killed after line 3 and resumes
        FileContext ctx = new FileContext(AS_OF, "4000000", Map.of());
        List<SourceRecord> after = new ArrayList<>();
        try (CsvRecordReader r = new CsvRecordReader(csv("day2.csv", row("CRM-A"), row("CRM-B"), row("CRM-A")),
                SourceProfile.canonical())) {
            r.recognise(new LastAppliedRows(stored, ctx, RuleFixtures.book()));
            while (r.hasNext()) {
                SourceRecord rec = r.next();
                if (rec.position() <= 3) { // settled before the crash: re-learnt, as ChunkLoop does
                    ChunkDecider.keysOf(rec.deal(), ctx).forEach(k -> ctx.remember(k, rec.position()));
                } else {
                    after.add(rec);
                }
            }
        }
        assertThat(after).extracting(SourceRecord::isUnread).containsExactly(true);
        Decision again = new ChunkDecider(RuleFixtures.book()).decide(after, stored, ctx).get(0);
        assertThat(again.outcome()).as("as in a run that was never killed").isEqualTo(Decision.Outcome.REJECT);
        assertThat(again.violations()).anyMatch(v -> v.code().equals("DUPLICATE_IN_FILE"));
    }

    @Test
    void otherRulesRecogniseNoRow() throws Exception {
        List<Decision> first = night(csv("day1.csv", row("CRM-A"), row("CRM-B")), RuleFixtures.book(), StoredDeals.NONE,
                new ArrayList<>());
        Path rules = dir.resolve("rules");
        try (Stream<Path> all = Files.walk(Path.of("rules"))) {
            for (Path f : all.toList()) {
                Path to = rules.resolve(Path.of("rules").relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
        }
        try (Stream<Path> drl = Files.list(rules)) {
            Path one = drl.filter(f -> f.toString().endsWith(".drl")).findFirst().orElseThrow();
            Files.writeString(one, Files.readString(one) + "\n// an analyst's comment\n");
        }
        RuleBook edited = RuleBook.compile(rules);
        assertThat(edited.fingerprint()).isNotEqualTo(RuleFixtures.book().fingerprint());

        List<SourceRecord> read = new ArrayList<>();
        List<Decision> second = night(csv("day2.csv", row("CRM-A"), row("CRM-B")), edited, new Stored(first), read);
        assertThat(read).extracting(SourceRecord::isUnread).containsOnly(false);
        assertThat(second).extracting(Decision::outcome).containsOnly(Decision.Outcome.UNCHANGED);
        assertThat(second).extracting(Decision::recognised).containsOnly(false); // judged again, found unchanged
    }
}
