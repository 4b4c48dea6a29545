package io.dealsync.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * One streaming pass over a file before anything of it is applied: its SHA-256 (repeat detection) and,
 * for text, whether every byte decodes strictly in the source's encoding and no NUL byte is there (a
 * binary file). A file that fails is refused whole, so a bad byte near the end cannot leave half a file
 * applied. 64 KB reads, one reused char buffer: hashing dominates, well above 300 MB/s.
 */
public final class FilePrecheck {
    private static final int BUFFER = 64 * 1024;

    private FilePrecheck() {
    }

    /** The hash, and why the file is not readable text ({@code problem}), or null when it is. */
    public record Result(String sha256, String problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    /**
     * Hash and text check of a file in the given encoding; a file that starts with a UTF-8 BOM is checked
     * as UTF-8 whatever the encoding given (see {@link #charsetOf}).
     */
    public static Result check(Path file, Charset charset) throws IOException {
        charset = charsetOf(file, charset);
        MessageDigest sha = sha256Digest();
        boolean decode = !charset.equals(StandardCharsets.ISO_8859_1); // every byte is ISO-8859-1 text
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        byte[] array = new byte[BUFFER];
        ByteBuffer bytes = ByteBuffer.wrap(array);
        CharBuffer chars = CharBuffer.allocate(BUFFER);
        String problem = null;
        long offset = 0; // file offset of array[0]
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            while (true) {
                int start = bytes.position(); // bytes kept from the previous read (a split character)
                int n = ch.read(bytes);
                if (n < 0) {
                    break;
                }
                sha.update(array, start, n);
                if (problem != null) {
                    bytes.clear();
                    continue;
                }
                int end = start + n;
                for (int i = start; i < end; i++) {
                    if (array[i] == 0) {
                        problem = nulProblem(file, offset + i);
                        break;
                    }
                }
                if (problem == null && decode) {
                    bytes.flip();
                    long consumedBefore = offset;
                    CoderResult cr;
                    do {
                        chars.clear();
                        cr = decoder.decode(bytes, chars, false);
                    } while (cr.isOverflow());
                    if (cr.isError()) {
                        problem = encodingProblem(file, charset, consumedBefore + bytes.position());
                    }
                    offset += bytes.position();
                    bytes.compact();
                } else {
                    offset += end;
                    bytes.clear();
                }
            }
        }
        if (problem == null && decode) {
            bytes.flip();
            chars.clear();
            CoderResult cr = decoder.decode(bytes, chars, true);
            if (cr.isError() || bytes.hasRemaining()) {
                problem = encodingProblem(file, charset, offset + bytes.position());
            } else if (decoder.flush(chars).isError()) {
                problem = encodingProblem(file, charset, offset);
            }
        }
        return new Result(HexFormat.of().formatHex(sha.digest()), problem);
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

    private static String nulProblem(Path file, long offset) {
        return file.getFileName() + " is not a text file: it holds a NUL byte (binary data) at byte " + offset
                + lineNote(file, offset);
    }

    private static String encodingProblem(Path file, Charset charset, long offset) {
        return file.getFileName() + " is not text in " + charset.name() + ": invalid byte sequence at byte " + offset
                + lineNote(file, offset) + "; save it as " + charset.name() + " or change the source's profile";
    }

    /** " (line N)": counted only on the failure path, so the fast path stays one pass. */
    private static String lineNote(Path file, long offset) {
        long line = 1;
        byte[] buf = new byte[BUFFER];
        long pos = 0;
        boolean cr = false;
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while (pos < offset && (n = in.read(buf, 0, (int) Math.min(buf.length, offset - pos))) > 0) {
                for (int i = 0; i < n; i++) {
                    byte b = buf[i];
                    if (b == '\n') {
                        if (!cr) {
                            line++;
                        }
                        cr = false;
                    } else if (b == '\r') {
                        line++;
                        cr = true;
                    } else {
                        cr = false;
                    }
                }
                pos += n;
            }
        } catch (IOException e) {
            return "";
        }
        return " (line " + line + ")";
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
