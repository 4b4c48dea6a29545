package io.dealsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeenKeysTest {
    @Test
    void aKeyIsRememberedWithTheLineThatFirstCarriedIt() {
        SeenKeys seen = new SeenKeys();
        assertThat(seen.firstLineOrAdd("C:p\u0000crm-1", 2)).isZero();
        assertThat(seen.firstLineOrAdd("C:p\u0000crm-1", 9)).isEqualTo(2);
        assertThat(seen.firstLine("C:p\u0000crm-1")).isEqualTo(2);
    }

    @Test
    void askingDoesNotRemember() {
        SeenKeys seen = new SeenKeys();
        assertThat(seen.firstLine("R:123")).isZero();
        assertThat(seen.firstLineOrAdd("R:123", 5)).isZero();
    }

    @Test
    void everyKeySurvivesTheTableGrowing() {
        SeenKeys seen = new SeenKeys();
        for (int i = 1; i <= 20_000; i++) {
            assertThat(seen.firstLineOrAdd("D:" + i, i)).isZero();
        }
        for (int i = 1; i <= 20_000; i++) {
            assertThat(seen.firstLine("D:" + i)).isEqualTo(i);
        }
        assertThat(seen.size()).isEqualTo(20_000);
    }
}
