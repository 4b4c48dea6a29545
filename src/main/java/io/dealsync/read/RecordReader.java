package io.dealsync.read;

import java.io.Closeable;
import java.util.Iterator;
import java.util.List;

/**
 * Streams the records of one file, one at a time, in file order; memory does not grow with the file.
 * A malformed record is returned as such (R10) and reading goes on with the next one.
 */
public interface RecordReader extends Iterator<SourceRecord>, Closeable {

    /** The file's own header row as read (CSV), for the reject file; empty for JSON. */
    List<String> header();

    /** Header names the profile does not map to any canonical column (listed once in the run report). */
    List<String> unknownColumns();

    /** What kind of file this is: decides the reject file's form. */
    Kind kind();

    enum Kind { CSV, JSON }
}
