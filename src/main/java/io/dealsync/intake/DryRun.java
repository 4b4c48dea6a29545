package io.dealsync.intake;

import io.dealsync.read.FilePrecheck;
import io.dealsync.read.RecordReader;
import io.dealsync.read.RecordReaders;
import io.dealsync.read.SourceProfile;
import io.dealsync.read.UnreadableFileException;
import io.dealsync.review.RecordFileWriter;
import io.dealsync.review.ReviewerFileNames;
import io.dealsync.report.FileLedger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * {@code validate} (docs/operations.md "Commands"): a run's own {@link RecordPipeline} against the stored deals,
 * with the database writes left out ({@link DrySink}); the reject and warning files only where asked. An analyst
 * tries a rule change on last night's file.
 */
public final class DryRun {
    /** The run id in a reviewer file's name when its first choice is taken ({@code x.validate.rejects.csv}). */
    private static final String RUN_ID = "validate";

    private final FileIntake.Environment env;
    private final RecordPipeline pipeline;

    public DryRun(FileIntake.Environment env) {
        this.env = env;
        this.pipeline = new RecordPipeline(env, Progress.none());
    }

    /**
     * Judges one file as a run would, as of {@code asOf}.
     *
     * @param rejectsDir where its reject and warning files go, or null for none
     * @throws UnreadableFileException when the file cannot be read at all
     */
    public FileLedger validate(Path file, String source, LocalDate asOf, Path rejectsDir)
            throws IOException, UnreadableFileException {
        long start = System.nanoTime();
        String name = file.getFileName().toString();
        FileLedger ledger = new FileLedger(name, source);
        SourceProfile profile = env.profileFor(source);
        FilePrecheck.Result pre = FilePrecheck.check(file, profile);
        ledger.setSha256(pre.sha256());
        if (pre.problem() != null) {
            throw new UnreadableFileException(pre.problem());
        }
        ReviewerFiles.Plan reviewerFiles = plan(rejectsDir, name);
        try (RecordReader reader = RecordReaders.open(file, profile)) {
            pipeline.run(reader, profile, ledger,
                    new RecordPipeline.Pass(env.rules(), asOf, 0, reviewerFiles, new DrySink()));
        }
        ledger.setDurationMs((System.nanoTime() - start) / 1_000_000);
        return ledger;
    }

    /** The reviewer files under {@code rejectsDir} (the folder itself made at once), named as they are shown. */
    private static ReviewerFiles.Plan plan(Path rejectsDir, String name) throws IOException {
        if (rejectsDir == null) {
            return ReviewerFiles.Plan.NONE;
        }
        Files.createDirectories(rejectsDir);
        RecordReader.Kind kind = RecordReaders.kindOf(name); // a workbook is rows, like CSV
        return new ReviewerFiles.Plan(
                ReviewerFileNames.choose(rejectsDir, name, RecordFileWriter.Kind.REJECTS.suffix(kind), RUN_ID),
                ReviewerFileNames.choose(rejectsDir, name, RecordFileWriter.Kind.WARNINGS.suffix(kind), RUN_ID),
                ReviewerFiles.Offsets.START, Path::toString);
    }
}
