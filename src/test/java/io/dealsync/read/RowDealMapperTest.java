package io.dealsync.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealsync.model.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowDealMapperTest {

    private static RowDealMapper mapper(SourceProfile profile, String... header) throws Exception {
        return new RowDealMapper(HeaderColumns.match(List.of(header), "f.csv", profile), profile);
    }

    private static List<String> row(String... cells) {
        return new ArrayList<>(List.of(cells));
    }

    @Test
    void aShortRowHasItsMissingCellsEmpty() throws Exception {
        SourceRecord r = mapper(SourceProfile.canonical(), "CRM ID", "Deal Name", "Notes").record(2, row("c-1"));

        assertThat(r.isMalformed()).isFalse();
        assertThat(r.position()).isEqualTo(2);
        assertThat(r.cells()).containsExactly("c-1", "", "");
        assertThat(r.deal().get(Field.CRM_ID)).isEqualTo("c-1");
        assertThat(r.deal().getLine()).isEqualTo(2);
    }

    @Test
    void aRowWiderThanTheHeaderIsMalformed() throws Exception {
        SourceRecord r = mapper(SourceProfile.canonical(), "CRM ID").record(5, row("c-1", "extra"));

        assertThat(r.malformed()).isEqualTo("The row has 2 cells but the header has 1 columns");
        assertThat(r.cells()).containsExactly("c-1", "extra");
    }

    @Test
    void listColumnsKeepTheirNonBlankCellsInOrder() throws Exception {
        SourceRecord r = mapper(SourceProfile.canonical(), "Solution 2", "Solution 1", "Team member 1")
                .record(2, row("S-2", "S-1", " "));

        assertThat(r.deal().getSolutionIds()).containsExactly("S-1", "S-2");
        assertThat(r.deal().getTeam()).isEmpty();
        assertThat(r.presentColumns()).contains(SourceRecord.SOLUTIONS, SourceRecord.TEAM);
    }

    @Test
    void theProfileConvertsValuesAndFlagsOnesThatWouldPassAsCanonical() throws Exception {
        SourceProfile fr = SourceProfile.of("fr", "fr", Map.of("date.pattern", "dd/MM/yyyy", "decimal.separator", ",",
                "yes.words", "oui"));
        RowDealMapper m = mapper(fr, "Created Date", "Estimated Deal Value", "Consent to share Customer/Partner contact", "Notes");

        SourceRecord good = m.record(2, row("05/11/2030", "12,5", "oui", "05/11/2030"));
        assertThat(good.deal().get(Field.CREATED_DATE)).isEqualTo("2030-11-05");
        assertThat(good.deal().get(Field.ESTIMATED_VALUE)).isEqualTo("12.5");
        assertThat(good.deal().get(Field.CONSENT)).isEqualTo("Yes");
        assertThat(good.deal().get(Field.NOTES)).isEqualTo("05/11/2030"); // text stays text
        assertThat(good.problems()).isEmpty();

        SourceRecord lookAlike = m.record(3, row("2/13/2030", "1.5", "", ""));
        // kept as written, so the canonical reading (M/D/YYYY) would take it for another day: hence the problem
        assertThat(lookAlike.cells().get(0)).isEqualTo("2/13/2030");
        assertThat(lookAlike.problems()).extracting(SourceRecord.ReadProblem::column)
                .containsExactly("Created Date", "Estimated Deal Value");
        assertThat(lookAlike.problems().get(0).message())
                .isEqualTo("Created Date is not a date in this source's form (dd/MM/yyyy)");
        assertThat(lookAlike.problems().get(1).message())
                .isEqualTo("Estimated Deal Value is not an amount in this source's form (decimal separator ',')");

        SourceRecord nonsense = m.record(4, row("soon", "lots", "", ""));
        assertThat(nonsense.problems()).isEmpty(); // the rules judge it (INVALID_VALUE)
        assertThat(nonsense.deal().get(Field.CREATED_DATE)).isEqualTo("soon");
    }

    @Test
    void theCanonicalProfileTakesValuesAsWritten() throws Exception {
        SourceRecord r = mapper(SourceProfile.canonical(), "Estimated Deal Value").record(2, row("1 234,5"));

        assertThat(r.deal().get(Field.ESTIMATED_VALUE)).isEqualTo("1 234,5");
        assertThat(r.problems()).isEmpty();
    }
}
