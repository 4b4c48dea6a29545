package io.dealsync.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One streaming pass over a file before anything of it is applied: its SHA-256 (repeat detection) and
 * whether it is text in the source's encoding. A byte that cannot be text (a NUL, an invalid sequence)
 * usually damages one record: the readers reject that record and read on. The file is refused whole
 * only when it is not text throughout ({@link #notTextThroughout}): its first line is damaged (the
 * header, or the start of the JSON), or more than one line in ten is (binary data, another encoding).
 * The text check ({@link TextScan}) passes over ASCII eight bytes at a time, beside the hash (a second thread).
 */
public final class FilePrecheck {
    private static final int BUFFER = 64 * 1024;
    /** The check's reads: large enough that handing each to the hashing thread costs nothing measurable. */
    private static final int READ = 1024 * 1024;
    /** More damaged lines than 1 in this many: the file is not text throughout. */
    static final int DAMAGED_LINE_RATIO = 10;

    private FilePrecheck() {
    }

    /**
     * The hash, why the file is not readable text ({@code problem}, null when it is), and how many of
     * its lines hold a byte that is not text (each becomes a MALFORMED record when the file is read).
     */
    public record Result(String sha256, String problem, long damagedLines, long lines) {
        public Result(String sha256, String problem) {
            this(sha256, problem, 0, 0);
        }

        public boolean ok() {
            return problem == null;
        }
    }

    /**
     * The whole-file rule: one bad line is damage to a record; a damaged first line (no header, no JSON
     * start) or damage on more than one line in ten is a file in another encoding, or binary.
     */
    static boolean notTextThroughout(long firstDamagedLine, long damagedLines, long lines) {
        if (damagedLines == 0) {
            return false;
        }
        return firstDamagedLine == 1 || (damagedLines > 1 && damagedLines * DAMAGED_LINE_RATIO > lines);
    }

    /**
     * Hash and text check of a file in the given encoding; a file that starts with a UTF-8 BOM is checked
     * as UTF-8 whatever the encoding given (see {@link #charsetOf}).
     */
    public static Result check(Path file, Charset charset) throws IOException {
        charset = charsetOf(file, charset);
        return check(file, charset, new TextScan(charset, BUFFER), READ);
    }

    /**
     * One pass: each read is hashed on a second thread while this one scans it for text, so the check of a
     * file takes the longer of the two, not their sum (the second core is idle at this point of a run).
     */
    static Result check(Path file, Charset charset, TextScan text, int readSize) throws IOException {
        MessageDigest sha = sha256Digest();
        byte[] array = new byte[readSize];
        ByteBuffer bytes = ByteBuffer.wrap(array);
        long offset = 0; // file offset of array[0]
        ExecutorService hasher = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "precheck-sha256");
            t.setDaemon(true);
            return t;
        });
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            while (true) {
                int start = bytes.position(); // bytes kept from the previous read (a split character)
                int n = ch.read(bytes);
                if (n < 0) {
                    break;
                }
                Future<?> hashed = hasher.submit(() -> sha.update(array, start, n));
                int end = start + n;
                int consumed = text.scan(bytes, start, end, offset);
                await(hashed); // before the buffer is reused
                offset += consumed;
                bytes.limit(end).position(consumed);
                bytes.compact();
            }
        } finally {
            hasher.shutdownNow();
        }
        text.endOfInput(bytes, offset);
        LineDamage lines = text.lines;
        return new Result(HexFormat.of().formatHex(sha.digest()), problemOf(file, charset, lines), lines.damagedLines,
                lines.count());
    }

    private static void await(Future<?> task) throws IOException {
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("Interrupted while hashing");
        } catch (ExecutionException e) {
            throw new IllegalStateException("Hashing failed", e.getCause());
        }
    }

    /** Why the file is refused whole, or null when its damage (if any) is to single records. */
    private static String problemOf(Path file, Charset charset, LineDamage lines) {
        if (!notTextThroughout(lines.firstDamagedLine, lines.damagedLines, lines.count())) {
            return null;
        }
        // NUL bytes mean binary data, whatever else is wrong: the clearer message
        String why = lines.firstNulOffset >= 0 ? nulProblem(file, lines.firstNulOffset, lines.firstNulLine)
                : encodingProblem(file, charset, lines.firstDamageOffset, lines.firstDamagedLine);
        return lines.firstDamagedLine == 1 ? why
                : why + " (" + lines.damagedLines + " of its " + lines.count() + " lines hold bytes that are not text)";
    }

    /**
     * The check for a data file of a source: JSON is always UTF-8 (RFC 8259), CSV is in the profile's
     * encoding, a workbook (.xlsx) is only hashed.
     */
    public static Result check(Path file, SourceProfile profile) throws IOException {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (RecordReaders.isWorkbook(file)) {
            return new Result(sha256(file), null); // a zip: the workbook reader tells whether it is one
        }
        boolean json = n.endsWith(".json") || n.endsWith(".ndjson") || n.endsWith(".jsonl");
        return check(file, json ? StandardCharsets.UTF_8 : profile.charset());
    }

    /**
     * The encoding a file is read in: UTF-8 when it starts with a UTF-8 BOM (Excel's "CSV UTF-8" writes
     * one, even into a folder whose CRM usually exports windows-1252), else the profile's.
     */
    public static Charset charsetOf(Path file, Charset profileCharset) throws IOException {
        if (profileCharset.equals(StandardCharsets.UTF_8)) {
            return profileCharset;
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] b = in.readNBytes(3);
            boolean bom = b.length == 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
            return bom ? StandardCharsets.UTF_8 : profileCharset;
        }
    }

    /** The SHA-256 of a file, lowercase hex. */
    public static String sha256(Path file) throws IOException {
        MessageDigest sha = sha256Digest();
        byte[] buf = new byte[BUFFER];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buf)) >= 0) {
                sha.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static String nulProblem(Path file, long offset, long line) {
        return file.getFileName() + " is not a text file: it holds a NUL byte (binary data) at byte " + offset
                + " (line " + line + ")";
    }

    private static String encodingProblem(Path file, Charset charset, long offset, long line) {
        return file.getFileName() + " is not text in " + charset.name() + ": invalid byte sequence at byte " + offset
                + " (line " + line + "); save it as " + charset.name() + " or change the source's profile";
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
