package io.dealsync.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every run the reports folder holds, newest first: the list behind {@code reports/index.html} (with the trend
 * chart) and {@code dealsync report --list}. Read from the runs' JSON reports, so it survives a database reset.
 */
public final class RunIndex {
    public static final String INDEX = "index.html";
    private static final Logger LOG = LoggerFactory.getLogger(RunIndex.class);

    private RunIndex() {
    }

    /** The runs of {@code reportsDir}, newest first (an unreadable report is skipped with a warning). */
    public static List<RunSummary> runs(Path reportsDir) {
        List<RunSummary> out = new ArrayList<>();
        if (!Files.isDirectory(reportsDir)) {
            return out;
        }
        List<Path> jsons;
        try (Stream<Path> s = Files.list(reportsDir)) {
            jsons = s.filter(p -> p.getFileName().toString().endsWith(".json")
                    && !p.getFileName().toString().equals(ReportWriter.LATEST + ".json") && Files.isRegularFile(p)).toList();
        } catch (IOException e) {
            LOG.warn("Listing the run reports in {} failed: {}", reportsDir, e.getMessage());
            return out;
        }
        for (Path p : jsons) {
            try {
                JsonNode r = ReportWriter.mapper().readTree(p.toFile());
                RunSummary s = RunSummary.of(r);
                if (s != null) {
                    out.add(s);
                }
            } catch (IOException e) {
                LOG.warn("Skipping the unreadable run report {}: {}", p.getFileName(), e.getMessage());
            }
        }
        out.sort(Comparator.comparing(RunSummary::startedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(RunSummary::runId).reversed());
        return out;
    }

    /** Writes {@code reports/index.html} from the runs the folder holds. */
    public static Path write(Path reportsDir) throws IOException {
        Path index = reportsDir.resolve(INDEX);
        String html = Templates.render("report/index.jte", new IndexPage(runs(reportsDir)));
        ReportWriter.writeAtomically(index, html.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return index;
    }

    /**
     * {@code dealsync report --list}: one aligned line per run, newest first.
     *
     * @return 0, or 1 when the folder holds no run report
     */
    public static int print(Path reportsDir, PrintStream out) {
        List<RunSummary> runs = runs(reportsDir);
        if (runs.isEmpty()) {
            out.println("No run report in " + reportsDir + ": no run has written one yet.");
            return 1;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"RUN", "STARTED (UTC)", "MODE", "FILES", "READ", "REJECTED", "STATUS"});
        for (RunSummary r : runs) {
            rows.add(new String[] {r.runId(), r.when(), r.mode(), ReportWriter.count(r.files()),
                ReportWriter.count(r.read()), ReportWriter.count(r.rejected()), r.status()});
        }
        int[] w = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                w[i] = Math.max(w[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                boolean number = i >= 3 && i <= 5;
                String pad = " ".repeat(w[i] - row[i].length());
                sb.append(i == 0 ? "" : "  ").append(number ? pad + row[i] : row[i] + pad);
            }
            out.println(sb.toString().stripTrailing());
        }
        out.println(runs.size() + (runs.size() == 1 ? " run" : " runs") + "; all of them in "
                + reportsDir.resolve(INDEX));
        return 0;
    }
}
