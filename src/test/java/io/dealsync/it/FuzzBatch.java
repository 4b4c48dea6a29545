package io.dealsync.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dealsync.fuzz.Mutator;
import io.dealsync.fuzz.SeedFile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Mutated files through the real engine: one child {@code run --once} (-Xmx256m, real routes and rules)
 * over many files, then the checks of issue 12 on each file. Every batch also carries each seed undamaged,
 * so a record the rules skip when intact is not taken for one the damage dropped.
 */
final class FuzzBatch {
    /** One file of the batch: which seed, with which tag, and what was done to it. */
    record Case(SeedFile seed, String name, String tag, byte[] original, Mutator.Mutation mutation) {
        String describe(long fuzzSeed, int batch) {
            return "fuzz seed=" + fuzzSeed + " batch=" + batch + " file=" + (seed.source.isEmpty() ? "" : seed.source + "/")
                    + name + " seedFile=" + seed.label + " mutation=[" + mutation.description() + "]";
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long RUN_TIMEOUT_MS = Long.getLong("fuzz.run-timeout-ms", 180_000);

    private final Path dir;
    private final Harness h;
    final List<Case> cases = new ArrayList<>();
    private final List<Case> references = new ArrayList<>();

    FuzzBatch(Path dir, List<SeedFile> seeds) {
        this.dir = dir;
        this.h = new Harness(dir);
        for (SeedFile s : seeds) {
            byte[] b = s.bytes("R" + s.label.replace("-", ""));
            references.add(new Case(s, "a-reference-" + s.label + s.extension, "R" + s.label.replace("-", ""), b,
                    new Mutator.Mutation("none", b, true)));
        }
    }

    void add(SeedFile seed, String name, String tag, byte[] original, Mutator.Mutation m) {
        cases.add(new Case(seed, name, tag, original, m));
    }

    /** Runs the batch; returns one line per problem found (empty: every file passed). */
    List<String> run(long fuzzSeed, int batch) throws Exception {
        List<Case> all = new ArrayList<>(references);
        all.addAll(cases);
        for (Case c : all) {
            Path folder = c.seed().source.isEmpty() ? h.inbox() : h.inbox().resolve(c.seed().source);
            Files.createDirectories(folder);
            Files.write(folder.resolve(c.name()), c.mutation().bytes());
        }
        List<String> problems = new ArrayList<>();
        ChildEngine child = ChildEngine.start(h.settings, Map.of(), "run", "--once", "--as-of", "2026-11-26");
        int code;
        try {
            code = child.await(RUN_TIMEOUT_MS);
        } catch (AssertionError hang) {
            problems.add("the engine hung (no end in " + RUN_TIMEOUT_MS + " ms) on batch " + batch + " of seed " + fuzzSeed
                    + "; the file in hand is the one after the last logged:\n" + tail(child.output())
                    + "\nits files: " + cases.stream().map(c -> c.describe(fuzzSeed, batch)).toList());
            return problems;
        }
        String out = child.output();
        if (Boolean.getBoolean("fuzz.verbose")) {
            System.out.println(out);
        }
        if ((code != 0 && code != 1) || out.contains("OutOfMemoryError") || out.contains("Exception in thread")) {
            problems.add("the engine crashed (exit " + code + ") on batch " + batch + " of seed " + fuzzSeed + ":\n"
                    + tail(out) + "\nits files: " + all.stream().map(c -> c.describe(fuzzSeed, batch)).toList());
            return problems;
        }
        Set<String> deals = new HashSet<>();
        h.query("SELECT crm_id FROM deal").forEach(r -> deals.add(r.get(0)));
        Map<String, JsonNode> report = new HashMap<>();
        for (JsonNode f : h.latestReport().path("files")) {
            report.put(f.path("source").asText() + "/" + f.path("name").asText(), f);
        }
        Map<String, Map<Long, String>> reference = new HashMap<>();
        for (Case c : references) {
            List<String> p = check(c, deals, report, Map.of());
            if (!p.isEmpty()) {
                problems.add("the undamaged seed " + c.seed().label + " did not pass: " + p);
            }
            reference.put(c.seed().label, outcomes(c, deals, report));
        }
        for (Case c : cases) {
            for (String p : check(c, deals, report, reference.get(c.seed().label))) {
                problems.add(c.describe(fuzzSeed, batch) + ": " + p);
            }
        }
        return problems;
    }

    /** Per record of the undamaged seed: stored, rejected, or neither (skipped by the rules). */
    private Map<Long, String> outcomes(Case c, Set<String> deals, Map<String, JsonNode> report) throws IOException {
        Set<Long> rejected = rejectPositions(c, report.get(c.seed().source + "/" + c.name()), new ArrayList<>());
        Map<Long, String> out = new HashMap<>();
        for (SeedFile.Rec r : c.seed().records(c.original(), scratch())) {
            out.put(r.position(), r.crmId() != null && deals.contains(r.crmId()) ? "stored"
                    : rejected.contains(r.position()) ? "rejected" : "neither");
        }
        return out;
    }

    private List<String> check(Case c, Set<String> deals, Map<String, JsonNode> report, Map<Long, String> reference)
            throws IOException {
        List<String> problems = new ArrayList<>();
        Path folder = c.seed().source.isEmpty() ? h.inbox() : h.inbox().resolve(c.seed().source);
        boolean done = Files.exists(folder.resolve(".done").resolve(c.name()));
        boolean failed = Files.exists(folder.resolve(".failed").resolve(c.name()));
        JsonNode entry = report.get(c.seed().source + "/" + c.name());
        if (!done && !failed) {
            problems.add("not settled in .done/ or .failed/ (inbox now: " + h.inboxListing() + ")");
            return problems;
        }
        if (entry == null) {
            problems.add("missing from the run report");
            return problems;
        }
        int damage = Mutator.firstDifference(c.original(), c.mutation().bytes());
        if (failed) {
            Path reason = folder.resolve(".failed").resolve(c.name() + ".reason.txt");
            if (!Files.exists(reason) || Files.readString(reason).isBlank()) {
                problems.add("failed without a reason beside it");
            }
            if (deals.stream().anyMatch(d -> d.startsWith(c.tag() + "-"))) {
                problems.add("failed, yet deals of it were stored");
            }
            int firstLine = Mutator.firstLineEnd(c.original());
            if (c.mutation().singlePoint() && damage >= firstLine) {
                problems.add("one spot of damage past the first line failed the whole file: " + entry.path("error").asText());
            }
            return problems;
        }
        long read = entry.path("read").asLong();
        long sum = entry.path("created").asLong() + entry.path("updated").asLong() + entry.path("unchanged").asLong()
                + entry.path("rejected").asLong() + entry.path("skipped").asLong();
        if (read != sum) {
            problems.add("read " + read + " != created + updated + unchanged + rejected + skipped = " + sum);
        }
        Set<Long> rejected = rejectPositions(c, entry, problems);
        if (rejected.size() > entry.path("rejected").asLong()) {
            problems.add("the reject file lists " + rejected.size() + " positions but the report counts "
                    + entry.path("rejected").asLong() + " rejects");
        }
        for (SeedFile.Rec r : c.seed().records(c.original(), scratch())) {
            if (r.end() > damage) {
                break;
            }
            String before = reference.getOrDefault(r.position(), "neither");
            if (before.equals("neither")) {
                continue; // skipped by the rules even when intact
            }
            boolean stored = r.crmId() != null && deals.contains(r.crmId());
            if (!stored && !rejected.contains(r.position())) {
                problems.add("record at " + r.position() + " (" + r.crmId() + ") lies wholly before the first damaged byte "
                        + damage + " but was neither stored nor rejected");
            }
        }
        return problems;
    }

    /** The positions in the file's reject file; a reject without a positive position is a problem. */
    private Set<Long> rejectPositions(Case c, JsonNode entry, List<String> problems) throws IOException {
        Set<Long> out = new HashSet<>();
        String rf = entry == null ? "" : entry.path("rejectFile").asText("");
        if (rf.isEmpty() || entry.path("rejectFile").isNull()) {
            return out;
        }
        Path p = Path.of(rf).isAbsolute() ? Path.of(rf) : Path.of("").toAbsolutePath().resolve(rf);
        if (c.seed().delimiter == 0) {
            try (BufferedReader r = Files.newBufferedReader(p)) {
                String line;
                while ((line = r.readLine()) != null) {
                    JsonNode n = JSON.readTree(line);
                    long pos = n.has("line") ? n.path("line").asLong() : n.path("index").asLong();
                    if (pos <= 0) {
                        problems.add("a reject line names no position: " + line.substring(0, Math.min(200, line.length())));
                    }
                    out.add(pos);
                }
            }
            return out;
        }
        Charset cs = c.seed().profile.charset();
        byte[] bytes = Files.readAllBytes(p);
        String text = new String(bytes, bytes.length >= 3 && bytes[0] == (byte) 0xEF ? java.nio.charset.StandardCharsets.UTF_8 : cs);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try (Reader r = new StringReader(text)) {
            for (CSVRecord rec : CSVFormat.Builder.create().setDelimiter(c.seed().delimiter).setHeader()
                    .setSkipHeaderRecord(true).get().parse(r)) {
                String line = rec.isMapped("Line") && rec.isSet("Line") ? rec.get("Line") : "";
                long pos = line.matches("\\d+") ? Long.parseLong(line) : -1;
                if (pos <= 0) {
                    problems.add("a reject row names no line (Line = '" + line + "')");
                }
                out.add(pos);
            }
        }
        return out;
    }

    private Path scratch() throws IOException {
        return Files.createDirectories(dir.resolve("scratch"));
    }

    private static String tail(String s) {
        return s.length() <= 4000 ? s : s.substring(s.length() - 4000);
    }
}
