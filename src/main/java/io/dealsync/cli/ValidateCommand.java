package io.dealsync.cli;

import io.dealsync.read.UnreadableFileException;
import io.dealsync.intake.DryRun;
import io.dealsync.intake.RunContext;
import io.dealsync.report.FileLedger;
import io.dealsync.report.ReportSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "validate", description = {"Dry run: read and judge files against the stored deals; nothing is written to the database.",
        "Prints the summary; with --rejects DIR also writes the reject and warning files there."})
final class ValidateCommand implements Callable<Integer> {
    @ParentCommand
    DealsyncCommand parent;

    @Parameters(arity = "1..*", paramLabel = "FILE")
    List<Path> files;

    @Option(names = "--source", description = "Read the files with this source's profile (default: from the file's folder under the inbox, else canonical).")
    String source;

    @Option(names = "--rejects", description = "Write reject and warning files into this folder.")
    Path rejectsDir;

    @Mixin
    AsOfOptions asOf;

    @Override
    public Integer call() throws Exception {
        return DealsyncCommand.withEngine(asOf.settings(parent), engine -> {
            RunContext run = new RunContext(engine.settings().asOf(), "validate");
            run.ledger().setRulesFingerprint(engine.rules().fingerprint());
            Path inbox = engine.settings().path("dealsync.inbox");
            int failed = 0;
            boolean rulesFailed = false;
            DryRun dryRun = new DryRun(engine);
            for (Path f : files) {
                Path abs = f.toAbsolutePath().normalize();
                String src = source != null ? source : sourceOf(abs, inbox);
                if (!Files.isRegularFile(abs)) {
                    System.err.println(f + ": no such file");
                    failed++;
                    continue;
                }
                try {
                    FileLedger l = dryRun.validate(abs, src, run.asOf(), rejectsDir);
                    run.ledger().addFile(l);
                } catch (io.dealsync.rules.RuleFailedException e) {
                    // issue 10: the rules are broken (exit 2); the other files are still tried
                    FileLedger l = new FileLedger(abs.getFileName().toString(), src);
                    l.setStatus(FileLedger.Status.failed);
                    l.setError(e.getMessage());
                    run.ledger().addFile(l);
                    System.err.println(f + ": " + e.getMessage());
                    rulesFailed = true;
                } catch (UnreadableFileException e) {
                    FileLedger l = new FileLedger(abs.getFileName().toString(), src);
                    l.setStatus(FileLedger.Status.failed);
                    l.setError(e.getMessage());
                    run.ledger().addFile(l);
                    System.err.println(f + ": cannot be read: " + e.getMessage());
                    failed++;
                }
            }
            run.ledger().setFinishedAt(java.time.Instant.now());
            System.out.println("Dry run: nothing was written to the database.");
            ReportSummary.print(run.ledger(), System.out);
            return rulesFailed ? DealsyncCommand.RULES_BROKEN : failed == 0 ? 0 : DealsyncCommand.FILE_FAILED;
        });
    }

    /** A file under inbox/<source>/ (or its .done/.failed) reads with that source's profile. */
    static String sourceOf(Path file, Path inbox) {
        Path dir = file.getParent();
        if (dir == null || !dir.startsWith(inbox)) {
            return "";
        }
        Path rel = inbox.relativize(dir);
        if (rel.getNameCount() == 0 || rel.getName(0).toString().startsWith(".")) {
            return "";
        }
        return rel.getName(0).toString();
    }
}
