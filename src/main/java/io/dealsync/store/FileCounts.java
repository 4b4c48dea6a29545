package io.dealsync.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/** A file's counts as its {@code ingested_file} row keeps them (docs/formats.md "Run report"). */
public record FileCounts(long read, long created, long updated, long unchanged, long rejected, long skipped,
        long warnings, long expired) {
    /** A file that failed before any record was counted. */
    public static final FileCounts NONE = new FileCounts(0, 0, 0, 0, 0, 0, 0, 0);

    /** Binds the eight count columns (records_read, created, ..., expired) from parameter {@code first} on. */
    void bind(PreparedStatement ps, int first) throws SQLException {
        long[] values = {read, created, updated, unchanged, rejected, skipped, warnings, expired};
        for (int i = 0; i < values.length; i++) {
            ps.setLong(first + i, values[i]);
        }
    }
}
