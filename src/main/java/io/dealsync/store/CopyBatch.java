package io.dealsync.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * An INSERT batch sent to PostgreSQL as one {@code COPY ... FROM STDIN} (text format) instead of multi-row
 * INSERTs: the server skips the parse and bind of every row, the driver the sizing and encoding of every
 * parameter twice (B8: {@code SimpleParameterList.getV3Length} alone was a third of the writer thread).
 *
 * <p>The rows are bound exactly as for the INSERT, through the same code ({@link #ps()} hands out a statement
 * that only records its parameters), so the two paths cannot drift apart: each {@link #add()} turns the
 * recorded parameters into one line of the COPY, in the INSERT's column order. Same transaction, same
 * constraints: a duplicate key fails the COPY with SQLSTATE 23505 as it failed the INSERT.
 */
final class CopyBatch extends Batch {
    private static final Pattern INSERT = Pattern.compile("(?is)\\s*INSERT\\s+INTO\\s+(\\w+)\\s*\\(([^)]*)\\)\\s*VALUES\\s*\\(([^)]*)\\)\\s*");

    private final CopyManager copy;
    private final String sql;
    private final Object[] row;
    private final StringBuilder text = new StringBuilder(1 << 16);
    private int size;

    private CopyBatch(CopyManager copy, String sql, Object[] row) {
        super(recorder(row));
        this.copy = copy;
        this.sql = sql;
        this.row = row;
    }

    CopyBatch(Connection c, String insertSql) throws SQLException {
        this(c.unwrap(PGConnection.class).getCopyAPI(), copySql(insertSql));
    }

    private CopyBatch(CopyManager copy, String copySql) {
        this(copy, copySql, new Object[copySql.substring(copySql.indexOf('(') + 1, copySql.indexOf(')')).split(",").length]);
    }

    /** Whether the connection is PostgreSQL's (through the pool's proxy). */
    static boolean offeredBy(Connection c) throws SQLException {
        return c.isWrapperFor(PGConnection.class);
    }

    /** {@code INSERT INTO t (a, b) VALUES (?, ?)} -> {@code COPY t (a, b) FROM STDIN}; only plain parameter lists. */
    static String copySql(String insertSql) {
        Matcher m = INSERT.matcher(insertSql);
        if (!m.matches() || !m.group(3).replaceAll("[\\s,?]", "").isEmpty()) {
            throw new IllegalArgumentException("Not an INSERT of parameters only: " + insertSql);
        }
        return "COPY " + m.group(1) + " (" + m.group(2).trim() + ") FROM STDIN";
    }

    /** A statement whose setters record the parameter (setNull: null) and do nothing else. */
    private static PreparedStatement recorder(Object[] row) {
        return (PreparedStatement) Proxy.newProxyInstance(CopyBatch.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                    String name = method.getName();
                    if (name.startsWith("set") && args != null && args.length == 2 && args[0] instanceof Integer i) {
                        row[i - 1] = name.equals("setNull") ? null : args[1];
                        return null;
                    }
                    return switch (name) {
                        case "close" -> null;
                        case "toString" -> "COPY parameters";
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> throw new UnsupportedOperationException("A COPY batch only records parameters: " + name);
                    };
                });
    }

    @Override
    void add() {
        for (int i = 0; i < row.length; i++) {
            if (i > 0) {
                text.append('\t');
            }
            append(row[i]);
            row[i] = null;
        }
        text.append('\n');
        size++;
    }

    /**
     * One value in COPY's text format: {@code \N} for null; text with its backslashes, tabs and line breaks
     * escaped; numbers, {@code java.sql.Date} and {@code Timestamp} as their {@code toString()}, which is the
     * form (and, for a timestamp, the JVM's time zone) the driver sends for their setters too.
     */
    private void append(Object v) {
        if (v == null) {
            text.append("\\N");
        } else if (v instanceof String s) {
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                switch (ch) {
                    case '\\' -> text.append("\\\\");
                    case '\t' -> text.append("\\t");
                    case '\n' -> text.append("\\n");
                    case '\r' -> text.append("\\r");
                    default -> text.append(ch);
                }
            }
        } else {
            text.append(v);
        }
    }

    @Override
    int[] run() throws SQLException {
        if (size == 0) {
            return new int[0];
        }
        int[] counts = new int[size];
        Arrays.fill(counts, 1);
        try {
            // bytes, not a Reader: the driver encodes a Reader 64 K characters at a time, and a pair of UTF-16 units
            // cut by that boundary (an emoji) would reach the server as two '?' (CopyBatchTest); the driver's
            // client encoding is always UTF-8
            copy.copyIn(sql, new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (PSQLException e) {
            throw withoutRows(e);
        } catch (IOException e) {
            throw new SQLException("COPY failed: " + e.getMessage(), "08000", e);
        } finally {
            text.setLength(0);
            size = 0;
        }
        return counts;
    }

    /**
     * The server's error without its context: a COPY's names the line and, for a bad value, quotes it, and a
     * deal's line holds contact details, which must not reach a log (the state and the constraint are kept).
     */
    static SQLException withoutRows(PSQLException e) {
        ServerErrorMessage m = e.getServerErrorMessage();
        if (m == null) {
            return new SQLException("COPY failed", e.getSQLState());
        }
        String constraint = m.getConstraint() == null ? "" : " (constraint \"" + m.getConstraint() + "\")";
        return new SQLException(m.getMessage() + constraint, e.getSQLState());
    }

    @Override
    public void close() {
        // nothing held: the COPY ran in run()
    }
}
