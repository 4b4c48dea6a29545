package io.dealsync.it;

import static io.dealsync.it.Rows.incoming;
import static io.dealsync.it.Rows.outgoing;
import static io.dealsync.it.Rows.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/operations.md "Commands": {@code validate FILE...} is a dry run: the same parsing and rules against the stored
 * deals, nothing written to the database; it prints the summary and writes reject files only where asked.
 */
class ValidateCommandTest {
    static final String NAME = "2026-11-02-crm.csv";
    static final Map<String, String> V1 = outgoing("CRM-V1");
    static final Map<String, String> V2 = outgoing("CRM-V2");
    static final Map<String, String> V3 = incoming("REF-V3", "CRM-V3", "2026-11-01");

    @TempDir
    Path tmp;
    Harness h;
    /** The day-2 file: 6 records; against the stored deals 1 created, 2 updated, 3 rejected. */
    String day2;

    @BeforeEach
    void dayOneIsStored() {
        h = new Harness(tmp.resolve("engine"));
        h.write("2026-11-01-crm.csv", new Rows().add(V1).add(V2).add(V3).csv());
        assertThat(h.run("run", "--once", "--as-of", "2026-11-01")).isZero();
        day2 = new Rows()
                .add(with(V1, "Location", "FR")) // line 2: immutable
                .add(with(V2, "Sales Stage", "20", "Stage Secure LOE Date", "2026-11-02")) // line 3: update
                .add(outgoing("CRM-V4")) // line 4: new
                .add(with(V3, "Partner Referral Status", "Closed", "Partner Referral Substatus", "Declined",
                        "Declined/Lost/Error reason", "2")) // line 5: update
                .csv()
                + "a,row,with,too,many,cells" + ",x".repeat(Rows.HEADER.size()) + "\r\n" // line 6: malformed
                + new Rows().add(with(outgoing("CRM-V4"), "Notes", "again")).csv().lines().skip(1)
                        .collect(Collectors.joining("\r\n", "", "\r\n")); // line 7: duplicate of line 4
    }

    @Test
    void aDryRunJudgesAgainstTheStoredDealsAndWritesNothing() throws Exception {
        Path file = Files.createDirectories(tmp.resolve("outside")).resolve(NAME);
        Files.writeString(file, day2);
        String before = snapshot(h);

        Harness.Output v = h.runCaptured("validate", "--as-of", "2026-11-02", file.toString());

        assertThat(v.code()).as(v.err()).isZero();
        assertThat(v.out()).contains("Dry run: nothing was written to the database.");
        assertThat(row(v.out(), NAME)).containsExactly("-", "done", "6", "1", "2", "0", "3", "0", "0");
        assertThat(v.out()).contains("IMMUTABLE_FIELD_CHANGED", "MALFORMED_RECORD", "DUPLICATE_IN_FILE");
        assertThat(snapshot(h)).isEqualTo(before);
        // no reject file without --rejects: the folder holds only the input
        assertThat(Harness.files(tmp.resolve("outside"))).containsExactly(file);
        assertThat(Harness.files(h.rejects())).isEmpty();
    }

    @Test
    void withRejectsTheRejectFileIsWrittenThereAndOnlyThere() throws Exception {
        Path file = Files.createDirectories(tmp.resolve("outside")).resolve(NAME);
        Files.writeString(file, day2);
        Path dir = tmp.resolve("validated");
        String before = snapshot(h);

        Harness.Output v = h.runCaptured("validate", "--as-of", "2026-11-02", "--rejects", dir.toString(), file.toString());

        assertThat(v.code()).as(v.err()).isZero();
        assertThat(snapshot(h)).isEqualTo(before);
        assertThat(Harness.files(dir)).containsExactly(dir.resolve("2026-11-02-crm.rejects.csv"),
                dir.resolve("2026-11-02-crm.rejects.xlsx"));
        List<String> lines = Files.readAllLines(dir.resolve("2026-11-02-crm.rejects.csv"), StandardCharsets.UTF_8);
        assertThat(lines.get(0)).startsWith("\uFEFFErrors,Reason Codes,Referral ID,").endsWith(",Line,Source File");
        List<List<String>> rejected = new ArrayList<>();
        try (var parser = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(dir.resolve("2026-11-02-crm.rejects.csv"), StandardCharsets.UTF_8))) {
            for (var rec : parser) {
                rejected.add(List.of(rec.get("Line"), rec.get("Reason Codes"), rec.get("CRM ID")));
            }
        }
        // the unreadable row keeps its cells (the extra ones after Line)
        assertThat(rejected).containsExactly(List.of("2", "IMMUTABLE_FIELD_CHANGED", "CRM-V1"),
                List.of("6", "MALFORMED_RECORD", "with"), List.of("7", "DUPLICATE_IN_FILE", "CRM-V4"));
        assertThat(Harness.files(h.rejects())).isEmpty();

        // a file without rejects leaves no (empty) reject file behind
        Path clean = tmp.resolve("outside").resolve("clean.csv");
        Files.writeString(clean, new Rows().add(with(V2, "Notes", "A new note")).csv());
        Path dir2 = tmp.resolve("validated-clean");
        Harness.Output ok = h.runCaptured("validate", "--as-of", "2026-11-02", "--rejects", dir2.toString(), clean.toString());
        assertThat(ok.code()).isZero();
        assertThat(row(ok.out(), "clean.csv")).containsExactly("-", "done", "1", "0", "1", "0", "0", "0", "0");
        assertThat(Harness.files(dir2)).isEmpty();
        assertThat(snapshot(h)).isEqualTo(before);
    }

    @Test
    void withRejectsTheWarningsItCountsAreWrittenToo() throws Exception {
        // issue 10: the summary counted a warning, but no warnings file was written
        Path file = Files.createDirectories(tmp.resolve("outside")).resolve("2026-11-03-crm.csv");
        Files.writeString(file, new Rows().add(with(outgoing("CRM-W1"), "Estimated Close Date", "2026-10-01")).csv());
        Path dir = tmp.resolve("validated-warnings");

        Harness.Output v = h.runCaptured("validate", "--as-of", "2026-11-03", "--rejects", dir.toString(), file.toString());

        assertThat(v.code()).as(v.err()).isZero();
        assertThat(Harness.files(dir)).containsExactly(dir.resolve("2026-11-03-crm.warnings.csv"));
        List<String> lines = Files.readAllLines(dir.resolve("2026-11-03-crm.warnings.csv"), StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith("The estimated close date is in the past on an active deal,CLOSE_DATE_PAST,");
    }

    @Test
    void theDryRunCountsAreWhatTheRealRunThenDoes() throws Exception {
        Path file = h.write(NAME, day2); // in the inbox: validate leaves it there
        Harness.Output v = h.runCaptured("validate", "--as-of", "2026-11-02", file.toString());
        assertThat(v.code()).isZero();
        assertThat(file).exists();
        assertThat(Harness.files(h.inbox().resolve(".done"))).hasSize(1); // day 1 only

        assertThat(h.run("run", "--once", "--as-of", "2026-11-02")).isZero();
        JsonNode f = DayByDayTest.file(h.latestReport(), NAME);
        List<String> real = List.of("-", f.get("status").asText(), f.get("read").asText(), f.get("created").asText(),
                f.get("updated").asText(), f.get("unchanged").asText(), f.get("rejected").asText(),
                f.get("skipped").asText(), f.get("warnings").asText());
        assertThat(row(v.out(), NAME)).isEqualTo(real);
        assertThat(DayByDayTest.status(h, "CRM-V3")).isEqualTo("Closed/Declined");
        assertThat(h.value("SELECT location FROM deal WHERE crm_id = 'CRM-V1'")).isEqualTo("US");
    }

    @Test
    void againstAnEmptyDatabaseTheSameFileChangesNothingImmutable() throws Exception {
        Harness empty = new Harness(tmp.resolve("empty"));
        Path file = Files.createDirectories(tmp.resolve("outside")).resolve(NAME);
        Files.writeString(file, day2);
        Harness.Output v = empty.runCaptured("validate", "--as-of", "2026-11-02", file.toString());
        assertThat(v.code()).isZero();
        // every deal is new there: no IMMUTABLE_FIELD_CHANGED, only the unreadable row and the duplicate
        assertThat(row(v.out(), NAME)).containsExactly("-", "done", "6", "4", "0", "0", "2", "0", "0");
        assertThat(v.out()).doesNotContain("IMMUTABLE_FIELD_CHANGED");
        assertThat(empty.count("SELECT COUNT(*) FROM deal")).isZero();
        assertThat(empty.count("SELECT COUNT(*) FROM ingested_file")).isZero();
    }

    @Test
    void aMissingFileIsAnError() {
        Harness.Output v = h.runCaptured("validate", tmp.resolve("nope.csv").toString());
        assertThat(v.code()).isEqualTo(1);
        assertThat(v.err()).contains("nope.csv: no such file");
    }

    /** Database state (deals, history, notifications, team, marks, files, rejects) plus every runtime file but the database's. */
    static String snapshot(Harness h) throws Exception {
        StringBuilder sb = new StringBuilder(CrashSafetyTest.state(h));
        for (String table : List.of("deal", "deal_history", "deal_key", "awaiting_answer", "ingested_file", "reject", "notification")) {
            sb.append(table).append('=').append(h.count("SELECT COUNT(*) FROM " + table)).append('\n');
        }
        for (Path dir : List.of(h.inbox(), h.rejects(), h.reports(), h.outbox())) {
            for (Path p : Harness.files(dir)) {
                sb.append(h.dir.relativize(p)).append(' ').append(Files.size(p)).append('\n');
            }
        }
        return sb.toString();
    }

    /** The summary's row for a file: source, status, read, created, updated, unchanged, rejected, skipped, warnings. */
    static List<String> row(String out, String name) {
        for (String line : out.lines().toList()) {
            if (line.startsWith(name + " ")) {
                List<String> cells = new ArrayList<>(List.of(line.strip().split("\\s+")));
                return cells.subList(1, cells.size());
            }
        }
        throw new AssertionError("no row for " + name + " in:\n" + out);
    }
}
