package io.dealsync.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;

/**
 * A set of BIGINT values as one array parameter, so a chunk's lookup is one statement whatever its size:
 * {@code col = ANY(?)} on PostgreSQL, {@code col IN (UNNEST(?))} on HSQLDB; both use the column's index.
 */
final class IdList {
    private IdList() {
    }

    /** The condition on {@code column}, for one array parameter. */
    static String condition(Dialect dialect, String column) {
        return dialect == Dialect.POSTGRESQL ? column + " = ANY(?)" : column + " IN (UNNEST(?))";
    }

    /** Binds the values, sorted (neighbouring keys share index pages), as parameter {@code index}. */
    static void bind(Dialect dialect, Connection c, PreparedStatement ps, int index, Collection<Long> values)
            throws SQLException {
        Long[] sorted = values.toArray(new Long[0]);
        java.util.Arrays.sort(sorted);
        ps.setArray(index, c.createArrayOf(dialect == Dialect.POSTGRESQL ? "int8" : "BIGINT", sorted));
    }
}
