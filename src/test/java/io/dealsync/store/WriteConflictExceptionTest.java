package io.dealsync.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Issue 9: a batch colliding with another writer's rows is a write conflict, not "the database is unreachable". */
class WriteConflictExceptionTest {
    static final String PG_DUPLICATE = "Batch entry 0 INSERT INTO deal (crm_id, contact_email) VALUES (('CRM-1'),"
            + " ('alex1@customer.example')) was aborted: ERROR: duplicate key value violates unique constraint"
            + " \"deal_by_crm\"  Detail: Key (crm_id, partner_id)=(CRM-1, 4000000) already exists.";

    @Test
    void aDuplicateKeyAfterTheRetriesSaysAnotherWriterStoredTheRowsFirst() {
        BatchUpdateException batch = new BatchUpdateException(PG_DUPLICATE, "23505", 0, new int[0]);
        batch.setNextException(new SQLException("ERROR: duplicate key value", "23505"));
        StoreException e = new StoreException("Writing a batch of f.csv failed", batch);

        RuntimeException r = WriteConflictException.afterRetries("f.csv", 501, 750, 5, e);

        assertThat(r).isInstanceOf(WriteConflictException.class);
        assertThat(r.getMessage()).contains("lines 501-750 of f.csv", "another instance", "deal_by_crm")
                .doesNotContain("unreachable", "alex1@customer.example");
        assertThat(WriteConflictException.describe(e)).isEqualTo("duplicate key, constraint deal_by_crm");
    }

    @Test
    void aLostConnectionIsStillTheDatabaseBeingUnavailable() {
        StoreException e = new StoreException("Writing a batch of f.csv failed",
                new SQLException("An I/O error occurred while sending to the backend.", "08006"));

        RuntimeException r = WriteConflictException.afterRetries("f.csv", 1, 250, 5, e);

        assertThat(r).isInstanceOf(DatabaseUnavailableException.class);
        assertThat(r.getMessage()).contains("failed after 5 attempts", "stays for the next run");
        assertThat(WriteConflictException.describe(e)).isEqualTo(e.getMessage());
    }

    @Test
    void anotherInstanceChangingADealStaysAConcurrentChange() {
        ConcurrentChangeException e = new ConcurrentChangeException("Another instance changed a deal of this batch meanwhile");
        assertThat(WriteConflictException.afterRetries("f.csv", 1, 250, 5, e)).isSameAs(e);
    }
}
