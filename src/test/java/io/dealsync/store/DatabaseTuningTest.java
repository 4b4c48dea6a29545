package io.dealsync.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DatabaseTuningTest {
    @Test
    void postgresSendsBatchedInsertsAsMultiRowInserts() {
        assertThat(Database.tuned("jdbc:postgresql://127.0.0.1:5432/test"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/test?reWriteBatchedInserts=true");
        assertThat(Database.tuned("jdbc:postgresql://h/db?sslmode=disable"))
                .isEqualTo("jdbc:postgresql://h/db?sslmode=disable&reWriteBatchedInserts=true");
    }

    @Test
    void anOperatorsOwnChoiceWins() {
        assertThat(Database.tuned("jdbc:postgresql://h/db?reWriteBatchedInserts=false"))
                .isEqualTo("jdbc:postgresql://h/db?reWriteBatchedInserts=false");
        assertThat(Database.tuned("jdbc:hsqldb:file:x;hsqldb.cache_rows=5")).contains("hsqldb.cache_rows=5")
                .doesNotContain("cache_rows=20000").contains("hsqldb.log_data=false");
    }

    @Test
    void otherDatabasesAreLeftAsGiven() {
        assertThat(Database.tuned("jdbc:hsqldb:mem:x")).isEqualTo("jdbc:hsqldb:mem:x");
    }
}
