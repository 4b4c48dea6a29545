package io.dealsync.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealsync.read.FilePrecheck;
import io.dealsync.read.SourceProfile;
import io.dealsync.read.SourceProfiles;
import io.dealsync.model.Field;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/quality.md "Security" / docs/operations.md "Logs": the whole sample inbox in a child engine at DEBUG; neither
 * its log (stdout and stderr) nor the run reports hold a contact's email, phone or name from the samples.
 * The reject files, the place meant for them, do.
 */
class NoPersonalDataInLogsTest {
    static final Map<String, SourceProfile> PROFILES = SourceProfiles.load(Path.of("routes/profiles"));
    static final Set<String> PERSONAL_COLUMNS = Set.of(Field.CONTACT_FIRST_NAME.header(), Field.CONTACT_LAST_NAME.header(),
            Field.CONTACT_PHONE.header(), Field.CONTACT_EMAIL.header());

    @Test
    void samplesLeaveNoPersonalDataInTheLogOrTheReports(@TempDir Path tmp) throws Exception {
        Harness h = new Harness(tmp);
        List<String[]> samples = List.of(
                new String[] {"", "samples/2026-11-01-partner-crm.csv"},
                new String[] {"", "samples/2026-11-02-partner-crm.csv"},
                new String[] {"dynamics365", "samples/dynamics365/2026-11-01-opportunities.csv"},
                new String[] {"salesforce", "samples/salesforce/2026-11-01-opportunities.csv"},
                new String[] {"crm-fr", "samples/crm-fr/2026-11-01-affaires.csv"});
        Set<String> emails = new LinkedHashSet<>();
        Set<String> phones = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>();
        for (String[] s : samples) {
            h.drop(s[1], s[0].isEmpty() ? null : s[0]);
            collect(Path.of(s[1]), s[0].isEmpty() ? SourceProfile.canonical() : PROFILES.get(s[0]), emails, phones, names);
        }
        // a JSON probe too: contact data in a broken line and in values of the wrong type
        h.write("probe.ndjson", "{\"externalReferenceId\": \"P-1\", \"team\": {\"email\": \"probe.leak@probe.example\"}, oops\n"
                + "{\"externalReferenceId\": \"P-2\", \"dealType\": \"Solution Assessment\", \"customerProfile\": {\"team\":"
                + " [{\"firstName\": {\"x\": \"Probename\"}, \"phoneNumber\": [\"+1 999 555 0199\"], \"email\": \"probe.two@probe.example\"}]}}\n");
        emails.addAll(List.of("probe.leak@probe.example", "probe.two@probe.example"));
        phones.add("+1 999 555 0199");
        names.add("Probename");
        assertThat(emails).hasSizeGreaterThan(20).contains("alex.doe@contoso.example", "avery.sample@contoso.example",
                "taylor.sample@adventure-works.example", "elodie.fictive@brasserie-etoile.example", "sam.seller@partner.example");
        assertThat(phones).contains("+1 425 555 0100", "(425) 555-0110", "+33 1 98 76 54 32");
        assertThat(names).contains("Avery", "Testperson", "Élodie", "Loïc", "Seller");

        ChildEngine child = ChildEngine.start(h.settings, Map.of("DEALSYNC_LOG_LEVEL", "DEBUG"),
                "run", "--once", "--as-of", "2026-11-26");
        int exit = child.await(120_000);
        String log = child.output();
        assertThat(exit).as(log).isZero();
        assertThat(log).as("DEBUG is on: batch lines are logged").contains("written (");
        assertThat(log).contains("2026-11-01-partner-crm.csv", "crm-fr/2026-11-01-affaires.csv", "probe.ndjson");

        assertNoPersonalData("the engine's log", log, emails, phones, names);
        List<Path> reports = Harness.files(h.reports());
        assertThat(reports).extracting(p -> p.getFileName().toString()).contains("latest.json", "latest.html");
        for (Path report : reports) {
            assertNoPersonalData(report.toString(), Files.readString(report), emails, phones, names);
        }

        // the reject files are where they belong
        StringBuilder rejects = new StringBuilder();
        for (Path p : Harness.files(h.rejects())) {
            if (p.toString().endsWith(".xlsx")) {
                continue; // the workbooks hold the same rows as the CSVs, zipped
            }
            Charset cs = p.toString().contains("crm-fr") ? Charset.forName("windows-1252") : java.nio.charset.StandardCharsets.UTF_8;
            rejects.append(Files.readString(p, cs)).append('\n');
        }
        assertThat(rejects.toString()).contains("alex.doe@contoso.example", "drew.nobody@tailspin.example",
                "chris.testperson@proseware.example", "pat.nobody@cohowinery.example",
                "loic.personne@cooperative-fictive.example", "Loïc", "+33 2 99 00 00 03", "+1 253 555 0130",
                "probe.leak@probe.example", "probe.two@probe.example");
    }

    /** Contact and team-member values of a sample, by the canonical column its profile maps each to. */
    private static void collect(Path file, SourceProfile profile, Set<String> emails, Set<String> phones, Set<String> names)
            throws Exception {
        Charset cs = FilePrecheck.charsetOf(file, profile.charset());
        try (Reader r = Files.newBufferedReader(file, cs)) {
            List<CSVRecord> rows = CSVFormat.RFC4180.builder().setDelimiter(profile.delimiter()).get().parse(r).getRecords();
            List<String> header = new ArrayList<>();
            for (String cell : rows.get(0).toList()) {
                String mapped = profile.mapColumn(cell.replace("\uFEFF", ""));
                header.add(mapped == null ? "" : mapped.strip());
            }
            for (CSVRecord row : rows.subList(1, rows.size())) {
                if (row.size() > header.size()) {
                    continue; // the sample's malformed row: no contact data in it
                }
                for (int i = 0; i < row.size(); i++) {
                    String column = header.get(i);
                    String v = row.get(i).strip();
                    if (v.isEmpty()) {
                        continue;
                    }
                    if (PERSONAL_COLUMNS.contains(column)) {
                        add(column.endsWith("Email Address") ? emails : column.endsWith("Phone number") ? phones : names, v);
                    } else if (Field.listIndex(column, Field.TEAM_PREFIX) > 0) {
                        String[] parts = v.split(",");
                        add(names, parts[0].strip());
                        if (parts.length > 1) {
                            add(names, parts[1].strip());
                        }
                        if (parts.length > 2) {
                            add(phones, parts[2].strip());
                        }
                        if (parts.length > 3) {
                            add(emails, parts[3].strip());
                        }
                    }
                }
            }
        }
    }

    private static void add(Set<String> set, String v) {
        if (v.length() >= 3) {
            set.add(v);
        }
    }

    private static void assertNoPersonalData(String where, String text, Set<String> emails, Set<String> phones,
            Set<String> names) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        for (String e : emails) {
            assertThat(lower).as("%s holds the email %s", where, e).doesNotContain(e.toLowerCase(java.util.Locale.ROOT));
        }
        for (String p : phones) {
            assertThat(text).as("%s holds the phone %s", where, p).doesNotContain(p);
            String digits = p.replaceAll("\\D", "");
            assertThat(text).as("%s holds the phone %s (digits)", where, p).doesNotContain(digits);
        }
        for (String n : names) {
            // a whole word, case as written: a contact name, not a word of the engine's own text
            Pattern word = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(n) + "(?![\\p{L}\\p{N}])");
            assertThat(word.matcher(text).find()).as("%s holds the name %s", where, n).isFalse();
        }
    }
}
