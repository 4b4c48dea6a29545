package io.dealsync.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Damages a valid input file the ways issue 12 lists: bytes flipped, inserted, deleted; a cut; quotes,
 * delimiters, CR and LF inserted or removed; NUL bytes; a BOM in the middle; a 2 MB cell; header cells
 * duplicated or missing; another encoding; deep JSON nesting; strings for numbers and numbers for strings.
 * Every mutation is a pure function of the bytes and a {@link Random}: the same seed gives the same file.
 */
public final class Mutator {
    /** What was done to a file, for the failure message and for replaying it as a named test case. */
    public record Mutation(String description, byte[] bytes, boolean singlePoint) {
    }

    /** The kinds of damage; {@code singlePoint} ones touch one spot of one line. */
    public enum Kind {
        FLIP(true), INSERT_BYTES(true), DELETE_BYTES(true), CUT(true), INSERT_QUOTE(true), REMOVE_QUOTE(true),
        INSERT_DELIMITER(true), REMOVE_DELIMITER(true), INSERT_CR(true), INSERT_LF(true), REMOVE_LINE_BREAK(true),
        ONE_NUL(true), NULS(false), BOM_IN_THE_MIDDLE(true), BIG_CELL(true), DUPLICATE_HEADER_CELL(true),
        DROP_HEADER_CELL(true), OTHER_ENCODING(false), STRAY_LATIN1(true), DEEP_NESTING(true),
        STRING_FOR_NUMBER(true), NUMBER_FOR_STRING(true);

        final boolean singlePoint;

        Kind(boolean singlePoint) {
            this.singlePoint = singlePoint;
        }
    }

    private static final int BIG_CELL = 2 * 1024 * 1024;

    private Mutator() {
    }

    /** One to three random mutations of {@code in} (a file of {@code charset}, {@code delimiter} for CSV, 0 for JSON). */
    public static Mutation random(byte[] in, Charset charset, char delimiter, Random rnd) {
        int n = rnd.nextInt(10) < 7 ? 1 : 2 + rnd.nextInt(2);
        byte[] b = in;
        List<String> what = new ArrayList<>();
        boolean single = n == 1;
        for (int i = 0; i < n; i++) {
            Kind k = Kind.values()[rnd.nextInt(Kind.values().length)];
            Mutation m = apply(k, b, charset, delimiter, rnd);
            b = m.bytes();
            what.add(m.description());
            single &= m.singlePoint();
        }
        return new Mutation(String.join(" + ", what), b, single);
    }

    /** One mutation of the given kind. */
    public static Mutation apply(Kind k, byte[] in, Charset charset, char delimiter, Random rnd) {
        boolean json = delimiter == 0;
        int body = firstLineEnd(in);
        int at = in.length == 0 ? 0 : body + rnd.nextInt(Math.max(1, in.length - body));
        switch (k) {
            case FLIP: {
                byte[] b = in.clone();
                if (b.length == 0) {
                    return new Mutation("flip (empty)", b, true);
                }
                int p = rnd.nextInt(b.length);
                int x = 1 + rnd.nextInt(255);
                b[p] ^= (byte) x;
                return new Mutation("flip byte " + p + " ^0x" + Integer.toHexString(x), b, true);
            }
            case INSERT_BYTES: {
                byte[] ins = new byte[1 + rnd.nextInt(8)];
                rnd.nextBytes(ins);
                return insert(in, at, ins, "insert " + ins.length + " random bytes at " + at, true);
            }
            case DELETE_BYTES: {
                int len = Math.min(1 + rnd.nextInt(16), in.length - at);
                return new Mutation("delete " + len + " bytes at " + at, splice(in, at, len, new byte[0]), true);
            }
            case CUT: {
                int p = in.length == 0 ? 0 : rnd.nextInt(in.length);
                return new Mutation("cut at " + p, Arrays.copyOf(in, p), true);
            }
            case INSERT_QUOTE:
                return insert(in, at, new byte[] {'"'}, "insert a quote at " + at, true);
            case REMOVE_QUOTE:
                return removeOne(in, (byte) '"', rnd, "quote");
            case INSERT_DELIMITER:
                return insert(in, at, new byte[] {(byte) (json ? ',' : delimiter)}, "insert a delimiter at " + at, true);
            case REMOVE_DELIMITER:
                return removeOne(in, (byte) (json ? ',' : delimiter), rnd, "delimiter");
            case INSERT_CR:
                return insert(in, at, new byte[] {'\r'}, "insert CR at " + at, true);
            case INSERT_LF:
                return insert(in, at, new byte[] {'\n'}, "insert LF at " + at, true);
            case REMOVE_LINE_BREAK:
                return removeOne(in, (byte) '\n', rnd, "LF");
            case ONE_NUL:
                return insert(in, at, new byte[] {0}, "insert a NUL at " + at, true);
            case NULS: {
                byte[] b = in;
                StringBuilder d = new StringBuilder("insert NULs at");
                for (int i = 0; i < 3; i++) {
                    int p = b.length == 0 ? 0 : body + rnd.nextInt(Math.max(1, b.length - body));
                    b = splice(b, Math.min(p, b.length), 0, new byte[] {0});
                    d.append(' ').append(p);
                }
                return new Mutation(d.toString(), b, false);
            }
            case BOM_IN_THE_MIDDLE:
                return insert(in, at, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "insert a BOM at " + at, true);
            case BIG_CELL: {
                int p = indexOf(in, (byte) (json ? ':' : delimiter), at);
                p = p < 0 ? at : p + 1;
                byte[] big = new byte[BIG_CELL];
                Arrays.fill(big, (byte) 'x');
                if (json) {
                    big[0] = '"';
                    big[big.length - 1] = '"';
                    int end = valueEnd(in, p);
                    return new Mutation("2 MB string value at " + p, splice(in, p, end - p, big), true);
                }
                return insert(in, p, big, "2 MB cell at " + p, true);
            }
            case DUPLICATE_HEADER_CELL:
            case DROP_HEADER_CELL:
                return headerCell(k, in, charset, json ? ',' : delimiter, rnd);
            case OTHER_ENCODING:
                return reencode(in, charset, rnd);
            case STRAY_LATIN1: {
                byte[] two = {(byte) 0xE9, (byte) 0xFC};
                return insert(in, at, two, "insert Latin-1 bytes E9 FC at " + at, true);
            }
            case DEEP_NESTING: {
                int depth = rnd.nextBoolean() ? 200 : 5000;
                int p = indexOf(in, (byte) '{', at);
                if (p < 0) {
                    p = at;
                }
                String deep = "\"deep\":" + "[".repeat(depth) + "]".repeat(depth) + ",";
                return insert(in, p + 1, deep.getBytes(StandardCharsets.UTF_8), "nesting " + depth + " deep at " + (p + 1), true);
            }
            case STRING_FOR_NUMBER:
                return replaceOne(in, charset, rnd, Pattern.compile("\"(dealValue|salesStage)\":(\\d+)"), "\"$1\":\"$2\"",
                        Pattern.compile("(?<=[" + Pattern.quote(String.valueOf(json ? ',' : delimiter)) + "])(\\d{3,})(?=["
                                + Pattern.quote(String.valueOf(json ? ',' : delimiter)) + "])"), "abc",
                        "string for a number");
            case NUMBER_FOR_STRING:
                return replaceOne(in, charset, rnd, Pattern.compile("\"(name|currency|status|id)\":\"[^\"]*\""), "\"$1\":42",
                        Pattern.compile("(?<=[" + Pattern.quote(String.valueOf(json ? ',' : delimiter)) + "])([A-Za-z][A-Za-z ]+)(?=["
                                + Pattern.quote(String.valueOf(json ? ',' : delimiter)) + "])"), "12345",
                        "number for a string");
            default:
                throw new IllegalArgumentException(k.name());
        }
    }

    private static Mutation insert(byte[] in, int at, byte[] what, String d, boolean single) {
        return new Mutation(d, splice(in, Math.min(at, in.length), 0, what), single);
    }

    private static Mutation removeOne(byte[] in, byte b, Random rnd, String name) {
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < in.length; i++) {
            if (in[i] == b) {
                at.add(i);
            }
        }
        if (at.isEmpty()) {
            return new Mutation("remove a " + name + " (none)", in.clone(), true);
        }
        int p = at.get(rnd.nextInt(at.size()));
        return new Mutation("remove the " + name + " at " + p, splice(in, p, 1, new byte[0]), true);
    }

    private static Mutation headerCell(Kind k, byte[] in, Charset cs, char delimiter, Random rnd) {
        int end = firstLineEnd(in);
        String header = new String(in, 0, end, cs);
        String eol = header.endsWith("\r\n") ? "\r\n" : header.endsWith("\n") ? "\n" : "";
        String[] cells = header.substring(0, header.length() - eol.length()).split(Pattern.quote(String.valueOf(delimiter)), -1);
        if (cells.length < 2) {
            return new Mutation(k + " (no header)", in.clone(), true);
        }
        List<String> list = new ArrayList<>(Arrays.asList(cells));
        int i = rnd.nextInt(list.size());
        String d;
        if (k == Kind.DUPLICATE_HEADER_CELL) {
            list.add(rnd.nextInt(list.size() + 1), list.get(i));
            d = "duplicate header cell " + (i + 1);
        } else {
            list.remove(i);
            d = "drop header cell " + (i + 1);
        }
        byte[] h = (String.join(String.valueOf(delimiter), list) + eol).getBytes(cs);
        return new Mutation(d, splice(in, 0, end, h), true);
    }

    private static Mutation reencode(byte[] in, Charset cs, Random rnd) {
        Charset[] to = {StandardCharsets.ISO_8859_1, StandardCharsets.UTF_16LE, Charset.forName("windows-1252"),
                StandardCharsets.UTF_8};
        Charset target = to[rnd.nextInt(to.length)];
        if (target.equals(cs)) {
            target = StandardCharsets.UTF_16BE;
        }
        String text = new String(in, cs);
        return new Mutation("re-encode " + cs.name() + " as " + target.name(), text.getBytes(target), false);
    }

    private static Mutation replaceOne(byte[] in, Charset cs, Random rnd, Pattern jsonP, String jsonR, Pattern csvP,
            String csvR, String what) {
        String text = new String(in, cs);
        for (Pattern p : new Pattern[] {jsonP, csvP}) {
            Matcher m = p.matcher(text);
            List<int[]> hits = new ArrayList<>();
            while (m.find()) {
                hits.add(new int[] {m.start(), m.end()});
            }
            if (hits.isEmpty()) {
                continue;
            }
            int[] h = hits.get(rnd.nextInt(hits.size()));
            String repl = p.matcher(text.substring(h[0], h[1])).replaceFirst(p == jsonP ? jsonR : csvR);
            String out = text.substring(0, h[0]) + repl + text.substring(h[1]);
            return new Mutation(what + " at char " + h[0], out.getBytes(cs), true);
        }
        return new Mutation(what + " (no place)", in.clone(), true);
    }

    /** Where the JSON value starting at or after {@code p} ends (a string, or up to , } ]). */
    private static int valueEnd(byte[] in, int p) {
        int i = p;
        while (i < in.length && (in[i] == ' ')) {
            i++;
        }
        if (i < in.length && in[i] == '"') {
            i++;
            while (i < in.length && in[i] != '"') {
                i += in[i] == '\\' ? 2 : 1;
            }
            return Math.min(in.length, i + 1);
        }
        while (i < in.length && in[i] != ',' && in[i] != '}' && in[i] != ']' && in[i] != '{' && in[i] != '[') {
            i++;
        }
        return i;
    }

    /** The offset just past the first LF (the first line, with its line break). */
    public static int firstLineEnd(byte[] in) {
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '\n') {
                return i + 1;
            }
        }
        return in.length;
    }

    private static int indexOf(byte[] in, byte b, int from) {
        for (int i = from; i < in.length; i++) {
            if (in[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** {@code in} with {@code len} bytes at {@code at} replaced by {@code with}. */
    static byte[] splice(byte[] in, int at, int len, byte[] with) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length - len + with.length);
        out.write(in, 0, at);
        out.write(with, 0, with.length);
        out.write(in, at + len, in.length - at - len);
        return out.toByteArray();
    }

    /** The offset of the first byte where {@code b} differs from {@code a} (the length of the shorter when one is a prefix). */
    public static int firstDifference(byte[] a, byte[] b) {
        int n = Math.min(a.length, b.length);
        int i = Arrays.mismatch(a, b);
        return i < 0 ? a.length : Math.min(i, n);
    }
}
