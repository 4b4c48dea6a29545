package io.dealsync.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The width checks, from the catalogue's widths: the column and the widths named, never the value. */
class ColumnLimitsTest {
    @Test
    void aValueWiderThanItsColumnIsNamedWithTheWidths() {
        Deal d = new Deal();
        d.set(Field.CUSTOMER_DUNS, "1".repeat(21));
        d.set(Field.NOTES, "n".repeat(10_000));
        d.setSolutions(List.of(new Solution("S".repeat(501), "", "", "")));

        assertThat(ColumnLimits.overlong(d)).containsExactly(
                new ColumnLimits.Overlong("Customer D-U-N-S ID", "it is 21 characters long; at most 20 are stored"),
                new ColumnLimits.Overlong("Solution 1", "it is 501 characters long; at most 500 are stored"));
    }

    @Test
    void widthsCountCharactersNotUtf16Units() {
        Deal d = new Deal();
        d.set(Field.CUSTOMER_DUNS, "\uD83D\uDE00".repeat(20)); // 20 characters, 40 UTF-16 units

        assertThat(ColumnLimits.overlong(d)).isEmpty();
    }

    @Test
    void aTeamMemberHasTheCustomerContactsWidthsAndATeamAtMostMaxTeamMembers() {
        Deal d = new Deal();
        TeamMember wide = new TeamMember("f", "l", "p", "e".repeat(321));
        d.setTeam(Collections.nCopies(ColumnLimits.MAX_TEAM + 1, new TeamMember("f", "l", "p", "e")));
        assertThat(ColumnLimits.overlong(d)).containsExactly(
                new ColumnLimits.Overlong("Team member 101", "at most 100 team members are stored"));

        d.setTeam(List.of(wide));
        assertThat(ColumnLimits.overlong(d)).containsExactly(
                new ColumnLimits.Overlong("Team member 1", "it is 321 characters long; at most 320 are stored"));
    }

    @Test
    void everyTextColumnHasAWidthAndEveryColumnItsOwnName() {
        assertThat(Arrays.stream(Field.values()).filter(f -> f.column().type() == DbColumn.Type.TEXT))
                .allMatch(f -> f.column().width() > 0);
        assertThat(Arrays.stream(Field.values()).map(f -> f.column().name())).doesNotHaveDuplicates();
        assertThat(Field.DATES).containsExactly(Field.STAGE_SECURE_LOE, Field.STAGE_COLLECT_DATA,
                Field.STAGE_PREPARE_REPORT, Field.STAGE_PRESENT, Field.ESTIMATED_CLOSE_DATE, Field.RECEIVED_DATE,
                Field.CREATED_DATE);
    }
}
