package io.dealsync.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The Partner Center referral resource (docs/formats.md, "JSON (in)") as a tree, assembled from the
 * catalogue's {@link JsonPath}s in their document order: the JSON reader walks it to find each column, the
 * JSON export walks it to write one, so the two cannot disagree on where a column lives.
 */
public final class ReferralShape {
    /** A key of the referral resource. */
    public sealed interface Node permits Leaf, ListSlot, Group {
        String key();
    }

    /** A scalar column: {@code path} is its full path, for messages. */
    public record Leaf(String key, String path, Field field) implements Node {
    }

    /** An array of a list column (solutions, team). */
    public record ListSlot(String key, ListColumn list) implements Node {
    }

    /**
     * An object of columns; {@code firstOfArray} when it is the first element of an array ({@code team[0]}).
     * {@code column} is the header a wrong-shaped value is reported on: the first column beneath it in
     * template order.
     */
    public record Group(String key, String path, boolean firstOfArray, List<Node> children, String column) implements Node {
        /** The one scalar column beneath, when the group holds nothing else (a wrapper around a value), or null. */
        public Field only() {
            if (children.size() != 1) {
                return null;
            }
            Node child = children.get(0);
            return child instanceof Leaf leaf ? leaf.field() : child instanceof Group g ? g.only() : null;
        }
    }

    /** The referral object itself. */
    public static final Group REFERRAL = build();

    /** The keys of a person (a team member has the customer contact's shape): first, last, phone, email. */
    public static final List<String> PERSON_KEYS = java.util.stream.Stream.of(Field.CONTACT_FIRST_NAME,
            Field.CONTACT_LAST_NAME, Field.CONTACT_PHONE, Field.CONTACT_EMAIL).map(f -> lastKey(f.jsonPath().path())).toList();

    private ReferralShape() {
    }

    private record Entry(int order, String path, Field field, ListColumn list) {
    }

    private static final class Builder {
        final String key;
        final String path;
        final boolean firstOfArray;
        final List<Object> children = new ArrayList<>(); // Builder or Entry, in document order
        String column;
        int columnRank = Integer.MAX_VALUE;

        Builder(String key, String path, boolean firstOfArray) {
            this.key = key;
            this.path = path;
            this.firstOfArray = firstOfArray;
        }

        Builder child(String segment) {
            boolean first = segment.endsWith("[0]");
            String k = first ? segment.substring(0, segment.length() - 3) : segment;
            for (Object c : children) {
                if (c instanceof Builder b && b.key.equals(k)) {
                    return b;
                }
            }
            Builder b = new Builder(k, path.isEmpty() ? k : path + "." + k, first);
            children.add(b);
            return b;
        }

        /** Template order: the fields by position, then the lists. */
        void offerColumn(Entry e) {
            int rank = e.field() != null ? e.field().ordinal() : Field.values().length + e.list().ordinal();
            if (rank < columnRank) {
                columnRank = rank;
                column = e.field() != null ? e.field().header() : e.list().firstHeader();
            }
        }

        Group group() {
            List<Node> nodes = new ArrayList<>(children.size());
            for (Object c : children) {
                if (c instanceof Builder b) {
                    nodes.add(b.group());
                } else {
                    Entry e = (Entry) c;
                    String k = lastKey(e.path());
                    nodes.add(e.field() != null ? new Leaf(k, e.path().replace("[0]", ""), e.field()) : new ListSlot(k, e.list()));
                }
            }
            return new Group(key, path, firstOfArray, List.copyOf(nodes), column);
        }
    }

    private static Group build() {
        List<Entry> entries = new ArrayList<>();
        for (Field f : Field.values()) {
            entries.add(new Entry(f.jsonPath().order(), f.jsonPath().path(), f, null));
        }
        for (ListColumn l : ListColumn.values()) {
            entries.add(new Entry(l.jsonPath().order(), l.jsonPath().path(), null, l));
        }
        entries.sort(Comparator.comparingInt(Entry::order));
        Builder root = new Builder("", "", false);
        for (Entry e : entries) {
            String[] segments = e.path().split("\\.");
            Builder at = root;
            for (int i = 0; i < segments.length - 1; i++) {
                at = at.child(segments[i]);
                at.offerColumn(e);
            }
            at.children.add(e);
        }
        return root.group();
    }

    private static String lastKey(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
