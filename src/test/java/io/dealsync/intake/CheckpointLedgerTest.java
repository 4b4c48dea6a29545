package io.dealsync.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealsync.report.FileLedger;
import io.dealsync.store.FileCounts;
import org.junit.jupiter.api.Test;

/** A resumed file's counts go on from those its last checkpoint saved. */
class CheckpointLedgerTest {
    @Test
    void theCountsACheckpointSavedAreAddedBackToTheResumedFile() {
        // given: the ledger of a file as a checkpoint saved it
        FileLedger saved = new FileLedger("a.csv", "crm");
        saved.setRead(7);
        saved.setCreated(4);
        saved.setUpdated(1);
        saved.setRejected(2);
        saved.setWarnings(1);
        saved.countRejectCode("MISSING_REQUIRED_FIELD");
        saved.countRejectField("Notes");
        saved.countWarningCode("CLOSE_DATE_PAST");
        String json = CheckpointLedger.toJson(saved);

        // when: the run that resumes the file reads it back
        FileLedger resumed = new FileLedger("a.csv", "crm");
        CheckpointLedger.restore(resumed, json);

        // then
        assertThat(LedgerCounts.of(resumed)).isEqualTo(new FileCounts(7, 4, 1, 0, 2, 0, 1, 0));
        assertThat(resumed.getRejectsByCode()).containsExactlyEntriesOf(saved.getRejectsByCode());
        assertThat(resumed.getRejectsByField()).containsExactlyEntriesOf(saved.getRejectsByField());
        assertThat(resumed.getWarningsByCode()).containsExactlyEntriesOf(saved.getWarningsByCode());
    }

    @Test
    void noSavedLedgerLeavesTheCountsAtZero() {
        FileLedger fresh = new FileLedger("a.csv", "");
        CheckpointLedger.restore(fresh, null);
        CheckpointLedger.restore(fresh, "");
        assertThat(LedgerCounts.of(fresh)).isEqualTo(new FileCounts(0, 0, 0, 0, 0, 0, 0, 0));
    }
}
