package io.dealsync.fuzz;

import io.dealsync.bench.DataGenerator;
import io.dealsync.read.RecordReader;
import io.dealsync.read.RecordReaders;
import io.dealsync.read.SourceProfile;
import io.dealsync.read.SourceProfiles;
import io.dealsync.read.SourceRecord;
import io.dealsync.model.Field;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A valid input file the fuzz loop damages: canonical CSV (the shipped sample and a generated one), each
 * source profile's shipped sample, and JSON as an array, an API page and NDJSON. Its CRM IDs carry a tag
 * so that every mutated copy has deals of its own; its records are known with the byte where each ends.
 */
public final class SeedFile {
    /** A record of the seed: its position (line, or JSON index), its CRM ID, and the byte offset where it ends. */
    public record Rec(long position, String crmId, long end) {
    }

    public final String label;
    public final String source;
    public final String extension;
    public final SourceProfile profile;
    public final Charset charset;
    /** The CSV delimiter, 0 for JSON. */
    public final char delimiter;
    private final String template;
    private final Set<String> ids;

    private SeedFile(String label, String source, String extension, SourceProfile profile, Charset charset,
            char delimiter, String template, Set<String> ids) {
        this.label = label;
        this.source = source;
        this.extension = extension;
        this.profile = profile;
        this.charset = charset;
        this.delimiter = delimiter;
        this.template = template;
        this.ids = ids;
    }

    /** The eight seeds, read from the project's samples and profiles ({@code work} holds generated files). */
    public static List<SeedFile> all(Path work) {
        try {
            Files.createDirectories(work);
            java.util.Map<String, SourceProfile> profiles = SourceProfiles.load(Path.of("routes/profiles"));
            List<SeedFile> out = new ArrayList<>();
            SourceProfile canonical = SourceProfile.canonical();
            out.add(csv("canonical", "", canonical, Path.of("samples/2026-11-01-partner-crm.csv")));
            Path gen = work.resolve("generated.csv");
            DataGenerator.day1Csv(gen, 40, 11);
            out.add(csv("generated", "", canonical, gen));
            for (String s : List.of("crm-fr", "dynamics365", "salesforce")) {
                try (var files = Files.list(Path.of("samples", s))) {
                    Path sample = files.filter(p -> p.toString().endsWith(".csv")).sorted().findFirst().orElseThrow();
                    out.add(csv(s, s, profiles.get(s), sample));
                }
            }
            Path json = work.resolve("array.json");
            DataGenerator.partnerCenterJson(json, 20, 5);
            String array = Files.readString(json);
            out.add(json("array", ".json", array));
            String elements = array.substring(array.indexOf('\n') + 1, array.lastIndexOf(']'));
            out.add(json("page", ".json", "{\"value\":[\n" + elements + "],\"@odata.nextLink\":null}\n"));
            out.add(json("ndjson", ".ndjson", elements.replaceAll("(?m)},$", "}")));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SeedFile csv(String label, String source, SourceProfile profile, Path sample) throws IOException {
        Charset cs = io.dealsync.read.FilePrecheck.charsetOf(sample, profile.charset());
        String text = new String(Files.readAllBytes(sample), cs);
        Set<String> ids = new LinkedHashSet<>();
        try (RecordReader r = RecordReaders.open(sample, profile)) {
            while (r.hasNext()) {
                SourceRecord rec = r.next();
                if (rec.deal() != null && !rec.deal().get(Field.CRM_ID).isBlank()) {
                    ids.add(rec.deal().get(Field.CRM_ID));
                }
            }
        } catch (io.dealsync.read.UnreadableFileException e) {
            throw new IllegalStateException(e);
        }
        return new SeedFile(label, source, ".csv", profile, cs, profile.delimiter(), text, ids);
    }

    private static SeedFile json(String label, String ext, String text) {
        Set<String> ids = new LinkedHashSet<>(); // the generator's ids are GUID-like (Referral ID, CRM ID)
        Matcher m = Pattern.compile("\"(?:id|externalReferenceId)\":\"([0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12})\"").matcher(text);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return new SeedFile(label, "", ext, SourceProfile.canonical(), StandardCharsets.UTF_8, (char) 0, text, ids);
    }

    /** The seed's bytes with every CRM ID (and JSON id) prefixed by {@code tag}. */
    public byte[] bytes(String tag) {
        if (ids.isEmpty()) {
            throw new IllegalStateException(label + ": the seed has no id to tag (has the generator's id format changed?)");
        }
        String alternatives = ids.stream().sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote).collect(Collectors.joining("|"));
        Matcher m = Pattern.compile("(?<![A-Za-z0-9-])(" + alternatives + ")(?![A-Za-z0-9])").matcher(template);
        String tagged = m.replaceAll(r -> Matcher.quoteReplacement(tag + "-" + r.group(1)));
        return tagged.getBytes(charset); // a BOM the sample starts with is part of the text
    }

    /** The records of the tagged seed as the engine's own reader sees them, with the byte where each ends. */
    public List<Rec> records(byte[] bytes, Path scratch) {
        try {
            Path p = scratch.resolve("seed" + extension);
            Files.write(p, bytes);
            List<Long> lineStarts = lineStarts(bytes);
            List<long[]> pos = new ArrayList<>();
            List<String> crm = new ArrayList<>();
            try (RecordReader r = RecordReaders.open(p, profile)) {
                while (r.hasNext()) {
                    SourceRecord rec = r.next();
                    pos.add(new long[] {rec.position()});
                    crm.add(rec.deal() == null ? null : rec.deal().get(Field.CRM_ID));
                }
            } catch (io.dealsync.read.UnreadableFileException e) {
                throw new IllegalStateException(label + ": " + e.getMessage(), e);
            }
            boolean indexed = delimiter == 0 && !extension.equals(".ndjson");
            List<Rec> out = new ArrayList<>();
            for (int i = 0; i < pos.size(); i++) {
                long position = pos.get(i)[0];
                long end;
                if (delimiter != 0) {
                    end = i + 1 < pos.size() ? lineStart(lineStarts, pos.get(i + 1)[0], bytes.length) : bytes.length;
                } else {
                    long line = indexed ? position + 1 : position; // one element per line after the opening line
                    end = lineStart(lineStarts, line + 1, bytes.length);
                }
                out.add(new Rec(position, crm.get(i), end));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long lineStart(List<Long> starts, long line, long len) {
        return line - 1 < starts.size() ? starts.get((int) (line - 1)) : len;
    }

    /** Byte offset of each line's start (CR, LF and CRLF end lines). */
    static List<Long> lineStarts(byte[] b) {
        List<Long> out = new ArrayList<>();
        out.add(0L);
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '\r') {
                if (i + 1 < b.length && b[i + 1] == '\n') {
                    i++;
                }
                out.add((long) i + 1);
            } else if (b[i] == '\n') {
                out.add((long) i + 1);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return label;
    }
}
