package io.dealsync.store;

/** The little SQL that differs between the embedded HSQLDB and PostgreSQL. */
public enum Dialect {
    HSQLDB {
        @Override
        public String nextValue(String sequence) {
            return "VALUES NEXT VALUE FOR " + sequence;
        }
    },
    POSTGRESQL {
        @Override
        public String nextValue(String sequence) {
            return "SELECT nextval('" + sequence + "')";
        }
    };

    /** A statement returning the sequence's next value (sequence names are ours, never input). */
    public abstract String nextValue(String sequence);

    public static Dialect of(String url) {
        return url.startsWith("jdbc:postgresql:") ? POSTGRESQL : HSQLDB;
    }
}
