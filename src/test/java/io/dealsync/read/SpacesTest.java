package io.dealsync.read;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpacesTest {

    @Test
    void stripDropsEveryKindOfSurroundingSpace() {
        assertThat(Spaces.strip("\u00a0 a\u00a0b \u202f\u2009\t")).isEqualTo("a\u00a0b");
        assertThat(Spaces.strip(null)).isEmpty();
        assertThat(Spaces.strip("\u00a0")).isEmpty();
    }

    @Test
    void toPlainTurnsTheCousinsIntoPlainSpacesAndKeepsAStringWithoutThem() {
        String plain = "Deal Name";

        assertThat(Spaces.toPlain("Deal\u00a0Name\u202f")).isEqualTo("Deal Name ");
        assertThat(Spaces.toPlain(plain)).isSameAs(plain);
    }
}
