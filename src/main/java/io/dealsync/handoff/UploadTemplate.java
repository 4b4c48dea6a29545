package io.dealsync.handoff;

import io.dealsync.model.Deal;
import io.dealsync.model.Field;
import io.dealsync.model.TeamMember;
import io.dealsync.review.CsvRecordFileWriter;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Partner Center's bulk-upload template: its column names, and a deal as one of its rows. The columns are
 * the canonical ones that are the template's (not dealsync's extensions: stage dates, Assessment Location,
 * Received/Created Date, Invited By), plus what the template requires and deals do not carry
 * ({@code Marketplace Purchase Intent}, from the settings). {@code Estimated Close Date} is MM/DD/YYYY,
 * {@code Sales Stage} the number, and every cell a spreadsheet would run as a formula gets the reject
 * files' guard.
 */
public final class UploadTemplate {
    public static final String MARKETPLACE_PURCHASE_INTENT = "Marketplace Purchase Intent";
    /** The column Partner Center adds to its processed file. */
    public static final String ERRORS = "Errors";
    static final DateTimeFormatter CLOSE_DATE = DateTimeFormatter.ofPattern("MM/dd/uuuu");

    /** Canonical columns the template does not have. */
    private static final List<Field> EXTENSIONS = List.of(Field.STAGE_SECURE_LOE, Field.STAGE_COLLECT_DATA,
            Field.STAGE_PREPARE_REPORT, Field.STAGE_PRESENT, Field.ASSESSMENT_LOCATION, Field.RECEIVED_DATE,
            Field.CREATED_DATE, Field.INVITED_BY);

    private final String purchaseIntent;

    public UploadTemplate(String purchaseIntent) {
        this.purchaseIntent = purchaseIntent;
    }

    /** The template's scalar columns, in its order. */
    static List<Field> fields() {
        List<Field> out = new ArrayList<>();
        for (Field f : Field.values()) {
            if (!EXTENSIONS.contains(f)) {
                out.add(f);
            }
        }
        return out;
    }

    /** Team member columns a file of these deals needs (at least one, as in the template). */
    static int teamColumns(Collection<Deal> deals) {
        return Math.max(1, deals.stream().mapToInt(Deal::getTeamSize).max().orElse(1));
    }

    public List<String> header(int teamColumns) {
        List<String> h = new ArrayList<>();
        for (Field f : fields()) {
            h.add(f.header());
        }
        h.add(MARKETPLACE_PURCHASE_INTENT);
        h.add(Field.SOLUTION_PREFIX + "1");
        for (int i = 1; i <= teamColumns; i++) {
            h.add(Field.TEAM_PREFIX + i);
        }
        return h;
    }

    /** One deal as a row under {@link #header(int)}, every cell formula-safe. */
    public List<String> row(Deal d, int teamColumns) {
        List<String> row = new ArrayList<>();
        for (Field f : fields()) {
            row.add(cell(d, f));
        }
        row.add(purchaseIntent);
        row.add(d.getSolutions().isEmpty() ? "" : d.getSolutions().get(0).toCell());
        List<TeamMember> team = d.getTeam();
        for (int i = 0; i < teamColumns; i++) {
            row.add(i < team.size() ? team.get(i).toCell() : "");
        }
        row.replaceAll(CsvRecordFileWriter::neutralise);
        return row;
    }

    private static String cell(Deal d, Field f) {
        return switch (f) {
            case SALES_STAGE -> Integer.toString(d.getDerivedStage());
            case ESTIMATED_CLOSE_DATE -> closeDate(d.get(f));
            default -> d.get(f);
        };
    }

    /** yyyy-mm-dd (as stored) to MM/DD/YYYY; anything else is left as it is. */
    static String closeDate(String stored) {
        if (stored == null || stored.isEmpty()) {
            return "";
        }
        try {
            return LocalDate.parse(stored).format(CLOSE_DATE);
        } catch (RuntimeException e) {
            return stored;
        }
    }
}
