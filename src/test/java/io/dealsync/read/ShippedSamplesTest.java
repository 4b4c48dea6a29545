package io.dealsync.read;

import static io.dealsync.read.CsvRecordReaderTest.readAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.dealsync.model.Deal;
import io.dealsync.model.Field;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Each shipped profile reads its sample file from {@code samples/}: the samples are what a first run
 * shows, so they must read cleanly and be valid solution-assessment deals except the rows meant as rejects.
 */
class ShippedSamplesTest {
    private static final Map<String, SourceProfile> PROFILES = SourceProfiles.load(Path.of("routes/profiles"));
    private static final Set<String> CATALOGUE = Set.of("SOL-SA-INFRA", "SOL-SA-DATA", "SOL-SA-APPMOD",
            "SOL-SA-SECURITY", "SOL-SA-MODERNWORK", "SOL-SA-BIZAPPS", "SOL-SA-AI");

    private static List<SourceRecord> read(String source, String file, List<String> unknown) throws Exception {
        Path p = Path.of("samples", source, file);
        SourceProfile profile = PROFILES.get(source);
        FilePrecheck.Result pre = FilePrecheck.check(p, profile.charset());
        assertThat(pre.problem()).isNull();
        try (RecordReader r = RecordReaders.open(p, profile)) {
            unknown.addAll(r.unknownColumns());
            return readAll(r);
        }
    }

    @Test
    void dynamics365() throws Exception {
        List<String> unknown = new ArrayList<>();
        List<SourceRecord> recs = read("dynamics365", "2026-11-01-opportunities.csv", unknown);
        assertThat(unknown).isEmpty();
        assertThat(recs).hasSize(4).noneMatch(SourceRecord::isMalformed);
        assertThat(recs).extracting(SourceRecord::position).containsExactly(2L, 4L, 5L, 6L); // row 1 has a 2-line note
        Deal d = recs.get(0).deal();
        assertThat(d.get(Field.CRM_ID)).isEqualTo("5b0a6f1e-2c3d-4e5f-8a9b-0c1d2e3f4a01");
        assertThat(d.get(Field.ESTIMATED_VALUE)).isEqualTo("48500");
        assertThat(d.get(Field.ESTIMATED_CLOSE_DATE)).isEqualTo("2031-06-30");
        assertThat(d.get(Field.CREATED_DATE)).isEqualTo("2026-01-12");
        assertThat(d.get(Field.CONSENT)).isEqualTo("Yes");
        assertThat(d.get(Field.NOTES)).contains("\n");
        assertThat(d.getTeam()).hasSize(2);
        assertThat(recs.get(0).presentColumns()).hasSize(Field.values().length + 2);
        assertValidExcept(recs, PROFILES.get("dynamics365"), 3);
        assertThat(recs.get(3).deal().get(Field.CONSENT)).isEqualTo("No");
    }

    @Test
    void salesforce() throws Exception {
        List<String> unknown = new ArrayList<>();
        List<SourceRecord> recs = read("salesforce", "2026-11-01-opportunities.csv", unknown);
        assertThat(unknown).isEmpty();
        assertThat(recs).hasSize(5).noneMatch(SourceRecord::isMalformed);
        Deal d = recs.get(0).deal();
        assertThat(d.get(Field.CRM_ID)).isEqualTo("0065g00000SaMPLE01");
        assertThat(d.get(Field.ESTIMATED_VALUE)).isEqualTo("45000");
        assertThat(d.get(Field.SALES_STAGE)).isEqualTo("Value Proposition");
        assertThat(PROFILES.get("salesforce").stagePercent(d.get(Field.SALES_STAGE))).isEqualTo(40);
        assertValidExcept(recs, PROFILES.get("salesforce"), 3, 4);
    }

    @Test
    void crmFr() throws Exception {
        List<String> unknown = new ArrayList<>();
        List<SourceRecord> recs = read("crm-fr", "2026-11-01-affaires.csv", unknown);
        assertThat(unknown).isEmpty();
        assertThat(recs).hasSize(4).noneMatch(SourceRecord::isMalformed);
        Deal d = recs.get(0).deal();
        assertThat(d.get(Field.DEAL_NAME)).isEqualTo("Évaluation migration datacenter – Brasserie Étoile");
        assertThat(d.get(Field.NOTES)).contains(";");
        assertThat(d.get(Field.ESTIMATED_VALUE)).isEqualTo("12500");
        assertThat(d.get(Field.ESTIMATED_CLOSE_DATE)).isEqualTo("2031-06-30");
        assertThat(d.get(Field.STATUS)).isEqualTo("Active");
        assertThat(d.get(Field.SUBSTATUS)).isEqualTo("Accepted");
        assertThat(d.get(Field.DIRECTION)).isEqualTo("Outgoing");
        assertThat(d.get(Field.DEAL_TYPE)).isEqualTo("Solution Assessment");
        assertThat(recs.get(1).deal().get(Field.ESTIMATED_VALUE)).isEqualTo("1234567.89");
        assertValidExcept(recs, PROFILES.get("crm-fr"), 3);
        assertThat(recs.get(3).deal().get(Field.CUSTOMER_COUNTRY)).isEqualTo("FRANCE");
    }

    /** The rows at {@code rejects} break a rule; all others pass a restatement of R1-R7 and R40-R42. */
    private static void assertValidExcept(List<SourceRecord> recs, SourceProfile profile, int... rejects) {
        for (int i = 0; i < recs.size(); i++) {
            List<String> problems = saProblems(recs.get(i).deal(), profile);
            boolean reject = false;
            for (int r : rejects) {
                reject |= r == i;
            }
            if (reject) {
                assertThat(problems).as("row " + i + " is meant as a reject").isNotEmpty();
            } else {
                assertThat(problems).as("row " + i).isEmpty();
                assertThat(recs.get(i).problems()).isEmpty();
            }
        }
    }

    private static List<String> saProblems(Deal d, SourceProfile profile) {
        List<String> p = new ArrayList<>();
        for (Field f : List.of(Field.DEAL_NAME, Field.LOCATION, Field.ESTIMATED_VALUE, Field.CURRENCY,
                Field.ESTIMATED_CLOSE_DATE, Field.NOTES, Field.CUSTOMER_NAME, Field.CUSTOMER_COUNTRY, Field.CRM_ID,
                Field.ASSESSMENT_LOCATION, Field.CREATED_DATE)) {
            if (d.get(f).isEmpty()) {
                p.add("missing " + f.header());
            }
        }
        if (d.amount("Estimated Deal Value") == null || d.amount("Estimated Deal Value").signum() <= 0) {
            p.add("value");
        }
        if (!d.get(Field.CURRENCY).matches("USD|EUR")) {
            p.add("currency");
        }
        if (!d.get(Field.CUSTOMER_COUNTRY).matches("[A-Z]{2}")) {
            p.add("country");
        }
        LocalDate close = d.date("Estimated Close Date");
        if (close == null || close.getYear() < 2030) {
            p.add("close date");
        }
        LocalDate created = d.date("Created Date");
        if (created == null || !created.toString().startsWith("2026-01")) {
            p.add("created");
        }
        if (!d.isCustomerContactPlausible()) {
            p.add("contact");
        }
        if (d.getTeamSize() == 0 || !d.isTeamPlausible()) {
            p.add("team");
        }
        if (d.getSolutionCount() != 1 || !CATALOGUE.contains(d.getSolutionId())) {
            p.add("solution");
        }
        if (!"Yes".equals(d.get(Field.CONSENT))) {
            p.add("consent");
        }
        if (!d.isAccepted() || !d.isOutgoing()) {
            p.add("status");
        }
        if (d.isStagesOutOfOrder()) {
            p.add("stage order");
        }
        for (LocalDate mark : d.getStageMarks()) {
            if (mark != null && created != null && mark.isBefore(created)) {
                p.add("mark before creation");
            }
        }
        String stage = d.get(Field.SALES_STAGE);
        if (!stage.isEmpty()) {
            Integer pct = stage.matches("\\d+") ? Integer.valueOf(stage) : profile.stagePercent(stage);
            if (pct == null || pct != d.getHighestMarkedStage()) {
                p.add("stage mismatch");
            }
        }
        return p;
    }
}
