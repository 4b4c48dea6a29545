package io.dealsync.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dealsync.model.Field;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeaderColumnsTest {
    private static final SourceProfile CANONICAL = SourceProfile.canonical();

    @Test
    void canonicalHeadersMatchWhateverTheirCaseAndSpaces() throws Exception {
        HeaderColumns c = HeaderColumns.match(List.of("crm  id", "DEAL\u00a0NAME", "Notes"), "f.csv", CANONICAL);

        assertThat(c.width()).isEqualTo(3);
        assertThat(c.fieldOf(0)).isEqualTo(Field.CRM_ID);
        assertThat(c.fieldOf(1)).isEqualTo(Field.DEAL_NAME);
        assertThat(c.fieldOf(2)).isEqualTo(Field.NOTES);
        assertThat(c.presentColumns()).containsExactly("CRM ID", "Deal Name", "Notes");
        assertThat(c.unknownColumns()).isEmpty();
    }

    @Test
    void rejectFileColumnsAreLeftOutAndTheRawRowGoesToTheFirstDataColumn() throws Exception {
        HeaderColumns c = HeaderColumns.match(List.of("Errors", "Reason Codes", "Line", "CRM ID"), "r.csv", CANONICAL);

        assertThat(c.fieldOf(0)).isNull();
        assertThat(c.fieldOf(3)).isEqualTo(Field.CRM_ID);
        assertThat(c.unknownColumns()).isEmpty();
        assertThat(c.firstDataColumn()).isEqualTo(3);
    }

    @Test
    void unknownAndTwiceGivenColumnsAreListedAndTheFirstOfTwoWins() throws Exception {
        HeaderColumns c = HeaderColumns.match(List.of("CRM ID", " Mystery ", "crm id"), "d.csv", CANONICAL);

        assertThat(c.fieldOf(0)).isEqualTo(Field.CRM_ID);
        assertThat(c.fieldOf(2)).isNull();
        assertThat(c.duplicateColumns()).containsExactly("crm id (column 3, same as column 1, ignored)");
        assertThat(c.unknownColumns()).containsExactly("Mystery", "crm id (column 3, same as column 1, ignored)");
    }

    @Test
    void listColumnsAreTakenInTheirNumbersOrder() throws Exception {
        HeaderColumns c = HeaderColumns.match(List.of("Solution 2", "Team member 1", "Solution 1"), "l.csv", CANONICAL);

        assertThat(c.solutionColumns()).containsExactly(2, 0);
        assertThat(c.teamColumns()).containsExactly(1);
        assertThat(c.presentColumns()).containsExactly(SourceRecord.SOLUTIONS, SourceRecord.TEAM);
    }

    @Test
    void aProfileMapsItsOwnNamesAndIgnoresWhatItMapsToNothing() throws Exception {
        SourceProfile fr = SourceProfile.of("fr", "fr.properties",
                Map.of("column.Nom", "Deal Name", "column.Commercial", ""));

        HeaderColumns c = HeaderColumns.match(List.of("Nom", "Commercial", "CRM ID"), "fr.csv", fr);

        assertThat(c.fieldOf(0)).isEqualTo(Field.DEAL_NAME);
        assertThat(c.fieldOf(1)).isNull();
        assertThat(c.unknownColumns()).isEmpty();
    }

    @Test
    void anEmptyFileHasNoColumns() throws Exception {
        HeaderColumns c = HeaderColumns.match(List.of(), "empty.csv", CANONICAL);

        assertThat(c.width()).isZero();
        assertThat(c.header()).isEmpty();
        assertThat(c.firstDataColumn()).isZero();
    }

    @Test
    void aRowThatIsNotAHeaderMakesTheFileUnreadable() {
        SourceProfile p = SourceProfile.of("crm", "crm.properties", Map.of());

        assertThatThrownBy(() -> HeaderColumns.match(List.of(" ", ""), "a.csv", CANONICAL))
                .hasMessage("The first line of a.csv is not a header: all its cells are empty");
        assertThatThrownBy(() -> HeaderColumns.match(List.of("CRM ID", "x\u0001"), "b.csv", CANONICAL))
                .hasMessage("The first line of b.csv is not a header: it holds control characters (binary data?)");
        assertThatThrownBy(() -> HeaderColumns.match(List.of("1", "2"), "c.csv", CANONICAL))
                .hasMessage("The first line of c.csv is not a header: none of its 2 cells names a known column");
        assertThatThrownBy(() -> HeaderColumns.match(List.of("1"), "d.csv", p))
                .hasMessage("The first line of d.csv is not a header: none of its 1 cells names a known column"
                        + " of profile 'crm'");
    }

    @Test
    void canonicalHeadersAreFieldsAndNumberedListColumns() {
        assertThat(HeaderColumns.isCanonicalHeader("Deal\u00a0Name")).isTrue();
        assertThat(HeaderColumns.isCanonicalHeader("Solution 3")).isTrue();
        assertThat(HeaderColumns.isCanonicalHeader("team member 2")).isTrue();
        assertThat(HeaderColumns.isCanonicalHeader("Solution")).isFalse();
        assertThat(HeaderColumns.isCanonicalHeader("Nope")).isFalse();
    }
}
