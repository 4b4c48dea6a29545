package io.dealsync.model;

/**
 * Where a column is stored: its column of the {@code deal} table, how the value is held there, and for
 * text its width in characters (the migrations in {@code db/migration} define the table;
 * {@code store/ColumnWidthsTest} holds these widths to them).
 */
public record DbColumn(String name, Type type, int width) {
    public enum Type { TEXT, DATE, INTEGER }

    static DbColumn text(String name, int width) {
        return new DbColumn(name, Type.TEXT, width);
    }

    static DbColumn date(String name) {
        return new DbColumn(name, Type.DATE, 0);
    }

    static DbColumn integer(String name) {
        return new DbColumn(name, Type.INTEGER, 0);
    }
}
