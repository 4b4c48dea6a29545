package io.dealsync.rulecases;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Finds and reads the case files of {@code rules/tests/}, and names them as the analyst sees them. */
public final class CaseFiles {
    /** The folder of {@code rules/tests/} that holds the valid deals cases start from. */
    static final String TEMPLATES = "templates";

    private CaseFiles() {
    }

    /** A problem in a case or template file: {@code file:line: message}. */
    public record Problem(String file, int line, String message) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + message;
        }
    }

    /** The cases of a folder and the problems found reading them. */
    public record Loaded(List<RuleCase> cases, List<Problem> problems) {
    }

    /** Reads every {@code .case} file under {@code rulesDir/tests} (not under templates/), in path order. */
    public static Loaded load(Path rulesDir) {
        Path tests = rulesDir.resolve("tests");
        List<RuleCase> cases = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        if (!Files.isDirectory(tests)) {
            problems.add(new Problem(display(rulesDir, tests), 0, "no tests folder"));
            return new Loaded(cases, problems);
        }
        CaseTemplates templates = new CaseTemplates(rulesDir, problems);
        List<Path> files;
        try (Stream<Path> s = Files.walk(tests)) {
            files = s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".case"))
                    .filter(p -> !tests.relativize(p).startsWith(TEMPLATES)).sorted().toList();
        } catch (IOException e) {
            problems.add(new Problem(display(rulesDir, tests), 0, "cannot be read: " + e.getMessage()));
            return new Loaded(cases, problems);
        }
        for (Path f : files) {
            String name = display(rulesDir, f);
            new CaseParser(name, templates, cases, problems).parse(lines(f, name, problems));
        }
        return new Loaded(cases, problems);
    }

    /** Parses the text of one case file (the templates are those of {@code rulesDir}). */
    public static Loaded parse(Path rulesDir, String displayName, String text) {
        List<RuleCase> cases = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        new CaseParser(displayName, new CaseTemplates(rulesDir, problems), cases, problems)
                .parse(List.of(text.split("\\R", -1)));
        return new Loaded(cases, problems);
    }

    /** A file as the analyst names it: {@code rules/tests/x.case}. */
    static String display(Path rulesDir, Path p) {
        return (rulesDir.getFileName() == null ? "" : rulesDir.getFileName() + "/")
                + rulesDir.relativize(p).toString().replace('\\', '/');
    }

    /** The lines of a file; none, and a problem, when it cannot be read. */
    static List<String> lines(Path f, String display, List<Problem> problems) {
        try {
            return Files.readAllLines(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add(new Problem(display, 0, "cannot be read: " + e.getMessage()));
            return List.of();
        }
    }
}
