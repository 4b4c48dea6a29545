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

    private RuleBook(Path rulesDir, KieBase kieBase, ReferenceData reference, String fingerprint, List<Path> drlFiles) {
        this.rulesDir = rulesDir;
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
            kfs.write(KIE_ROOT + dir.relativize(drl).toString().replace('\\', '/'), read(drl));
        }
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
        for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
            String path = m.getPath() == null ? "" : m.getPath();
            if (path.startsWith(KIE_ROOT)) {
                path = path.substring(KIE_ROOT.length());
            }
            problems.add(new RuleProblem(prefix + path, m.getLine(), m.getColumn(), oneLine(m.getText())));
        }
        if (!problems.isEmpty()) {
            throw new RulesException(problems);
        }
        KieBase kieBase = ks.newKieContainer(releaseId).getKieBase();
        return new RuleBook(dir, kieBase, reference, fingerprint(dir), drls);
    }

    private static String display(Path rulesDir) {
        String s = rulesDir.toString().replace('\\', '/');
        return s.endsWith("/") ? s : s + "/";
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ").strip();
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
