package io.dealsync.rules;

import static io.dealsync.rules.RuleFixtures.AS_OF;
import static io.dealsync.rules.RuleFixtures.PARTNER;
import static io.dealsync.rules.RuleFixtures.accepted;
import static io.dealsync.rules.RuleFixtures.judge;
import static org.assertj.core.api.Assertions.assertThat;

import io.dealsync.read.SourceProfile;
import io.dealsync.read.SourceProfiles;
import io.dealsync.model.Violation;
import io.dealsync.rulecases.CaseDeal;
import io.dealsync.sync.ChunkDecider;
import io.dealsync.sync.FileContext;
import io.dealsync.sync.Decision;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 10, point 2: every reject row names the field and what is expected, in the words of the reviewer's file. */
class RejectMessagesTest {

    private static List<String> messages(Decision d) {
        return d.violations().stream().map(Violation::message).toList();
    }

    @Test
    void theCustomerContactSaysWhichPartIsMissingOrImplausible() {
        assertThat(messages(judge(accepted().set("Customer Contact Email Address", "bob@")))).containsExactly(
                "The customer's primary contact is incomplete: Customer Contact Email Address 'bob@' is not a plausible"
                        + " email (name@domain.tld)");
        assertThat(messages(judge(accepted().set("Customer Contact First Name", "")))).containsExactly(
                "The customer's primary contact is incomplete: Customer Contact First Name is missing");
        assertThat(messages(judge(accepted().set("Customer Contact Phone number", "12")))).containsExactly(
                "The customer's primary contact is incomplete: Customer Contact Phone number '12' is not a plausible"
                        + " phone (7 to 15 digits; only digits, spaces, - . ( ) and a leading +)");
    }

    @Test
    void aTeamMemberSaysWhichMemberAndWhichPart() {
        CaseDeal r = accepted().set("Team member 2", "Sam, Lee, , sam.lee@partner.example");
        assertThat(messages(judge(r))).containsExactly("Team member 2 is incomplete: the phone is missing");
        CaseDeal two = accepted().set("Team member 2", ", Lee, 12, sam@");
        assertThat(messages(judge(two))).containsExactly("Team member 2 is incomplete: the first name is missing;"
                + " the phone '12' is not plausible (7 to 15 digits; only digits, spaces, - . ( ) and a leading +);"
                + " the email 'sam@' is not plausible (name@domain.tld)");
    }

    @Test
    void aValueSaysTheFormExpected() {
        assertThat(messages(judge(accepted().set("Estimated Deal Value", "48,500.00")))).containsExactly(
                "Estimated Deal Value does not hold a valid value ('48,500.00': a number above zero expected,"
                        + " digits with a dot as decimal separator, e.g. 48500.00)");
        assertThat(messages(judge(accepted().set("Estimated Close Date", "30.09.2026")))).containsExactly(
                "Estimated Close Date does not hold a valid value ('30.09.2026': a date expected,"
                        + " yyyy-mm-dd or M/D/YYYY, e.g. 2026-06-30)");
    }

    @Test
    void aFileReadThroughAProfileGetsItsOwnColumnNamesAndForms() {
        SourceProfile fr = SourceProfiles.read(Path.of("routes/profiles/crm-fr.properties"));
        List<String> header = List.of("N° d'affaire", "Remarques", "Date de clôture estimée", "Montant estimé",
                "E-mail du contact", "Membre de l'équipe 1", "Membre de l'équipe 2", "Date LOE signée",
                "Date collecte des données");
        Wording w = Wording.of(header, fr::mapColumn, fr.datePattern(), fr.decimalSeparator());
        CaseDeal r = accepted().set("Notes", "").set("Estimated Close Date", "2026-13-45")
                .set("Estimated Deal Value", "-5").set("Customer Contact Email Address", "bob@")
                .set("Team member 2", "Sam, Lee, , sam.lee@partner.example")
                .set("Stage Collect Data Date", "2026-03-01").set("Sales Stage", "40");
        FileContext ctx = new FileContext(AS_OF, PARTNER, Map.of()).wording(w);
        Decision d = new ChunkDecider(RuleFixtures.book()).decide(List.of(r.toRecord(2)), io.dealsync.sync.StoredDeals.NONE, ctx).get(0);
        assertThat(messages(d)).containsExactlyInAnyOrder(
                "Remarques is required but is empty",
                "Date de clôture estimée does not hold a valid value ('2026-13-45': a date expected, dd/MM/yyyy, e.g. 30/06/2026)",
                "Montant estimé does not hold a valid value ('-5': a number above zero expected,"
                        + " digits with a comma as decimal separator, e.g. 48500,00)",
                "The customer's primary contact is incomplete: E-mail du contact 'bob@' is not a plausible email (name@domain.tld)",
                "Membre de l'équipe 2 is incomplete: the phone is missing",
                "Sales stages are marked in order, with dates that never go backwards: Date collecte des données is"
                        + " marked while Date LOE signée is empty");
        // reports count by the template's column, whatever the source
        assertThat(d.violations()).extracting(Violation::field).contains("Notes", "Team member 2");
    }

    @Test
    void analystOwnedNumbersComeFromTheSettings() {
        ReferenceData ref = RuleFixtures.book().reference();
        assertThat(Judge.violation(ref, "WON_TOO_SOON", "Created Date", "").message())
                .isEqualTo("The deal was won less than " + ref.wonTooSoonHours() + " hours after it was created:"
                        + " deal registration may be refused");
        assertThat(Judge.violation(ref, "DEAL_EXPIRED", "Partner Referral Substatus", "").message())
                .contains("within " + ref.expiryWindowDays() + " days");
    }

    @Test
    void theReportShowsACodesMeaningWithItsSlotsNamed() {
        ReasonCode rc = RuleFixtures.book().reference().reasonCodes().get("REQUIRED_FIELD");
        assertThat(rc.meaning()).isEqualTo("‹column› is required but is empty");
        assertThat(RuleFixtures.book().reference().reasonCodes().values()).extracting(ReasonCode::meaning)
                .noneMatch(m -> m.contains("{") || m.contains("A field"));
    }
}
