package io.dealsync.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where and why a JSON file breaks, in words for the reject file: Jackson's message without the text it
 * quotes (a name or an email, perhaps: docs/quality.md keeps personal data out of the logs), its
 * position, and the text of an element cut short, for the reviewer.
 */
final class JsonBreaks {
    private JsonBreaks() {
    }

    /** Jackson's own words without the text it quotes, and with the position in the line. */
    static String describe(IOException e) {
        String msg = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
        if (msg == null) {
            msg = e.getClass().getSimpleName();
        }
        int nl = msg.indexOf('\n');
        if (nl >= 0) {
            msg = msg.substring(0, nl);
        }
        msg = msg.replaceAll("'[^']*'", "'…'").replaceAll("\"[^\"]*\"", "\"…\"");
        if (msg.length() > 160) {
            msg = msg.substring(0, 160) + "…";
        }
        if (e instanceof JsonProcessingException jpe && jpe.getLocation() != null) {
            msg += " at column " + jpe.getLocation().getColumnNr();
        }
        return msg;
    }

    /** The char just after where Jackson failed, or -1 when it does not say. */
    static long charAfter(IOException e) {
        if (e instanceof JsonProcessingException jpe && jpe.getLocation() != null) {
            long at = jpe.getLocation().getCharOffset();
            return at < 0 ? -1 : at + 1;
        }
        return -1;
    }

    /** The line where Jackson failed, or 0 when it does not say. */
    static long lineOf(IOException e) {
        if (e instanceof JsonProcessingException jpe && jpe.getLocation() != null) {
            return jpe.getLocation().getLineNr();
        }
        return 0;
    }

    /**
     * The text of the file from char {@code from} to {@code to} (to the end when negative), at most
     * {@link LineChunkReader#CAPTURE_MAX} chars: what a reviewer gets of an element cut short. Read again
     * from the file, so only a broken file pays for it.
     */
    static String rawText(Path file, long from, long to) {
        long want = to < 0 ? Long.MAX_VALUE : to - from;
        int max = (int) Math.max(0, Math.min(LineChunkReader.CAPTURE_MAX, want));
        try (DamageTrackingReader r = new DamageTrackingReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
            r.skip(Math.max(0, from));
            char[] buf = new char[max];
            int n = 0;
            int k;
            while (n < max && (k = r.read(buf, n, max - n)) > 0) {
                n += k;
            }
            String raw = new String(buf, 0, n).strip();
            return raw.startsWith(",") ? raw.substring(1).strip() : raw; // the comma before the element
        } catch (IOException e) {
            return "";
        }
    }
}
