package io.dealsync.ingest;

import java.nio.file.Path;
import java.util.Locale;

/** Opens the right reader for a data file, by its extension (case-insensitive), as the inbox reads them. */
public final class RecordReaders {
    private RecordReaders() {
    }

    /**
     * A CSV reader for {@code .csv}, a JSON reader for {@code .json}, {@code .ndjson} and {@code .jsonl}.
     *
     * @throws UnreadableFileException when the file cannot be read at all (binary, not text of the
     *     profile's encoding, no header, not JSON) or is not a data file
     * @throws java.io.UncheckedIOException when the file system fails (the file is not to blame)
     */
    public static RecordReader open(Path file, SourceProfile profile) throws UnreadableFileException {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".csv")) {
            return new CsvRecordReader(file, profile);
        }
        if (n.endsWith(".json") || n.endsWith(".ndjson") || n.endsWith(".jsonl")) {
            return new JsonRecordReader(file, profile);
        }
        throw new UnreadableFileException(file.getFileName() + " is not a data file (.csv, .json, .ndjson, .jsonl)");
    }

    /** A file the inbox reads: {@code .csv}, {@code .json}, {@code .ndjson}, {@code .jsonl}, any case. */
    public static boolean isDataFile(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".csv") || n.endsWith(".json") || n.endsWith(".ndjson") || n.endsWith(".jsonl");
    }
}
