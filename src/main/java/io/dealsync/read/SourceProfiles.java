package io.dealsync.read;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Loads the source profiles: {@code routes/profiles/<source>.properties}, where {@code <source>} is the
 * inbox subfolder whose files the profile reads.
 *
 * <p>The file is UTF-8 and reads like a {@code .properties} file (comments with {@code #} or {@code !},
 * {@code \} escapes such as {@code \t}, {@code \u00A0} or {@code \ } for a kept space, a trailing
 * {@code \} continues the line) with one difference: the key runs to the first {@code =}, so that
 * column and stage names may hold spaces and colons as CRMs write them
 * ({@code column.Est. Revenue=Estimated Deal Value}). Surrounding spaces of keys and values are dropped.
 *
 * <p>Everything is validated at load, and every problem of every file is reported at once, so an
 * operator fixes the profiles in one go rather than one error per run.
 */
public final class SourceProfiles {
    /** A source name is an inbox folder name: it must not lead outside the inbox. */
    private static final Pattern SOURCE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    public static final String SUFFIX = ".properties";

    private SourceProfiles() {
    }

    /**
     * Every profile in {@code profilesDir}, by source name (sorted). A missing folder means no profiles.
     *
     * @throws IllegalArgumentException listing every problem, one per line, each naming its file
     */
    public static Map<String, SourceProfile> load(Path profilesDir) {
        Map<String, SourceProfile> out = new TreeMap<>();
        if (!Files.isDirectory(profilesDir)) {
            return out;
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(profilesDir, "*" + SUFFIX)) {
            for (Path p : ds) {
                if (Files.isRegularFile(p)) {
                    files.add(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list source profiles in " + profilesDir, e);
        }
        Collections.sort(files);
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            String fileName = file.getFileName().toString();
            String source = fileName.substring(0, fileName.length() - SUFFIX.length());
            String origin = profilesDir.resolve(fileName).toString().replace('\\', '/');
            if (!SOURCE_NAME.matcher(source).matches()) {
                problems.add(origin + ": '" + source + "' is not a usable inbox folder name "
                        + "(letters, digits, '.', '_', '-')");
                continue;
            }
            SourceProfile p = read(file, source, origin, problems);
            if (p != null) {
                out.put(source, p);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.size() + " problem(s) in the source profiles:\n"
                    + String.join("\n", problems));
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * The profile for a file's source: the canonical profile for files straight in the inbox ({@code source}
     * null or empty), else the source's profile, or null when the source has no profile.
     */
    public static SourceProfile forSource(Map<String, SourceProfile> profiles, String source) {
        if (source == null || source.isEmpty()) {
            return SourceProfile.canonical();
        }
        return profiles.get(source);
    }

    /**
     * One profile file.
     *
     * @throws IllegalArgumentException listing every problem of the file
     */
    public static SourceProfile read(Path file) {
        String fileName = file.getFileName().toString();
        String source = fileName.endsWith(SUFFIX) ? fileName.substring(0, fileName.length() - SUFFIX.length()) : fileName;
        List<String> problems = new ArrayList<>();
        SourceProfile p = read(file, source, file.toString().replace('\\', '/'), problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        return p;
    }

    private static SourceProfile read(Path file, String source, String origin, List<String> problems) {
        String text;
        try {
            byte[] bytes = Files.readAllBytes(file);
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            problems.add(origin + ": not UTF-8 text (save the profile as UTF-8)");
            return null;
        } catch (IOException e) {
            problems.add(origin + ": cannot be read (" + e.getClass().getSimpleName() + ")");
            return null;
        }
        Map<String, String> entries = parse(text, origin, problems);
        return SourceProfileBuilder.build(source, origin, entries, problems);
    }

    /** The key/value pairs of a profile text, in file order; a key given twice is a problem. */
    static Map<String, String> parse(String text, String origin, List<String> problems) {
        Map<String, String> entries = new LinkedHashMap<>();
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            StringBuilder logical = new StringBuilder(lines[i].stripLeading());
            while (endsWithContinuation(logical) && i + 1 < lines.length) {
                logical.setLength(logical.length() - 1);
                logical.append(lines[++i].stripLeading());
            }
            String line = logical.toString();
            if (line.isBlank() || line.charAt(0) == '#' || line.charAt(0) == '!') {
                continue;
            }
            int eq = separator(line);
            if (eq < 0) {
                problems.add(origin + ": line " + lineNo + " has no '=' (expected key=value)");
                continue;
            }
            String key = unescape(line.substring(0, eq).strip());
            String value = unescape(stripKeepingEscaped(line.substring(eq + 1)));
            if (key.isEmpty()) {
                problems.add(origin + ": line " + lineNo + " has no key before '='");
                continue;
            }
            if (entries.containsKey(key)) {
                problems.add(origin + ": key '" + key + "' is given twice");
                continue;
            }
            entries.put(key, value);
        }
        return entries;
    }

    /** Surrounding spaces dropped, except a space escaped as {@code \ } (how a profile writes a space separator). */
    private static String stripKeepingEscaped(String s) {
        String t = s.stripLeading();
        int end = t.length();
        while (end > 0 && Character.isWhitespace(t.charAt(end - 1))) {
            int backslashes = 0;
            for (int i = end - 2; i >= 0 && t.charAt(i) == '\\'; i--) {
                backslashes++;
            }
            if (backslashes % 2 == 1) {
                break;
            }
            end--;
        }
        return t.substring(0, end);
    }

    private static boolean endsWithContinuation(CharSequence s) {
        int backslashes = 0;
        for (int i = s.length() - 1; i >= 0 && s.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    /** The first '=' not escaped by a backslash. */
    private static int separator(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '=') {
                return i;
            }
        }
        return -1;
    }

    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                sb.append(c);
                continue;
            }
            char n = s.charAt(++i);
            switch (n) {
                case 't' -> sb.append('\t');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 'f' -> sb.append('\f');
                case 'u' -> {
                    if (isHex(s, i + 1, i + 5)) {
                        sb.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                        i += 4;
                    } else {
                        sb.append('u');
                    }
                }
                default -> sb.append(n);
            }
        }
        return sb.toString();
    }

    private static boolean isHex(String s, int from, int to) {
        if (to > s.length()) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
