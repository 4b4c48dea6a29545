package io.dealsync.it;

import static io.dealsync.it.DayByDayTest.assertCounts;
import static io.dealsync.it.DayByDayTest.file;
import static io.dealsync.it.Rows.incoming;
import static io.dealsync.it.Rows.outgoing;
import static io.dealsync.it.Rows.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The full export again, on the embedded database (where the CSV reader recognises the rows it holds before
 * splitting them): the rows sent as they were count unchanged and write nothing, the changed one is judged
 * and recorded with its file and line, a second record of a deal in the file is still a duplicate (R9).
 */
class SecondNightTest {
    @TempDir
    Path tmp;

    @Test
    void theExportAgainChangesOnlyWhatChanged() throws Exception {
        Harness h = new Harness(tmp);
        h.write("2026-11-01-crm.csv", new Rows().add(outgoing("CRM-A")).add(outgoing("CRM-B")).add(outgoing("CRM-C")).csv());
        assertThat(h.run("run", "--once", "--as-of", "2026-11-01")).isZero();
        long history = h.count("SELECT COUNT(*) FROM deal_history");

        h.write("2026-11-02-crm.csv", new Rows().add(outgoing("CRM-A"))
                .add(with(outgoing("CRM-B"), "Notes", "Workshop moved to December"))
                .add(outgoing("CRM-C")).add(outgoing("CRM-A")).csv());
        assertThat(h.run("run", "--once", "--as-of", "2026-11-02")).isZero();

        JsonNode f = file(h.latestReport(), "2026-11-02-crm.csv");
        assertCounts(f, 4, 0, 1, 2, 1);
        assertThat(f.get("rejectsByCode").get("DUPLICATE_IN_FILE").asLong()).isEqualTo(1);
        assertThat(h.value("SELECT notes FROM deal WHERE crm_id = 'CRM-B'")).isEqualTo("Workshop moved to December");
        assertThat(h.count("SELECT COUNT(*) FROM deal_history")).isEqualTo(history + 1);
        assertThat(h.query("SELECT d.crm_id, h.action, h.file_name, h.line FROM deal_history h JOIN deal d ON d.id = h.deal_id"
                + " WHERE h.file_name = '2026-11-02-crm.csv'")).containsExactly(
                List.of("CRM-B", "updated", "2026-11-02-crm.csv", "3"));

        // the third night sends the second night's file as it was, under another name: nothing changes
        h.write("2026-11-03-crm.csv", new Rows().add(outgoing("CRM-A"))
                .add(with(outgoing("CRM-B"), "Notes", "Workshop moved to December")).add(outgoing("CRM-C")).csv());
        assertThat(h.run("run", "--once", "--as-of", "2026-11-03")).isZero();
        assertCounts(file(h.latestReport(), "2026-11-03-crm.csv"), 3, 0, 0, 3, 0);
        assertThat(h.count("SELECT COUNT(*) FROM deal_history")).isEqualTo(history + 1);
    }

    /**
     * A deal awaiting an answer, sent again as it was, end to end: unchanged through the last day of its window,
     * expired by the file on the day it is due (that it is recognised unjudged meanwhile, with no stored deal read,
     * is UnchangedRecordsTest's).
     */
    @Test
    void aDealAwaitingAnAnswerIsUnchangedUntilItsWindowEnds() throws Exception {
        Harness h = new Harness(tmp);
        Rows export = new Rows().add(incoming("R-1", "CRM-IN", "2026-11-01")).add(outgoing("CRM-A"));
        h.write("2026-11-01-crm.csv", export.csv());
        assertThat(h.run("run", "--once", "--as-of", "2026-11-01")).isZero();
        // each night one deal more, so no file is a repeat of another
        h.write("2026-11-15-crm.csv", export.add(outgoing("CRM-B")).csv());
        assertThat(h.run("run", "--once", "--as-of", "2026-11-15")).isZero();
        assertCounts(file(h.latestReport(), "2026-11-15-crm.csv"), 3, 1, 0, 2, 0);
        h.write("2026-11-16-crm.csv", export.add(outgoing("CRM-C")).csv());
        assertThat(h.run("run", "--once", "--as-of", "2026-11-16")).isZero();
        JsonNode due = file(h.latestReport(), "2026-11-16-crm.csv");
        assertThat(due.get("expired").asLong()).isEqualTo(1);
        assertThat(h.value("SELECT substatus FROM deal WHERE crm_id = 'CRM-IN'")).isEqualTo("Expired");
    }

    /**
     * The sweep forgets the print of every deal it expires: a file run afterwards with an earlier as-of date (a
     * night replayed) judges the record against the expired deal instead of recognising the Received one.
     */
    @Test
    void aDealTheSweepExpiredIsJudgedAgain() throws Exception {
        Harness h = new Harness(tmp);
        String export = new Rows().add(incoming("R-1", "CRM-IN", "2026-11-01")).csv();
        h.write("2026-11-01-crm.csv", export);
        assertThat(h.run("run", "--once", "--as-of", "2026-11-01")).isZero();
        assertThat(h.run("expire", "--as-of", "2026-11-20")).isZero();
        assertThat(h.value("SELECT substatus FROM deal WHERE crm_id = 'CRM-IN'")).isEqualTo("Expired");
        h.write("2026-11-02-crm.csv", new Rows().add(incoming("R-1", "CRM-IN", "2026-11-01")).add(outgoing("CRM-A")).csv());
        assertThat(h.run("run", "--once", "--as-of", "2026-11-02")).isZero();
        JsonNode replayed = file(h.latestReport(), "2026-11-02-crm.csv");
        assertThat(replayed.get("unchanged").asLong()).as("%s", replayed).isZero();
        assertThat(h.value("SELECT substatus FROM deal WHERE crm_id = 'CRM-IN'")).isEqualTo("Expired");
    }
}
