package io.dealsync.rules;

import io.dealsync.rulecases.CaseDeal;
import static io.dealsync.rules.RuleFixtures.accepted;
import static io.dealsync.rules.RuleFixtures.codes;
import static io.dealsync.rules.RuleFixtures.judge;
import static io.dealsync.rules.RuleFixtures.marked;
import static io.dealsync.rules.RuleFixtures.won;
import static org.assertj.core.api.Assertions.assertThat;

import io.dealsync.sync.Decision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** R40-R44, and R2 for the Sales Stage (rules/stages.drl). */
class StageRulesTest {

    @Test
    void r40AStageIsMarkedOnlyAfterTheEarlierOnes() {
        Decision gap = judge(accepted().set("Stage Collect Data Date", "2026-03-01").set("Sales Stage", "40"));
        assertThat(codes(gap)).containsExactly("STAGE_OUT_OF_ORDER(Stage Collect Data Date)");
        assertThat(gap.violations().get(0).message()).isEqualTo("Sales stages are marked in order, with dates that never"
                + " go backwards: Stage Collect Data Date is marked while Stage Secure LOE Date is empty");
        assertThat(codes(judge(marked(accepted(), 4).set("Stage Collect Data Date", "").set("Sales Stage", "80"))))
                .containsExactly("STAGE_OUT_OF_ORDER(Stage Prepare Report Date)");
    }

    @Test
    void r40MarkingDatesNeverGoBackwardsButMayBeTheSameDay() {
        CaseDeal backwards = marked(accepted(), 2).set("Stage Collect Data Date", "2026-01-31");
        assertThat(codes(judge(backwards))).containsExactly("STAGE_OUT_OF_ORDER(Stage Collect Data Date)");
        assertThat(judge(backwards).violations().get(0).message())
                .endsWith("Stage Collect Data Date (2026-01-31) is before Stage Secure LOE Date (2026-02-01)");
        CaseDeal sameDay = marked(accepted(), 2).set("Stage Collect Data Date", "2026-02-01");
        assertThat(codes(judge(sameDay))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3})
    void r41WonNeedsAllFourStages(int marks) {
        CaseDeal r = marked(won(), marks).set("Sales Stage", "100");
        // one finding per stage date left empty, naming it
        java.util.List<String> empty = java.util.List.of("Stage Secure LOE Date", "Stage Collect Data Date",
                "Stage Prepare Report Date", "Stage Present Date").subList(marks, 4);
        assertThat(codes(judge(r))).containsExactlyInAnyOrderElementsOf(
                empty.stream().map(c -> "WON_REQUIRES_ALL_STAGES(" + c + ")").toList());
        assertThat(judge(r).violations()).extracting(io.dealsync.model.Violation::message).contains(
                "A deal is Won only when all four assessment stages are marked: " + empty.get(0) + " is empty");
    }

    @Test
    void r41WonWithAllFourStagesIsFine() {
        assertThat(codes(judge(won()))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"0,10", "0,Created", "0,accepted", "1,20", "1,Qualified", "2,40", "2,COLLECT DATA", "2,developed",
            "3,60", "3,Prepare assessment report", "4,80", "4,80%", "4,Present to customer", "4,Negotiated", "2,''"})
    void r42AReportedStageThatAgreesWithTheMarks(int marks, String reported) {
        assertThat(codes(judge(marked(accepted(), marks).set("Sales Stage", reported)))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"0,20", "1,40", "2,Proposed", "2,secure customer loe", "3,80", "4,100", "4,Won"})
    void r42AReportedStageThatDisagreesWithTheMarks(int marks, String reported) {
        Decision d = judge(marked(accepted(), marks).set("Sales Stage", reported));
        assertThat(codes(d)).containsExactly("STAGE_MISMATCH(Sales Stage)");
    }

    @Test
    void r42OneHundredOnlyWithWonAndAWonDealReportsOneHundred() {
        assertThat(codes(judge(won().set("Sales Stage", "100")))).isEmpty();
        assertThat(codes(judge(won().set("Sales Stage", "80")))).containsExactly("STAGE_MISMATCH(Sales Stage)");
        assertThat(judge(won().set("Sales Stage", "80")).violations().get(0).message())
                .endsWith("(reported 80, the stages give 100)");
    }

    @Test
    void r43AMarkedStageCannotBeUnmarkedOrRedated() {
        CaseDeal stored = marked(accepted(), 2);
        // the unmarked stage, and the sales stage it takes down (each names its column)
        assertThat(codes(judge(marked(accepted(), 1), stored)))
                .containsExactly("STAGE_REGRESSION(Sales Stage)", "STAGE_REGRESSION(Stage Collect Data Date)");
        Decision redated = judge(marked(accepted(), 2).set("Stage Secure LOE Date", "2026-02-02"), stored);
        assertThat(codes(redated)).containsExactly("STAGE_REGRESSION(Stage Secure LOE Date)");
        assertThat(redated.violations().get(0).message()).endsWith(": Stage Secure LOE Date was marked on 2026-02-01, now 2026-02-02");
    }

    @Test
    void r43TheSalesStageNeverGoesDown() {
        CaseDeal stored = won();
        Decision d = judge(won().set("Partner Referral Status", "Closed").set("Partner Referral Substatus", "Lost")
                .set("Declined/Lost/Error reason", "1").set("Sales Stage", "80"), stored);
        assertThat(codes(d)).contains("STAGE_REGRESSION(Sales Stage)", "CLOSED_DEAL_MODIFIED");
    }

    @Test
    void r43MarkingTheNextStageIsProgress() {
        CaseDeal stored = marked(accepted(), 2);
        assertThat(codes(judge(marked(accepted(), 3), stored))).isEmpty();
    }

    @Test
    void r44AStageNameWithoutMapping() {
        Decision d = judge(accepted().set("Sales Stage", "Discovery"));
        assertThat(codes(d)).containsExactly("UNKNOWN_STAGE(Sales Stage)");
        assertThat(d.violations().get(0).message()).contains("'Discovery'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"50", "0", "30%", "110"})
    void r2ASalesStageNumberThatIsNoStagePercentage(String reported) {
        assertThat(codes(judge(accepted().set("Sales Stage", reported)))).containsExactly("INVALID_VALUE(Sales Stage)");
    }
}
