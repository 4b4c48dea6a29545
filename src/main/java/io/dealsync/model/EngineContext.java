package io.dealsync.model;

import java.time.LocalDate;

/**
 * What the engine tells the rules about one record beyond its values: the deal as stored before it, the
 * run's as-of date, and what the engine worked out before the rules fire (the reported stage, the
 * duplicate in the file, the answer window). The rules read it through the deal's vocabulary
 * ({@code stored}, {@code asOf}, {@code duplicateInFile}, {@code expiryDue}: {@code rules/README.md}).
 */
public final class EngineContext {
    /** The context of a deal no engine judges (as read, or as stored): nothing known. Never handed out to change. */
    static final EngineContext NONE = new EngineContext();

    private Deal stored;
    private LocalDate asOf;
    private Integer reportedStage;
    private boolean stageNameUnknown;
    private long duplicateOfLine;
    private boolean expiryDue;
    private boolean pastAnswerWindow;
    private boolean solutionAssessment;

    /** The deal as stored before this record, or null when the engine sees it for the first time. */
    public Deal stored() { return stored; }
    public EngineContext stored(Deal stored) { this.stored = stored; return this; }

    /** The run's as-of date (the day "today" is for the rules). */
    public LocalDate asOf() { return asOf; }
    public EngineContext asOf(LocalDate asOf) { this.asOf = asOf; return this; }

    /** The Sales Stage sent, as a percentage after the stage-name mapping; null when not given or unmapped. */
    public Integer reportedStage() { return reportedStage; }
    public EngineContext reportedStage(Integer reportedStage) { this.reportedStage = reportedStage; return this; }

    /** The Sales Stage sent is a name the stage-name mapping does not know (R44). */
    public boolean stageNameUnknown() { return stageNameUnknown; }
    public EngineContext stageNameUnknown(boolean unknown) { this.stageNameUnknown = unknown; return this; }

    /** The line of the earlier record of the same deal in this file, or 0 (R9). */
    public long duplicateOfLine() { return duplicateOfLine; }
    public EngineContext duplicateOfLine(long line) { this.duplicateOfLine = line; return this; }

    /** The deal, Received, has passed its answer window by the as-of date (R50, R52). */
    public boolean expiryDue() { return expiryDue; }
    public EngineContext expiryDue(boolean due) { this.expiryDue = due; return this; }

    /** Its received date plus the answer window lies before the as-of date, whatever its status. */
    public boolean pastAnswerWindow() { return pastAnswerWindow; }
    public EngineContext pastAnswerWindow(boolean past) { this.pastAnswerWindow = past; return this; }

    /** Deal Type says Solution Assessment, or a solution is in the assessment catalogue: the engine's to judge. */
    public boolean solutionAssessment() { return solutionAssessment; }
    public EngineContext solutionAssessment(boolean sa) { this.solutionAssessment = sa; return this; }
}
