package io.dealsync.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The four middle stages as their date columns mark them (docs/domain.md R40-R43). */
class StageMarksTest {
    private static Deal marks(String loe, String collect, String prepare, String present) {
        return new Deal().set(Field.STAGE_SECURE_LOE, loe).set(Field.STAGE_COLLECT_DATA, collect)
                .set(Field.STAGE_PREPARE_REPORT, prepare).set(Field.STAGE_PRESENT, present);
    }

    @Test
    void countsTheMarkedStagesAndTheHighest() {
        Deal d = marks("2026-05-01", "2026-05-02", "", "");
        assertThat(StageMarks.markedCount(d)).isEqualTo(2);
        assertThat(StageMarks.highestMarked(d)).isEqualTo(40);
        assertThat(StageMarks.highestMarked(marks("", "", "", ""))).isZero();
        assertThat(StageMarks.unmarkedColumns(d)).containsExactly("Stage Prepare Report Date", "Stage Present Date");
    }

    @Test
    void aMarkAfterAGapIsOutOfOrderOncePerGap() {
        Deal d = marks("", "2026-05-02", "2026-05-03", "");
        assertThat(StageMarks.outOfOrder(d)).isTrue();
        assertThat(StageMarks.orderProblems(d))
                .containsExactly(java.util.Map.entry("Stage Collect Data Date", "is marked while {column:Stage Secure LOE Date} is empty"));
    }

    @Test
    void aMarkDatedBeforeAnEarlierStageIsOutOfOrder() {
        Deal d = marks("2026-05-05", "2026-05-01", "", "");
        assertThat(StageMarks.outOfOrder(d)).isTrue();
        assertThat(StageMarks.orderProblems(d)).containsExactly(java.util.Map.entry("Stage Collect Data Date",
                "(2026-05-01) is before {column:Stage Secure LOE Date} (2026-05-05)"));
        assertThat(StageMarks.outOfOrder(marks("2026-05-01", "2026-05-01", "2026-05-09", ""))).isFalse();
    }

    @Test
    void aStoredMarkUnmarkedOrRedatedIsARegression() {
        Deal stored = marks("2026-05-01", "2026-05-02", "", "");
        Deal now = marks("2026-05-01", "", "2026-05-03", "");
        assertThat(StageMarks.regressed(now, stored)).isTrue();
        assertThat(StageMarks.regressions(now, stored))
                .containsExactly(java.util.Map.entry("Stage Collect Data Date", "was marked on 2026-05-02, now empty"));
        assertThat(StageMarks.regressed(now, null)).isFalse();
        assertThat(StageMarks.regressed(marks("2026-05-01", "2026-05-02", "2026-05-03", ""), stored)).isFalse();
    }
}
