package io.dealsync.read;

import java.nio.file.Path;
import java.util.Locale;

/** Opens the right reader for a data file, by its extension (case-insensitive), as the inbox reads them. */
public final class RecordReaders {
    private RecordReaders() {
    }

    /**
     * A CSV reader for {@code .csv}, a workbook reader for {@code .xlsx}, a JSON reader for {@code .json},
     * {@code .ndjson} and {@code .jsonl}.
     *
     * @throws UnreadableFileException when the file cannot be read at all (binary, not text of the
     *     profile's encoding, not a workbook, no header, not JSON) or is not a data file
     * @throws java.io.UncheckedIOException when the file system fails (the file is not to blame)
     */
    public static RecordReader open(Path file, SourceProfile profile) throws UnreadableFileException {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".csv")) {
            return new CsvRecordReader(file, profile);
        }
        if (n.endsWith(".xlsx")) {
            return new XlsxRecordReader(file, profile);
        }
        if (n.endsWith(".json") || n.endsWith(".ndjson") || n.endsWith(".jsonl")) {
            return new JsonRecordReader(file, profile);
        }
        throw new UnreadableFileException(file.getFileName()
                + " is not a data file (.csv, .xlsx, .json, .ndjson, .jsonl)");
    }

    /** A file the inbox reads: {@code .csv}, {@code .xlsx}, {@code .json}, {@code .ndjson}, {@code .jsonl}, any case. */
    public static boolean isDataFile(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".csv") || n.endsWith(".xlsx") || n.endsWith(".json") || n.endsWith(".ndjson")
                || n.endsWith(".jsonl");
    }

    /** What a file of this name holds: rows (CSV, a workbook) or JSON. */
    public static RecordReader.Kind kindOf(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        return n.endsWith(".csv") || n.endsWith(".xlsx") ? RecordReader.Kind.CSV : RecordReader.Kind.JSON;
    }

    /** A workbook, read as binary (no text check: its text is inside a zip). */
    public static boolean isWorkbook(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx");
    }
}
