package io.dealsync.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

/**
 * The compiled rule book: every {@code .drl} under {@code rules/} (but {@code rules/tests/}), compiled at
 * run time with drools-mvel, plus the reference tables of {@code rules/reference/}. Immutable: a reload
 * compiles a new RuleBook off to the side and swaps it in only when it compiled.
 */
public final class RuleBook {
    private static final String KIE_ROOT = "src/main/resources/";
    private static final AtomicInteger BUILDS = new AtomicInteger();

    private final Path rulesDir;
    private final KieBase kieBase;
    private final ReferenceData reference;
    private final String fingerprint;
    private final List<Path> drlFiles;
    private final String displayPrefix;
    private volatile java.util.Map<String, String> ruleLocations;

    private RuleBook(Path rulesDir, KieBase kieBase, ReferenceData reference, String fingerprint, List<Path> drlFiles,
            String displayPrefix) {
        this.rulesDir = rulesDir;
        this.displayPrefix = displayPrefix;
        this.kieBase = kieBase;
        this.reference = reference;
        this.fingerprint = fingerprint;
        this.drlFiles = drlFiles;
    }

    /**
     * Compiles the rules folder.
     *
     * @throws RulesException listing every problem as file:line:column: message, when anything does not compile or parse
     */
    public static RuleBook compile(Path rulesDir) {
        List<RuleProblem> problems = new ArrayList<>();
        Path dir = rulesDir.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new RulesException(List.of(new RuleProblem(rulesDir.toString(), 0, 0, "the rules folder does not exist")));
        }
        String prefix = display(rulesDir);
        ReferenceData reference = ReferenceData.load(dir.resolve("reference"), prefix + "reference/", problems);
        List<Path> drls = drlFiles(dir);
        if (drls.isEmpty()) {
            problems.add(new RuleProblem(prefix, 0, 0, "no .drl file found"));
        }
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        ReleaseId releaseId = ks.newReleaseId("io.dealsync", "rulebook", "1.0." + BUILDS.incrementAndGet());
        kfs.generateAndWritePomXML(releaseId);
        for (Path drl : drls) {
            String rel = dir.relativize(drl).toString().replace('\\', '/');
            byte[] text = read(drl);
            kfs.write(KIE_ROOT + rel, text);
            // Drools takes a misspelt column for a text; the rule would fail on the first deal of the night
            ColumnNameCheck.check(prefix + rel, new String(text, StandardCharsets.UTF_8), problems);
        }
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        java.util.Map<String, Long> perFile = errors.stream().collect(java.util.stream.Collectors.groupingBy(
                m -> String.valueOf(m.getPath()), java.util.stream.Collectors.counting()));
        java.util.Set<RuleProblem> compileProblems = new java.util.LinkedHashSet<>(); // each once
        for (Message m : errors) {
            String path = m.getPath() == null ? "" : m.getPath();
            if (path.startsWith(KIE_ROOT)) {
                path = path.substring(KIE_ROOT.length());
            }
            List<String> lines = path.isEmpty() ? List.of() : textLines(dir.resolve(path));
            compileProblems.addAll(DroolsMessages.explain(prefix + path, m.getLine(), m.getColumn(), m.getText(), lines,
                    perFile.get(String.valueOf(m.getPath())) > 1));
        }
        if (compileProblems.isEmpty() && !errors.isEmpty()) {
            errors.forEach(m -> compileProblems.add(new RuleProblem(prefix + m.getPath(), m.getLine(), m.getColumn(),
                    oneLine(m.getText()))));
        }
        problems.addAll(compileProblems);
        if (!problems.isEmpty()) {
            throw new RulesException(problems);
        }
        KieBase kieBase = ks.newKieContainer(releaseId).getKieBase();
        return new RuleBook(dir, kieBase, reference, fingerprint(dir), drls, prefix);
    }

    /**
     * The rules folder as a person names it, with a trailing slash: relative to the project home (or the
     * working folder) when it lies inside, e.g. {@code rules/}; else as given.
     */
    public static String display(Path rulesDir) {
        Path abs = rulesDir.toAbsolutePath().normalize();
        Path base = Path.of(System.getProperty("dealsync.home", System.getProperty("user.dir"))).toAbsolutePath().normalize();
        Path shown = abs.startsWith(base) && !abs.equals(base) ? base.relativize(abs) : rulesDir;
        String s = shown.toString().replace('\\', '/');
        return s.endsWith("/") ? s : s + "/";
    }

    /** Where a rule is written, {@code rules/creation.drl:30}, or "" when no file has it. */
    public String locate(String ruleName) {
        java.util.Map<String, String> m = ruleLocations;
        if (m == null) {
            m = new java.util.HashMap<>();
            for (Path drl : drlFiles) {
                String file = displayPrefix + rulesDir.relativize(drl).toString().replace('\\', '/');
                try {
                    List<String> lines = Files.readAllLines(drl, StandardCharsets.UTF_8);
                    for (int i = 0; i < lines.size(); i++) {
                        String name = DrlText.ruleName(lines.get(i));
                        if (name != null) {
                            m.putIfAbsent(name, file + ":" + (i + 1));
                        }
                    }
                } catch (IOException e) {
                    // the rule book compiled from it: a file gone since is named by nobody
                }
            }
            ruleLocations = m;
        }
        return m.getOrDefault(ruleName, "");
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    private static List<String> textLines(Path p) {
        try {
            return Files.readAllLines(p, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The .drl files of the rules folder, in path order; rules/tests/ holds test cases, not rules. */
    public static List<Path> drlFiles(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".drl"))
                    .filter(p -> !dir.relativize(p).startsWith("tests"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SHA-256 over every file that decides behaviour (all but tests/ and README files), first 16 hex digits. */
    public static String fingerprint(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                Path rel = dir.relativize(p);
                if (rel.startsWith("tests") || p.getFileName().toString().toLowerCase().startsWith("readme")) {
                    continue;
                }
                md.update(rel.toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(Files.readAllBytes(p));
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public KieBase kieBase() { return kieBase; }
    public ReferenceData reference() { return reference; }
    public String fingerprint() { return fingerprint; }
    public Path rulesDir() { return rulesDir; }
    public List<Path> drlFiles() { return drlFiles; }
}
