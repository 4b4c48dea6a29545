package io.dealsync.rules;

import io.dealsync.rulecases.CaseDeal;
import static io.dealsync.rules.RuleFixtures.AS_OF;
import static io.dealsync.rules.RuleFixtures.accepted;
import static io.dealsync.rules.RuleFixtures.codes;
import static io.dealsync.rules.RuleFixtures.judge;
import static io.dealsync.rules.RuleFixtures.marked;
import static io.dealsync.rules.RuleFixtures.won;
import static org.assertj.core.api.Assertions.assertThat;

import io.dealsync.sync.Decision;
import io.dealsync.sync.Decision.Outcome;
import org.junit.jupiter.api.Test;

/** R60-R61 (rules/warnings.drl): reported, and the deal still stored. */
class WarningRulesTest {

    @Test
    void r60ACloseDateBeforeTheAsOfDateOnAnActiveDealWarns() {
        Decision d = judge(accepted().set("Estimated Close Date", AS_OF.minusDays(1).toString()));
        assertThat(codes(d)).containsExactly("CLOSE_DATE_PAST(Estimated Close Date)");
        assertThat(d.outcome()).isEqualTo(Outcome.CREATE);
        assertThat(d.hasWarnings()).isTrue();
        assertThat(d.errors()).isEmpty();
    }

    @Test
    void r60ACloseDateOnTheAsOfDateDoesNotWarn() {
        assertThat(codes(judge(accepted().set("Estimated Close Date", AS_OF.toString())))).isEmpty();
    }

    @Test
    void r60OnlyActiveDealsWarn() {
        assertThat(codes(judge(won().set("Estimated Close Date", AS_OF.minusDays(30).toString())))).isEmpty();
    }

    @Test
    void r61WonLessThan72HoursAfterCreationWarns() {
        Decision d = judge(won().set("Created Date", AS_OF.minusDays(2).toString()));
        assertThat(codes(d)).containsExactly("WON_TOO_SOON(Created Date)");
        assertThat(d.outcome()).isEqualTo(Outcome.CREATE);
    }

    @Test
    void r61WonExactly72HoursAfterCreationDoesNotWarn() {
        assertThat(codes(judge(won().set("Created Date", AS_OF.minusDays(3).toString())))).isEmpty();
    }

    @Test
    void r61WithoutCreatedDateTheDayTheEngineStoredItCounts() {
        assertThat(codes(judge(won().set("Created Date", "")))).containsExactly("WON_TOO_SOON(Created Date)");
        CaseDeal stored = marked(accepted(), 4).set("Created Date", "").set("Stored On", AS_OF.minusDays(3).toString());
        Decision later = judge(won().set("Created Date", ""), stored);
        assertThat(codes(later)).isEmpty();
        assertThat(later.outcome()).isEqualTo(Outcome.UPDATE);
    }

    @Test
    void r61AStoredWonDealIsNotWarnedAgain() {
        CaseDeal stored = won().set("Created Date", AS_OF.minusDays(1).toString());
        assertThat(codes(judge(stored.copy(), stored))).isEmpty();
    }
}
