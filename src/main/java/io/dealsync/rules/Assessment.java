package io.dealsync.rules;

/** A row of the analysts' assessment catalogue: a solution id that is a solution-assessment type. */
public record Assessment(String solutionId, String assessmentType) {
    // Getter-style names so DRL can write Assessment( solutionId == $id ).
    public String getSolutionId() { return solutionId; }
    public String getAssessmentType() { return assessmentType; }
}
