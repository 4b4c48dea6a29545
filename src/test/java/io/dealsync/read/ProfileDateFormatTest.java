package io.dealsync.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ProfileDateFormatTest {

    @Test
    void thePatternIsRewrittenOutsideQuotedTextOnly() {
        assertThat(ProfileDateFormat.javaPattern("dd/MM/yyyy", false)).isEqualTo("dd/MM/uuuu");
        assertThat(ProfileDateFormat.javaPattern("dd/MM/yyyy", true)).isEqualTo("d/M/uuuu");
        assertThat(ProfileDateFormat.javaPattern("'day' dd 'of' MMM yyyy", true)).isEqualTo("'day' d 'of' MMM uuuu");
        assertThat(ProfileDateFormat.javaPattern("ddd MMMM", true)).isEqualTo("ddd MMMM");
    }

    @Test
    void readsThePatternWithOrWithoutPaddingAndWithATrailingTime() {
        ProfileDateFormat f = ProfileDateFormat.of("dd/MM/yyyy");

        assertThat(f.pattern()).isEqualTo("dd/MM/yyyy");
        assertThat(f.parse("05/11/2030")).isEqualTo(LocalDate.of(2030, 11, 5));
        assertThat(f.parse("5/1/2030")).isEqualTo(LocalDate.of(2030, 1, 5));
        assertThat(f.parse("05/11/2030 14:30")).isEqualTo(LocalDate.of(2030, 11, 5));
    }

    @Test
    void isoIsAlwaysUnderstoodAndImpossibleDatesNever() {
        ProfileDateFormat f = ProfileDateFormat.of("dd/MM/yyyy");

        assertThat(f.parse("2030-11-05")).isEqualTo(LocalDate.of(2030, 11, 5));
        assertThat(f.parse("31/02/2030")).isNull();
        assertThat(f.parse("2/13/2030")).isNull();
        assertThat(f.parse("soon")).isNull();
    }

    @Test
    void aPatternThatCannotReadAWholeDateIsRefused() {
        assertThatThrownBy(() -> ProfileDateFormat.of("")).hasMessage("empty pattern");
        assertThatThrownBy(() -> ProfileDateFormat.of("qq/bb")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProfileDateFormat.of("MM/yyyy")).isInstanceOf(RuntimeException.class);
    }
}
