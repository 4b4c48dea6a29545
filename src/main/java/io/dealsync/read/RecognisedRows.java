package io.dealsync.read;

import io.dealsync.model.Deal;
import io.dealsync.model.Field;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

/**
 * The CSV reader's row fast path (docs/architecture.md, "Unchanged records"): the plain row next in hand
 * ({@link RowScan}), when {@link KnownRows} says it is the row last applied to its deal, is consumed and
 * handed on unread, with its keys, its line, its hash and that deal; read whole (commons-csv on its text
 * alone) only if the engine must judge it after all.
 */
final class RecognisedRows {
    /** The key columns read without splitting the row, in {@link RowScan}'s order. */
    private static final Field[] KEY_FIELDS = {Field.REFERRAL_ID, Field.PARTNER_ID, Field.CRM_ID};

    private final LineChunkReader chunks;
    /** The decoder under the chunks (null for text given as a Reader): a row holding damage is not ours. */
    private final DamageTrackingReader text;
    private final RowDealMapper mapper;
    private final CSVFormat format;
    private final int width;
    private final long seed;
    private final KnownRows known;
    private final RowScan scan;

    RecognisedRows(LineChunkReader chunks, DamageTrackingReader text, HeaderColumns columns, RowDealMapper mapper,
            CSVFormat format, char delimiter, long seed, KnownRows known) {
        this.chunks = chunks;
        this.text = text;
        this.mapper = mapper;
        this.format = format;
        this.width = columns.width();
        this.seed = seed;
        this.known = known;
        int[] keyColumns = new int[KEY_FIELDS.length];
        for (int k = 0; k < KEY_FIELDS.length; k++) {
            keyColumns[k] = columns.columnOf(KEY_FIELDS[k]);
        }
        this.scan = new RowScan(delimiter, keyColumns);
    }

    /**
     * The row starting at {@code line}, consumed, when it is the row last applied to its deal; else null and
     * nothing consumed (commons-csv reads it). After a row, {@link #lineBreaks()} tells the lines it took.
     */
    SourceRecord next(long line) {
        int end = chunks.peekCleanRow(scan, text, line);
        if (end < 0) {
            return null;
        }
        String[] keyCells = new String[KEY_FIELDS.length];
        for (int k = 0; k < keyCells.length; k++) {
            keyCells[k] = scan.cell(k);
        }
        Deal keys = mapper.only(KEY_FIELDS, keyCells);
        long hash = chunks.rowHash(seed, end);
        long dealId = known.lastAppliedTo(keys, hash);
        if (dealId == 0) {
            return null;
        }
        String rowText = chunks.rowText(end);
        chunks.skipRow(end, scan.lineBreaks());
        return SourceRecord.recognised(line, keys, hash, dealId, () -> readAlone(line, rowText, hash));
    }

    /** The line breaks of the row {@link #next} last consumed. */
    int lineBreaks() {
        return scan.lineBreaks();
    }

    /** A recognised row read after all (the engine must judge it): commons-csv on its text alone. */
    private SourceRecord readAlone(long line, String rowText, long hash) {
        try (CSVParser p = CSVParser.builder().setReader(new StringReader(rowText)).setFormat(format).get()) {
            List<String> cells = new ArrayList<>(width);
            for (String c : p.iterator().next()) {
                cells.add(CsvRecordReader.unescapeFormula(c));
            }
            return mapper.record(line, cells).withRowHash(hash);
        } catch (IOException | RuntimeException e) {
            // cannot happen for a plain row (RowScan); if it did, the row is not lost: it is rejected, named
            return SourceRecord.malformedCsv(line, "The row could not be read again: " + e.getMessage(), List.of(rowText));
        }
    }
}
