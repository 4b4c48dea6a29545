package io.dealsync.rulecases;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealsync.model.Severity;
import io.dealsync.model.Violation;
import io.dealsync.rulecases.RuleCase.Expected;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a case's expect: line matches what came: every expected item found, every finding expected. */
class CaseVerdictTest {
    private static Violation v(String code, String field) {
        return new Violation(code, field, code, Severity.ERROR, "");
    }

    @Test
    void aBareCodeStandsForEveryFindingOfThatCode() {
        List<Violation> got = List.of(v("REQUIRED_FIELD", "Notes"), v("REQUIRED_FIELD", "Currency"));
        assertThat(CaseVerdict.matches(List.of(new Expected("REQUIRED_FIELD", null)), got)).isTrue();
    }

    @Test
    void aCodeWithAColumnIsOneFindingAndTheRestMustBeExpectedToo() {
        List<Violation> got = List.of(v("REQUIRED_FIELD", "Notes"), v("REQUIRED_FIELD", "Currency"));
        assertThat(CaseVerdict.matches(List.of(new Expected("REQUIRED_FIELD", "Notes")), got)).isFalse();
        assertThat(CaseVerdict.matches(List.of(new Expected("REQUIRED_FIELD", "notes"),
                new Expected("REQUIRED_FIELD", "Currency")), got)).isTrue();
    }

    @Test
    void aColumnMatchesByAnyOfItsNames() {
        List<Violation> got = List.of(v("IMMUTABLE_FIELD", "PartnerID (formerly MPN ID)"));
        assertThat(CaseVerdict.matches(List.of(new Expected("IMMUTABLE_FIELD", "PartnerID")), got)).isTrue();
    }

    @Test
    void anExpectedCodeThatDidNotComeFails() {
        assertThat(CaseVerdict.matches(List.of(new Expected("DEAL_EXPIRED", null)), List.of())).isFalse();
        assertThat(CaseVerdict.matches(List.of(), List.of())).isTrue();
    }
}
