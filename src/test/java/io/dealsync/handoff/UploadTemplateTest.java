package io.dealsync.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealsync.model.Deal;
import io.dealsync.model.Field;
import io.dealsync.model.Solution;
import io.dealsync.model.TeamMember;
import java.util.List;
import org.junit.jupiter.api.Test;

class UploadTemplateTest {
    static Deal deal() {
        Deal d = new Deal();
        d.set(Field.CRM_ID, "CRM-1").set(Field.PARTNER_ID, "4000000").set(Field.DEAL_NAME, "=HYPERLINK(\"x\")")
                .set(Field.STATUS, "Active").set(Field.SUBSTATUS, "Accepted").set(Field.ESTIMATED_CLOSE_DATE, "2030-06-03")
                .set(Field.CONTACT_PHONE, "+1 425 555 0100").set(Field.CONSENT, "Yes")
                .set(Field.STAGE_SECURE_LOE, "2026-02-01").set(Field.STAGE_COLLECT_DATA, "2026-03-01")
                .set(Field.ASSESSMENT_LOCATION, "US");
        d.setSolutions(List.of(new Solution("SOL-SA-INFRA", "", "", "")));
        d.setTeam(List.of(new TeamMember("Sam", "Seller", "+1 425 555 0101", "sam@partner.example"),
                new TeamMember("Kim", "Lee", "+1 425 555 0102", "kim@partner.example")));
        return d;
    }

    @Test
    void theTemplatesColumnsWithoutDealsyncsExtensionsPlusMarketplacePurchaseIntent() {
        List<String> h = new UploadTemplate("No").header(2);
        assertThat(h).startsWith("Referral ID", "Engagement ID", "CRM ID", "PartnerID (formerly MPN ID)")
                .endsWith("Consent to share Customer/Partner contact", "Marketplace Purchase Intent", "Solution 1",
                        "Team member 1", "Team member 2")
                .contains("Sales Stage", "Estimated Close Date", "Partner Referral Status")
                .doesNotContain("Stage Secure LOE Date", "Assessment Location", "Received Date", "Created Date",
                        "Invited By", "Errors");
    }

    @Test
    void closeDateMmDdYyyyStageAsNumberAndFormulasGuarded() {
        UploadTemplate t = new UploadTemplate("Have not decided");
        List<String> h = t.header(2);
        List<String> row = t.row(deal(), 2);
        assertThat(row).hasSameSizeAs(h);
        assertThat(row.get(h.indexOf("Estimated Close Date"))).isEqualTo("06/03/2030");
        assertThat(row.get(h.indexOf("Sales Stage"))).isEqualTo("40");
        assertThat(row.get(h.indexOf("Referral ID"))).isEmpty();
        assertThat(row.get(h.indexOf("Marketplace Purchase Intent"))).isEqualTo("Have not decided");
        assertThat(row.get(h.indexOf("Deal Name"))).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(row.get(h.indexOf("Customer Contact Phone number"))).isEqualTo("'+1 425 555 0100");
        assertThat(row.get(h.indexOf("Solution 1"))).isEqualTo("SOL-SA-INFRA");
        assertThat(row.get(h.indexOf("Team member 2"))).isEqualTo("Kim, Lee, +1 425 555 0102, kim@partner.example");
    }

    @Test
    void aFileHasAsManyTeamColumnsAsItsLargestTeamAndAtLeastOne() {
        assertThat(UploadTemplate.teamColumns(List.of(deal(), new Deal()))).isEqualTo(2);
        assertThat(UploadTemplate.teamColumns(List.of(new Deal()))).isEqualTo(1);
    }

    @Test
    void aDateThatIsNotIsoIsLeftAsItIs() {
        assertThat(UploadTemplate.closeDate("2030-12-31")).isEqualTo("12/31/2030");
        assertThat(UploadTemplate.closeDate("")).isEmpty();
        assertThat(UploadTemplate.closeDate("soon")).isEqualTo("soon");
    }
}
