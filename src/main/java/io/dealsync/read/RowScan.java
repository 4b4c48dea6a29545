package io.dealsync.read;

import io.dealsync.model.Hash64;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds where the next CSV row ends without splitting it into cells: the second night's fast path
 * (docs/architecture.md, "Unchanged records"). Most rows of a nightly export are, character for character,
 * the row last applied to their deal; the reader recognises them by the hash of their text and a few key
 * cells, and commons-csv never sees them. The same scan, keeping every cell ({@link #everyCell}), splits the
 * plain rows that must be read (the first night's, a change's): commons-csv's lexer, reading a character at a
 * time through its buffered reader, was a third of the first night's judge thread.
 *
 * <p>Only a row in plain RFC 4180 form is found: each cell either unquoted with no quote in it, or quoted,
 * its quotes doubled, closed right before a delimiter or the line's end; the row ends with LF or CRLF inside
 * the text in hand. On such text commons-csv (quote {@code "}, no escape, nothing trimmed) splits exactly
 * the same cells, so a row found here and a row commons-csv reads are the same row. Anything else (a stray
 * quote, a lone CR even inside quotes, a row running past the buffer, a blank row) is left to commons-csv:
 * {@link #find} answers -1 and nothing is consumed.
 */
final class RowScan {
    private final char delimiter;
    /** The columns whose cells the caller wants (key columns), by position in the row; -1: absent. Null: all. */
    private final int[] wanted;
    private final String[] cells;
    /** Every cell of the row last found, when all are wanted. */
    private List<String> row;
    private int lineBreaks;

    RowScan(char delimiter, int[] wanted) {
        this.delimiter = delimiter;
        this.wanted = wanted.clone();
        this.cells = new String[wanted.length];
    }

    private RowScan(char delimiter) {
        this.delimiter = delimiter;
        this.wanted = null;
        this.cells = new String[0];
        this.row = new ArrayList<>();
    }

    /** A scan that keeps every cell of the row ({@link #takeRow()}): the reader's split of a plain row. */
    static RowScan everyCell(char delimiter) {
        return new RowScan(delimiter);
    }

    /**
     * The end (exclusive, after its line break) of the plain row starting at {@code from}, or -1. On success
     * {@link #cell(int)} holds the wanted cells' text (unquoted, "" for a column the row lacks) and
     * {@link #lineBreaks()} the line breaks inside the row, its last one included.
     */
    int find(char[] buf, int from, int to) {
        java.util.Arrays.fill(cells, "");
        if (row != null) {
            row.clear();
        }
        lineBreaks = 0;
        int column = 0;
        int i = from;
        boolean blank = true;
        while (i < to) {
            int cellStart = i;
            String text;
            if (buf[i] == '"') {
                StringBuilder quoted = null;
                int runStart = ++i;
                while (true) {
                    if (i >= to) {
                        return -1;
                    }
                    char c = buf[i];
                    if (c == '"') {
                        if (i + 1 >= to) {
                            return -1;
                        }
                        if (buf[i + 1] != '"') {
                            break;
                        }
                        if (isWanted(column)) { // a doubled quote: one quote in the cell
                            quoted = quoted == null ? new StringBuilder() : quoted;
                            quoted.append(buf, runStart, i + 1 - runStart);
                        }
                        i += 2;
                        runStart = i;
                        continue;
                    }
                    if (c == '\r' && (i + 1 >= to || buf[i + 1] != '\n')) {
                        return -1; // a lone CR, even quoted: commons-csv reads past it, so the reader stops trusting rows
                    }
                    if (c == '\n') {
                        lineBreaks++;
                    }
                    i++;
                }
                text = isWanted(column) ? (quoted == null ? new String(buf, runStart, i - runStart)
                        : quoted.append(buf, runStart, i - runStart).toString()) : null;
                i++; // the closing quote
                blank = false;
                if (i >= to) {
                    return -1;
                }
                char after = buf[i];
                if (after != delimiter && after != '\n' && after != '\r') {
                    return -1; // text after a closing quote: commons-csv's call
                }
            } else {
                while (i < to) {
                    char c = buf[i];
                    if (c == delimiter || c == '\n' || c == '\r') {
                        break;
                    }
                    if (c == '"') {
                        return -1; // a quote inside an unquoted cell
                    }
                    i++;
                }
                if (i >= to) {
                    return -1;
                }
                blank &= isBlank(buf, cellStart, i);
                text = isWanted(column) ? new String(buf, cellStart, i - cellStart) : null;
            }
            if (text != null) {
                keep(column, CsvRecordReader.unescapeFormula(text));
            }
            char c = buf[i];
            if (c == delimiter) {
                column++;
                i++;
                continue;
            }
            // the row's line break: LF, or CRLF whole in hand; a lone CR (or a CR at the buffer's end) is not ours
            if (c == '\r') {
                if (i + 1 >= to || buf[i + 1] != '\n') {
                    return -1;
                }
                i++;
            }
            lineBreaks++;
            return blank ? -1 : i + 1;
        }
        return -1;
    }

    /** Every cell of the row last found, unquoted, as commons-csv splits it (a scan of {@link #everyCell}). */
    List<String> takeRow() {
        List<String> r = row;
        row = new ArrayList<>(r.size());
        return r;
    }

    /** The text of the {@code k}-th wanted column of the row last found. */
    String cell(int k) {
        return cells[k];
    }

    /** The line breaks of the row last found, its own last one included. */
    int lineBreaks() {
        return lineBreaks;
    }

    /**
     * The hash of a row's text, its line breaks at either end left out (the LF of a CRLF a read split may
     * lead it): the same row hashes the same wherever the file's buffers cut it. Never 0.
     */
    static long hash(long seed, char[] buf, int from, int to) {
        while (from < to && buf[from] == '\n') {
            from++;
        }
        while (to > from && (buf[to - 1] == '\n' || buf[to - 1] == '\r')) {
            to--;
        }
        return new Hash64().add(seed).add(buf, from, to).value();
    }

    private boolean isWanted(int column) {
        if (wanted == null) {
            return true;
        }
        for (int w : wanted) {
            if (w == column) {
                return true;
            }
        }
        return false;
    }

    private void keep(int column, String text) {
        if (row != null) {
            row.add(text); // the cells come in column order
            return;
        }
        for (int k = 0; k < wanted.length; k++) {
            if (wanted[k] == column) {
                cells[k] = text;
            }
        }
    }

    private static boolean isBlank(char[] buf, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(buf[i])) {
                return false;
            }
        }
        return true;
    }
}
