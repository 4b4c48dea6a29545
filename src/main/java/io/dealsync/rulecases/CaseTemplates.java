package io.dealsync.rulecases;

import io.dealsync.rulecases.CaseFiles.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The shipped valid deals of {@code rules/tests/templates/NAME.deal}, each read once per run. */
final class CaseTemplates {
    private final Path rulesDir;
    private final Path dir;
    private final List<Problem> problems;
    private final Map<String, CaseDeal> read = new HashMap<>();

    /** The templates of a rules folder; problems reading them go to {@code problems}. */
    CaseTemplates(Path rulesDir, List<Problem> problems) {
        this.rulesDir = rulesDir;
        this.dir = rulesDir.resolve("tests").resolve(CaseFiles.TEMPLATES);
        this.problems = problems;
    }

    /** The template of that name, or null when there is none. */
    CaseDeal get(String name) {
        if (!name.matches("[A-Za-z0-9_.-]+") || name.startsWith(".")) {
            return null; // a name, not a path
        }
        return read.computeIfAbsent(name, this::load);
    }

    private CaseDeal load(String name) {
        Path f = dir.resolve(name + ".deal");
        if (!Files.isRegularFile(f)) {
            return null;
        }
        String file = CaseFiles.display(rulesDir, f);
        CaseDeal d = new CaseDeal();
        List<String> lines = CaseFiles.lines(f, file, problems);
        for (int i = 0; i < lines.size(); i++) {
            String raw = lines.get(i).strip();
            if (raw.isEmpty() || raw.startsWith("#")) {
                continue;
            }
            CaseLine line = CaseLine.of(i + 1, raw);
            try {
                if (line.key() == null) {
                    throw new IllegalArgumentException("expected 'Column Name: value'");
                }
                d.set(line.key(), line.value());
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(file, i + 1, e.getMessage()));
            }
        }
        return d;
    }

    /** The names of the templates that read, sorted. */
    List<String> list() {
        List<String> names = fileNames();
        return names == null ? List.of() : names.stream().filter(n -> get(n) != null).toList();
    }

    /** Every template file's name, for a message that names a missing one. */
    String names() {
        List<String> names = fileNames();
        return names == null ? "none" : String.join(", ", names);
    }

    /** The names of the {@code .deal} files, sorted; null when the folder cannot be listed. */
    private List<String> fileNames() {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".deal"))
                    .map(n -> n.substring(0, n.length() - 5)).sorted().toList();
        } catch (IOException e) {
            return null;
        }
    }
}
