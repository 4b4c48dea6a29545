package io.dealsync.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fact's vocabulary over its context and its row: what a deal answers with none, and with them. */
class DealTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 1);

    @Test
    void aDealAsReadKnowsNoStoredDealNoAsOfAndNoRow() {
        Deal d = new Deal().set(Field.SUBSTATUS, "Accepted");
        assertThat(d.isFirstSight()).isTrue();
        assertThat(d.getAsOf()).isNull();
        assertThat(d.getStatusMove()).isEmpty();
        assertThat(d.getChangedColumns()).isEmpty();
        assertThat(d.isDuplicateInFile()).isFalse();
        assertThat(d.getHoursSinceCreated()).isEqualTo(Long.MAX_VALUE);
        assertThat(d.getId()).isZero();
        assertThat(d.getStoredOn()).isNull();
    }

    @Test
    void theContextTheEngineGivesIsWhatTheRulesRead() {
        Deal stored = new Deal().set(Field.STATUS, "New").set(Field.SUBSTATUS, "Received").set(Field.LOCATION, "A");
        stored.setStoredOn(LocalDate.of(2026, 5, 20));
        Deal d = stored.copyContent().set(Field.STATUS, "Closed").set(Field.SUBSTATUS, "Won");
        d.context().stored(stored).asOf(AS_OF).duplicateOfLine(7);
        assertThat(d.getStatusMove()).isEqualTo("Received -> Won");
        assertThat(d.getStoredPhase()).isEqualTo("Received");
        assertThat(d.changed("Location")).isFalse();
        assertThat(d.getChangedColumns()).contains("Partner Referral Status", "Partner Referral Substatus");
        assertThat(d.getDuplicateOfLine()).isEqualTo(7);
        assertThat(d.getCreatedOn()).isEqualTo(LocalDate.of(2026, 5, 20)); // the day first stored
        assertThat(d.getHoursSinceCreated()).isEqualTo(12 * 24);
    }

    @Test
    void theColumnsAmongAListAreThoseThatQualifyInTheListsOrder() {
        Deal stored = new Deal().set(Field.LOCATION, "A").set(Field.CUSTOMER_CITY, "Lyon");
        Deal d = stored.copyContent().set(Field.NOTES, "n").set(Field.RECEIVED_DATE, "soon").set(Field.CUSTOMER_CITY, "Paris")
                .set(Field.CREATED_DATE, "2026-05-01");
        assertThat(d.blankAmong(List.of("Notes", "Deal Name", "Currency"))).containsExactly("Deal Name", "Currency");
        assertThat(d.blankAmong(List.of("Notes", "Location"))).isEmpty();
        assertThat(d.invalidDatesAmong(List.of("Created Date", "Received Date", "Estimated Close Date")))
                .containsExactly("Received Date"); // an empty column is blank, not an invalid date
        assertThat(d.changedAmong(List.of("Location", "Customer City"))).isEmpty(); // nothing stored: nothing changed
        d.context().stored(stored);
        assertThat(d.changedAmong(List.of("Location", "Customer City"))).containsExactly("Customer City");
    }

    @Test
    void aNewDealIsCreatedOnTheAsOfDateButHasNoReceivedDay() {
        Deal d = new Deal();
        d.context().asOf(AS_OF);
        assertThat(d.getCreatedOn()).isEqualTo(AS_OF);
        assertThat(d.getReceivedOn()).isNull();
    }

    @Test
    void aCopyHasTheValuesAndItsOwnRowButNoContextNorFindings() {
        Deal d = new Deal().set(Field.NOTES, "n").setTeam(List.of(new TeamMember("A", "B", "+33 1 23 45 67 89", "a@b.fr")));
        d.setId(7);
        d.setVersion(2);
        d.context().asOf(AS_OF);
        d.violates("REQUIRED_FIELD", "Notes");
        Deal copy = d.copyContent();
        copy.setVersion(3);
        assertThat(copy.get(Field.NOTES)).isEqualTo("n");
        assertThat(copy.getTeam()).isEqualTo(d.getTeam());
        assertThat(copy.getId()).isEqualTo(7);
        assertThat(d.getVersion()).isEqualTo(2);
        assertThat(copy.getAsOf()).isNull();
        assertThat(copy.findings().list()).isEmpty();
    }

    @Test
    void sameContentIgnoresTheReportedSalesStageAndReadsAnExportedReceivedDate() {
        Deal stored = new Deal().set(Field.DIRECTION, "Incoming").set(Field.SALES_STAGE, "10");
        stored.setStoredOn(LocalDate.of(2026, 5, 20));
        Deal again = stored.copyContent().set(Field.SALES_STAGE, "Qualify").set(Field.RECEIVED_DATE, "2026-05-20");
        assertThat(again.sameContentAs(stored)).isTrue();
        assertThat(again.differences(stored)).isEmpty();
        Deal other = again.copyContent().set(Field.RECEIVED_DATE, "2026-05-21");
        assertThat(other.differences(stored)).containsExactly("Received Date");
    }

    @Test
    void contactAndTeamProblemsSayWhatIsWrong() {
        Deal d = new Deal().set(Field.CONTACT_FIRST_NAME, "Camille").set(Field.CONTACT_PHONE, "12")
                .set(Field.CONTACT_EMAIL, "camille@contoso.example")
                .setTeam(List.of(new TeamMember("A", "", "", "bob@")));
        assertThat(d.getIncompleteContactColumns())
                .containsExactly("Customer Contact Last Name", "Customer Contact Phone number");
        assertThat(d.contactProblem("Customer Contact Last Name")).isEqualTo("is missing");
        assertThat(d.contactProblem("Customer Contact Phone number")).startsWith("'12' is not a plausible phone");
        assertThat(d.isCustomerContactPlausible()).isFalse();
        assertThat(d.getIncompleteTeamMembers()).containsExactly("Team member 1");
        assertThat(d.teamMemberProblem("Team member 1")).isEqualTo("the last name is missing; the phone is missing; "
                + "the email 'bob@' is not plausible (name@domain.tld)");
        assertThat(d.teamMemberProblem("Team member 2")).isEqualTo("is missing");
    }
}
