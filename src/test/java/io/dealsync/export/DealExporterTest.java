package io.dealsync.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.dealsync.model.Deal;
import io.dealsync.model.Field;
import io.dealsync.model.Solution;
import io.dealsync.model.TeamMember;
import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/formats.md "Export": the referral resource a deal is written as, key by key, from the catalogue's paths. */
class DealExporterTest {
    @Test
    void aDealWithEveryColumnIsWrittenAsAReferralInTheDocumentOrder() throws IOException {
        Deal d = new Deal();
        int n = 0;
        for (Field f : Field.values()) {
            d.set(f, "v" + n++);
        }
        d.set(Field.CONSENT, "Yes");
        d.setSolutions(List.of(new Solution("S1", "EUR", "1", "2"), new Solution("S2", "", "", "")));
        d.setTeam(List.of(new TeamMember("a", "b", "c", "d"), new TeamMember("e", "", "", "f")));

        assertThat(referral(d)).isEqualTo("{\"id\":\"v0\",\"engagementId\":\"v1\",\"crmId\":\"v2\",\"partnerId\":\"v3\","
                + "\"name\":\"v4\",\"dealType\":\"v5\",\"direction\":\"v6\",\"location\":\"v7\",\"status\":\"v20\","
                + "\"substatus\":\"v21\",\"statusReason\":\"v23\",\"declineReasonCode\":\"v22\",\"salesStage\":80,"
                + "\"campaignId\":\"v32\",\"assessmentLocation\":\"v35\",\"createdDateTime\":\"v37\",\"receivedDateTime\":\"v36\","
                + "\"customerProfile\":{\"name\":\"v8\",\"address\":{\"addressLine1\":\"v9\",\"addressLine2\":\"v10\","
                + "\"city\":\"v11\",\"state\":\"v12\",\"postalCode\":\"v13\",\"country\":\"V14\"},"
                + "\"ids\":[{\"profileType\":\"Duns\",\"id\":\"v15\"}],"
                + "\"team\":[{\"firstName\":\"v16\",\"lastName\":\"v17\",\"phoneNumber\":\"v18\",\"email\":\"v19\"}]},"
                + "\"consent\":{\"consentToToShareInfoWithOthers\":true},"
                + "\"details\":{\"notes\":\"v33\",\"dealValue\":\"v29\",\"currency\":\"V30\",\"closingDateTime\":\"v31\","
                + "\"requirements\":{\"solutions\":[{\"id\":\"S1\",\"currency\":\"EUR\",\"price\":\"1\",\"quantity\":\"2\"},"
                + "{\"id\":\"S2\"}]}},"
                + "\"team\":[{\"firstName\":\"a\",\"lastName\":\"b\",\"phoneNumber\":\"c\",\"email\":\"d\"},"
                + "{\"firstName\":\"e\",\"lastName\":\"\",\"phoneNumber\":\"\",\"email\":\"f\"}],"
                + "\"inviteContext\":{\"invitedBy\":{\"organizationId\":\"v38\"}},"
                + "\"stageMarks\":{\"secureLoe\":\"v25\",\"collectData\":\"v26\",\"prepareReport\":\"v27\",\"present\":\"v28\"}}");
    }

    @Test
    void anEmptyDealKeepsItsGroupsAndLeavesOutTheWrappersOfEmptyColumns() throws IOException {
        assertThat(referral(new Deal())).isEqualTo("{\"salesStage\":10,\"customerProfile\":{\"address\":{},"
                + "\"team\":[{\"firstName\":\"\",\"lastName\":\"\",\"phoneNumber\":\"\",\"email\":\"\"}]},"
                + "\"details\":{\"requirements\":{\"solutions\":[]}},\"team\":[],\"stageMarks\":{}}");
    }

    @Test
    void anIncomingDealAwaitingAnAnswerWithoutDatesIsExportedAsReceivedOnTheDayItWasStored() throws IOException {
        Deal d = new Deal();
        d.set(Field.DIRECTION, "Incoming");
        d.set(Field.STATUS, "New");
        d.set(Field.SUBSTATUS, "Received");
        d.set(Field.CONSENT, "No");
        d.setStoredOn(LocalDate.of(2026, 5, 6));

        assertThat(referral(d)).contains("\"receivedDateTime\":\"2026-05-06\"",
                "\"consent\":{\"consentToToShareInfoWithOthers\":false}");
    }

    @Test
    void theCsvHeaderIsTheCatalogueThenTheListColumns() {
        assertThat(DealExporter.header(2)).hasSize(Field.values().length + 3)
                .startsWith("Referral ID", "Engagement ID", "CRM ID", "PartnerID (formerly MPN ID)")
                .endsWith("Invited By", "Solution 1", "Team member 1", "Team member 2");
    }

    private static String referral(Deal d) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            DealExporter.writeReferral(g, d);
        }
        return w.toString();
    }
}
