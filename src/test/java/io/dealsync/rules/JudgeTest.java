package io.dealsync.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealsync.model.Deal;
import io.dealsync.model.Field;
import io.dealsync.model.Violation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One rules session over a chunk: each deal's violations, once, in the words of the reviewer's file. */
class JudgeTest {
    /** An accepted deal without Notes, judged for the first time. */
    private static Deal withoutNotes() {
        Deal d = RuleFixtures.accepted().set("Notes", "").toDeal();
        d.context().asOf(RuleFixtures.AS_OF).solutionAssessment(true);
        return d;
    }

    @Test
    void eachDealGetsItsOwnViolationsInChunkOrder() {
        // given
        Deal clean = RuleFixtures.accepted().toDeal();
        clean.context().asOf(RuleFixtures.AS_OF).solutionAssessment(true);
        // when
        List<List<Violation>> out = Judge.judge(RuleFixtures.book(), List.of(withoutNotes(), clean), Map.of(),
                Wording.CANONICAL);
        // then
        assertThat(out).hasSize(2);
        assertThat(out.get(0)).extracting(Violation::code, Violation::field).contains(
                org.assertj.core.groups.Tuple.tuple("REQUIRED_FIELD", "Notes"));
        assertThat(out.get(1)).isEmpty();
    }

    @Test
    void twoRulesSayingTheSameThingAreReportedOnce() {
        List<Violation> v = Judge.judge(RuleFixtures.book(), List.of(withoutNotes()), Map.of(), Wording.CANONICAL).get(0);
        assertThat(v.stream().filter(x -> x.code().equals("REQUIRED_FIELD") && x.field().equals("Notes"))).hasSize(1);
    }

    @Test
    void theMessagesNameTheColumnAsTheReviewersFileDoes() {
        Wording french = Wording.of(List.of("Remarques"), h -> h.equals("Remarques") ? "Notes" : null, null, '.');
        List<Violation> v = Judge.judge(RuleFixtures.book(), List.of(withoutNotes()), Map.of(), french).get(0);
        Violation notes = v.stream().filter(x -> x.field().equals("Notes")).findFirst().orElseThrow();
        assertThat(notes.message()).startsWith("Remarques");
    }

    @Test
    void theReportedStageIsReadFromTheSalesStageTextBeforeTheRulesFire() {
        Deal named = withoutNotes().set(Field.SALES_STAGE, "Qualify");
        Deal percent = withoutNotes().set(Field.SALES_STAGE, "40 %");
        Judge.judge(RuleFixtures.book(), List.of(named, percent), Map.of("qualify", 20), Wording.CANONICAL);
        assertThat(named.getReportedStage()).isEqualTo(20);
        assertThat(percent.getReportedStage()).isEqualTo(40);
        assertThat(percent.isStageNameUnknown()).isFalse();
    }
}
