package io.dealsync.read;

import io.dealsync.model.Deal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One record as read from a file: where it starts, what it says (a {@link Deal} with the columns it
 * carries), and what the reject file needs to give it back to a reviewer (the CSV cells or the JSON text).
 * A record that cannot be read at all has no deal and a {@link #malformed() reason} (R10).
 */
public final class SourceRecord {
    private final long position;
    private final Deal deal;
    private final String malformed;
    private final List<String> cells;
    private String rawJson;
    private Supplier<String> rawJsonLater;
    private final boolean rawIsObject;
    private final Set<String> presentColumns;
    private final List<ReadProblem> problems = new ArrayList<>(0);
    /** The hash of the CSV row's text ({@link RowScan#hash}), 0: none (JSON, a sheet, a row not hashable alone). */
    private long rowHash;
    /** A row recognised by its text, not read into a deal (its deal holds the keys only): how to read it. */
    private Supplier<SourceRecord> unread;
    private long lastAppliedTo;

    private SourceRecord(long position, Deal deal, String malformed, List<String> cells, String rawJson,
            boolean rawIsObject, Set<String> presentColumns) {
        this.position = position;
        this.deal = deal;
        this.malformed = malformed;
        this.cells = cells;
        this.rawJson = rawJson;
        this.rawIsObject = rawIsObject;
        this.presentColumns = presentColumns;
    }

    /**
     * A CSV row. {@code presentColumns} holds the canonical headers (see {@link io.dealsync.model.Field#header()})
     * of the columns the file has, plus {@link #SOLUTIONS} / {@link #TEAM} when it has list columns;
     * a column absent from it keeps the stored value.
     */
    public static SourceRecord csv(long line, Deal deal, List<String> cells, Set<String> presentColumns) {
        deal.setLine(line);
        return new SourceRecord(line, deal, null, cells, null, false, presentColumns);
    }

    /** A CSV row that cannot be read (broken quoting, more cells than the header). */
    public static SourceRecord malformedCsv(long line, String reason, List<String> cells) {
        return new SourceRecord(line, null, reason, cells, null, false, Set.of());
    }

    /** A JSON object; {@code position} is the NDJSON line or the 1-based array/page index. */
    public static SourceRecord json(long position, Deal deal, String rawJson, Set<String> presentColumns) {
        deal.setLine(position);
        return new SourceRecord(position, deal, null, List.of(), rawJson, true, presentColumns);
    }

    /**
     * A JSON object whose text is made only when asked for ({@link #rawJson()}): most records are stored,
     * not rejected, and re-serialising every object would cost the JSON path a good part of its time.
     */
    public static SourceRecord jsonLazy(long position, Deal deal, Supplier<String> rawJson, Set<String> presentColumns) {
        deal.setLine(position);
        SourceRecord r = new SourceRecord(position, deal, null, List.of(), null, true, presentColumns);
        r.rawJsonLater = rawJson;
        return r;
    }

    /** A JSON element that is not a readable object; {@code raw} is its text, kept for the reviewer. */
    public static SourceRecord malformedJson(long position, String reason, String raw, boolean rawIsObject) {
        return new SourceRecord(position, null, reason, List.of(), raw, rawIsObject, Set.of());
    }

    /**
     * A CSV row the reader recognised as the row last applied to its deal ({@link KnownRows}), without reading
     * it: {@code keys} holds its key columns only, {@link #read()} reads the rest if the engine needs it.
     */
    static SourceRecord recognised(long line, Deal keys, long rowHash, long dealId, Supplier<SourceRecord> read) {
        SourceRecord r = new SourceRecord(line, keys, null, List.of(), null, false, Set.of());
        r.rowHash = rowHash;
        r.unread = read;
        r.lastAppliedTo = dealId;
        return r;
    }

    SourceRecord withRowHash(long hash) {
        this.rowHash = hash;
        return this;
    }

    /** The hash of the CSV row's text, 0 when the record has none (see {@link RowScan#hash}). */
    public long rowHash() { return rowHash; }

    /** Recognised by its text and not read: {@link #deal()} holds its keys only; {@link #read()} reads it whole. */
    public boolean isUnread() { return unread != null; }

    /** For an {@linkplain #isUnread() unread} row: the id of the stored deal it was last applied to. */
    public long lastAppliedTo() { return lastAppliedTo; }

    /** This record read whole: itself, or for an {@linkplain #isUnread() unread} row the record its text reads as. */
    public SourceRecord read() {
        return unread == null ? this : unread.get();
    }

    /** Marker in {@link #presentColumns()}: the record carries its solutions. */
    public static final String SOLUTIONS = "#solutions";
    /** Marker in {@link #presentColumns()}: the record carries its team. */
    public static final String TEAM = "#team";

    /** The physical line where the record starts (CSV, NDJSON) or its 1-based index (JSON array or page). */
    public long position() { return position; }

    /** The deal the record proposes, or null when it is malformed. */
    public Deal deal() { return deal; }

    /** Why the record cannot be read, or null. */
    public String malformed() { return malformed; }

    public boolean isMalformed() { return malformed != null; }

    /** The CSV cells as read, in the input's column order (empty for JSON). */
    public List<String> cells() { return cells; }

    /** The JSON text of the record (null for CSV). */
    public String rawJson() {
        if (rawJson == null && rawJsonLater != null) {
            rawJson = rawJsonLater.get();
            rawJsonLater = null;
        }
        return rawJson;
    }

    /** The JSON text is an object (goes under "record" in the reject file), not raw text (goes under "raw"). */
    public boolean rawIsObject() { return rawIsObject; }

    /** Canonical headers of the columns this record carries (plus {@link #SOLUTIONS}/{@link #TEAM}). */
    public Set<String> presentColumns() { return presentColumns; }

    /** Problems found while reading a value (e.g. a JSON value of the wrong type), reported beside the rules' findings. */
    public List<ReadProblem> problems() { return problems; }

    public SourceRecord addProblem(String code, String column, String message) {
        problems.add(new ReadProblem(code, column, message));
        return this;
    }

    /** A problem the reader found in one value: a reason code, the column, a message naming no personal data. */
    public record ReadProblem(String code, String column, String message) {
    }
}
