package io.dealsync.review;

import java.nio.file.Files;
import java.nio.file.Path;

/** The names of the reviewer's files beside an input file: free, stable over round trips, inside their folder. */
public final class ReviewerFileNames {
    private ReviewerFileNames() {
    }

    /**
     * A free name in {@code dir} for the reviewer file of {@code inputFileName}:
     * {@code <input name without extension><suffix>}, else {@code <base>.<runId><suffix>}, else
     * {@code <base>.<runId>-2<suffix>}, ... The input's own {@code .rejects} / {@code .warnings} and run id
     * are dropped from the base, so names do not grow over round trips. A name counts as taken when the file or its {@code .part}
     * exists, so an earlier file (or one still being written) is never overwritten. Only the last
     * segment of {@code inputFileName} is used, so a name cannot point outside {@code dir}.
     */
    public static Path choose(Path dir, String inputFileName, String suffix, String runId) {
        String base = baseName(inputFileName);
        Path first = dir.resolve(base + suffix);
        if (free(first)) {
            return first;
        }
        String run = safeSegment(runId == null || runId.isBlank() ? "run" : runId);
        Path second = dir.resolve(base + "." + run + suffix);
        for (int n = 2; !free(second); n++) {
            second = dir.resolve(base + "." + run + "-" + n + suffix);
        }
        return second;
    }

    static String baseName(String inputFileName) {
        String name = inputFileName == null ? "" : inputFileName;
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            name = name.substring(0, dot);
        }
        name = name.replace("\0", "");
        java.util.regex.Matcher own = OWN_SUFFIX.matcher(name);
        if (own.matches()) {
            name = own.group(1); // a reviewer file read back: x.rejects.csv gives x.rejects.csv again, not x.rejects.rejects.csv
        }
        if (name.isBlank() || name.equals(".") || name.equals("..")) {
            return "file";
        }
        return name;
    }

    /** {@code <base>[.<run id>[-n]].rejects} or {@code .warnings}: the name of a reviewer file of this writer. */
    private static final java.util.regex.Pattern OWN_SUFFIX = java.util.regex.Pattern.compile(
            "(.+?)(?:\\.\\d{8}T\\d{6}Z-[0-9a-f]{4}(?:-\\d+)?)?\\.(?:rejects|warnings)", java.util.regex.Pattern.CASE_INSENSITIVE);

    private static String safeSegment(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /**
     * A name is taken once a finished file has it. A lone {@code .part} is what a killed run left behind
     * before its database knew the name (the engine resumes a known one with its recorded offset), so it
     * does not keep the name: opening at offset 0 discards it.
     */
    private static boolean free(Path p) {
        return !Files.exists(p);
    }
}
