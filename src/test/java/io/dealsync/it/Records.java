package io.dealsync.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Valid records to build test files from: the canonical sample's first row, and a Partner Center referral. */
final class Records {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SAMPLE = sampleLines();

    private Records() {
    }

    private static List<String> sampleLines() {
        try {
            return Files.readAllLines(Path.of("samples/2026-11-01-partner-crm.csv"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The canonical header of the sample file (38 columns). */
    static String csvHeader() {
        return SAMPLE.get(0);
    }

    /** A valid Outgoing SA deal row under {@link #csvHeader()} (the sample's CRM-1001), with another CRM ID. */
    static String csvRow(String crmId) {
        return SAMPLE.get(1).replace("CRM-1001", crmId);
    }

    /** A CSV file text (CRLF) of the header and rows. */
    static String csv(String... rows) {
        List<String> all = new ArrayList<>();
        all.add(csvHeader());
        all.addAll(List.of(rows));
        return String.join("\r\n", all) + "\r\n";
    }

    /**
     * A valid Outgoing, Accepted SA deal as the Partner Center referral resource (the shape of
     * {@code DataGenerator.partnerCenterJson}), keyed by {@code externalReferenceId}: stage 20, LOE marked.
     */
    static ObjectNode referral(String crmId) {
        try {
            return (ObjectNode) JSON.readTree("""
                {"externalReferenceId": "%s", "name": "Assessment %s", "status": "Active", "substatus": "Accepted",
                 "direction": "Outgoing", "location": "US", "assessmentLocation": "US", "dealType": "Solution Assessment",
                 "salesStage": 20, "stageMarks": {"secureLoe": "2026-02-01"}, "createdDateTime": "2026-01-10T09:00:00Z",
                 "customerProfile": {"name": "Customer %s",
                   "address": {"addressLine1": "1 Example Way", "city": "Redmond", "postalCode": "98052", "country": "US"},
                   "ids": [{"profileType": "Duns", "id": "123456789"}],
                   "team": [{"firstName": "Alex", "lastName": "Doe", "phoneNumber": "+1 425 555 0100",
                             "email": "alex.doe@customer.example"}]},
                 "consent": {"consentToToShareInfoWithOthers": true},
                 "details": {"notes": "Assessment notes", "dealValue": 25000, "currency": "USD",
                   "closingDateTime": "2030-06-30T00:00:00Z", "requirements": {"solutions": [{"id": "SOL-SA-INFRA"}]}},
                 "team": [{"firstName": "Sam", "lastName": "Seller", "phoneNumber": "+1 425 555 0101",
                           "email": "sam.seller@partner.example"}]}
                """.formatted(crmId, crmId, crmId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines of an NDJSON file, each parsed. */
    static List<JsonNode> ndjson(Path file) {
        try {
            List<JsonNode> out = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    out.add(JSON.readTree(line));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The report of the last run. */
    static JsonNode report(Harness h) {
        try {
            return JSON.readTree(h.reports().resolve("latest.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The report's entry for a file (by source and name). */
    static JsonNode fileEntry(JsonNode report, String source, String name) {
        for (JsonNode f : report.get("files")) {
            if (f.get("name").asText().equals(name) && f.get("source").asText().equals(source)) {
                return f;
            }
        }
        throw new AssertionError("no report entry for " + source + "/" + name + " in " + report.get("files"));
    }

    /** Every file of the report reconciles, and so do the totals. */
    static void assertReconciles(JsonNode report) {
        org.assertj.core.api.Assertions.assertThat(report.get("reconciled").asBoolean()).as("reconciled").isTrue();
        long read = 0;
        for (JsonNode f : report.get("files")) {
            long sum = f.get("created").asLong() + f.get("updated").asLong() + f.get("unchanged").asLong()
                    + f.get("rejected").asLong() + f.get("skipped").asLong();
            org.assertj.core.api.Assertions.assertThat(f.get("read").asLong()).as("read of %s", f.get("name")).isEqualTo(sum);
            read += f.get("read").asLong();
        }
        JsonNode t = report.get("totals");
        org.assertj.core.api.Assertions.assertThat(t.get("read").asLong()).isEqualTo(read).isEqualTo(
                t.get("created").asLong() + t.get("updated").asLong() + t.get("unchanged").asLong()
                        + t.get("rejected").asLong() + t.get("skipped").asLong());
    }

    /** The first column of a query's rows, as text. */
    static List<String> column(Harness h, String sql) {
        return h.withStore(s -> {
            try (var c = s.database().connection(); var st = c.createStatement(); var rs = st.executeQuery(sql)) {
                List<String> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
                return out;
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
