package io.dealsync.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One deal's values, and the fact the rules judge. Analysts reach the columns by their canonical names, e.g.
 * {@code Deal( blank("Notes") )} or {@code Deal( changed("Location") )}, and raise a violation with
 * {@code $deal.violates("REQUIRED_FIELD", "Notes")}; {@code rules/README.md} lists the whole vocabulary.
 *
 * <p>The deal holds its values; what surrounds them lives beside it: the {@link EngineContext} the engine
 * judges it in (the stored deal, the as-of date), the {@link Findings} its rules raise, and the
 * {@link StoredIdentity} of its row. Values are kept as canonical text (dates yyyy-mm-dd, amounts plain);
 * typed views parse on demand, returning null where the text is not a value of that type, so a rule can
 * tell "absent" from "invalid".
 */
public final class Deal {
    public static final String DEFAULT_DIRECTION = "Outgoing";

    private final String[] values = new String[Field.values().length];
    private List<Solution> solutions = List.of();
    private List<TeamMember> team = List.of();
    private long line;
    // created when first needed: a deal as read or as stored has neither context nor findings
    private EngineContext context;
    private Findings findings;
    private StoredIdentity identity;

    public Deal() {
        Arrays.fill(values, "");
    }

    // ---------------------------------------------------------------- columns by name (for rules)

    /** The value of a column, by its canonical name (never null; "" when empty). */
    public String text(String column) { return get(field(column)); }
    public boolean blank(String column) { return text(column).isEmpty(); }
    public boolean present(String column) { return !blank(column); }

    /** The date in a column, or null when it is empty or not a date. */
    public LocalDate date(String column) { return Dates.parse(text(column)); }

    /** A column that holds something that is not a date. */
    public boolean invalidDate(String column) { return present(column) && date(column) == null; }

    /** The number in a column, or null when it is empty or not a number. */
    public BigDecimal amount(String column) { return Amounts.parse(text(column)); }

    /** The column holds a number greater than zero (R2: Estimated Deal Value). */
    public boolean positive(String column) {
        BigDecimal a = amount(column);
        return a != null && a.signum() > 0;
    }

    /** The column holds a date before the run's as-of date (R60). */
    public boolean dateBeforeAsOf(String column) {
        LocalDate d = date(column);
        return d != null && getAsOf() != null && d.isBefore(getAsOf());
    }

    /** The stored deal exists and this column's value differs from it. */
    public boolean changed(String column) {
        Field f = field(column);
        return getStored() != null && !getStored().get(f).equals(get(f));
    }

    /** The columns of {@code columns} that are blank, in order (a rule reports each: R1, R24). */
    public List<String> blankAmong(List<String> columns) { return among(columns, this::blank); }

    /** The columns of {@code columns} that hold something that is not a date, in order (R2). */
    public List<String> invalidDatesAmong(List<String> columns) { return among(columns, this::invalidDate); }

    /** The columns of {@code columns} whose value differs from the stored deal's, in order (R31). */
    public List<String> changedAmong(List<String> columns) { return among(columns, this::changed); }

    /** Most deals have none: no list is made for them, and a rule walking the answer finds nothing to walk. */
    private static List<String> among(List<String> columns, java.util.function.Predicate<String> test) {
        List<String> found = List.of();
        for (String c : columns) {
            if (test.test(c)) {
                if (found.isEmpty()) {
                    found = new ArrayList<>(2);
                }
                found.add(c);
            }
        }
        return found;
    }

    private static Field field(String column) {
        Field f = Field.byHeader(column);
        if (f == null) {
            throw new IllegalArgumentException(noSuchColumn(column));
        }
        return f;
    }

    /** The analyst's message for a column name that is no column: it names the closest one. */
    public static String noSuchColumn(String column) {
        String near = Field.closest(String.valueOf(column));
        return "\"" + column + "\" is not a column" + (near == null ? "" : " (did you mean \"" + near + "\"?)");
    }

    // ---------------------------------------------------------------- values (engine)

    public String get(Field f) { return values[f.ordinal()]; }

    public Deal set(Field f, String value) {
        values[f.ordinal()] = Canonical.of(f, value);
        return this;
    }

    /**
     * Takes a column's value from another deal as it stands: every value of a deal went through {@link #set},
     * and a canonical value is its own canonical form, so laying a record over its stored deal need not tidy
     * each value twice (a tenth of the rules' time on a first night).
     */
    public Deal setFrom(Field f, Deal other) {
        values[f.ordinal()] = other.values[f.ordinal()];
        return this;
    }

    public List<Solution> getSolutions() { return solutions; }

    public Deal setSolutions(List<Solution> solutions) {
        this.solutions = List.copyOf(solutions);
        return this;
    }

    public List<TeamMember> getTeam() { return team; }

    public Deal setTeam(List<TeamMember> team) {
        this.team = List.copyOf(team);
        return this;
    }

    /** Where the record starts in its file: the physical line (CSV, NDJSON) or the 1-based index (JSON array). */
    public long getLine() { return line; }
    public void setLine(long line) { this.line = line; }

    /** A copy of the values and of the stored row's identity (no engine context, no findings). */
    public Deal copyContent() {
        Deal d = new Deal();
        System.arraycopy(values, 0, d.values, 0, values.length);
        d.solutions = solutions;
        d.team = team;
        d.identity = identity == null ? null : identity.copy();
        return d;
    }

    // ---------------------------------------------------------------- keys

    public String getReferralId() { return get(Field.REFERRAL_ID); }
    public String getCrmId() { return get(Field.CRM_ID); }
    public String getPartnerId() { return get(Field.PARTNER_ID); }

    /** Every key of this deal, Referral ID first: {@code R:<referral id>}, {@code C:<partner id>\0<crm id>}. */
    public List<String> getKeys() { return keysOf(getReferralId(), getPartnerId(), getCrmId()); }

    /** The keys of a deal with these ids (empty ids give no key). */
    public static List<String> keysOf(String referralId, String partnerId, String crmId) {
        List<String> k = new ArrayList<>(2);
        if (!referralId.isEmpty()) {
            k.add("R:" + referralId);
        }
        if (!crmId.isEmpty()) {
            k.add("C:" + partnerId + "\u0000" + crmId);
        }
        return k;
    }

    // ---------------------------------------------------------------- status

    public String getStatus() { return get(Field.STATUS); }
    public String getSubstatus() { return get(Field.SUBSTATUS); }

    /** Status and substatus as one word, e.g. {@code "Active/Accepted"}, for the allowed-pairs table. */
    public String getStatusPair() { return getStatus() + "/" + getSubstatus(); }

    public String getDirection() {
        String d = get(Field.DIRECTION);
        return d.isEmpty() ? DEFAULT_DIRECTION : d;
    }

    public boolean isIncoming() { return "Incoming".equals(getDirection()); }
    public boolean isOutgoing() { return !isIncoming(); }
    public boolean isClosed() { return "Closed".equals(getStatus()); }
    // compared part by part: the rules and the store ask these of every deal, and a pair built each time was 0.4 GB a night
    public boolean isWon() { return is("Closed", "Won"); }
    public boolean isReceived() { return is("New", "Received") || is("New", "Pending"); }
    public boolean isAccepted() { return is("Active", "Accepted"); }

    private boolean is(String status, String substatus) {
        return status.equals(getStatus()) && substatus.equals(getSubstatus());
    }

    /** The seed's phase: Received, Accepted or Closed ("" when the status is unknown). */
    public String getPhase() {
        return switch (getStatus()) {
            case "New" -> "Received";
            case "Active" -> "Accepted";
            case "Closed" -> "Closed";
            default -> "";
        };
    }

    /** The Declined/Lost/Error reason as a number, or null when empty or not a whole number. */
    public Integer getReasonCodeNumber() {
        String s = get(Field.REASON_CODE);
        try {
            return s.isEmpty() ? null : Integer.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------- solutions, team and contact

    public int getSolutionCount() { return solutions.size(); }
    public List<String> getSolutionIds() { return solutions.stream().map(Solution::getId).toList(); }

    /** The first solution's id, or "" when there is none. */
    public String getSolutionId() { return solutions.isEmpty() ? "" : solutions.get(0).getId(); }

    public int getTeamSize() { return team.size(); }

    /** Every team member has first name, last name, phone and email, plausible ones. */
    public boolean isTeamPlausible() { return team.stream().allMatch(TeamMember::isPlausible); }

    /** "Team member N" for each listed member without first name, last name, a plausible phone and email (R4). */
    public List<String> getIncompleteTeamMembers() { return DealPeople.incompleteMembers(team); }

    /** What is wrong with a team member ("Team member 2", R4): "the phone is missing", parts joined by "; ". */
    public String teamMemberProblem(String member) { return DealPeople.memberProblem(team, member); }

    /** The customer's primary contact is complete, with a plausible phone and email. */
    public boolean isCustomerContactPlausible() { return DealPeople.contactPlausible(this); }

    /** The customer contact columns that are empty or not plausible (R3), in template order. */
    public List<String> getIncompleteContactColumns() { return DealPeople.incompleteContactColumns(this); }

    /** What is wrong with one column of the customer's primary contact (R3): "is missing", or the implausible value and the form expected. */
    public String contactProblem(String column) {
        Field f = field(column);
        return Contact.problem(f, get(f));
    }

    // ---------------------------------------------------------------- sales stages
    // The four middle stages as their date columns mark them (R40-R43); StageMarks says how each is worked out.
    public List<LocalDate> getStageMarks() { return StageMarks.dates(this); }
    public int getMarkedCount() { return StageMarks.markedCount(this); }
    public boolean isStagesOutOfOrder() { return StageMarks.outOfOrder(this); }
    public int getHighestMarkedStage() { return StageMarks.highestMarked(this); }
    public List<String> getUnmarkedStageColumns() { return StageMarks.unmarkedColumns(this); }
    public Map<String, String> getStageOrderProblems() { return StageMarks.orderProblems(this); }
    public List<String> getOutOfOrderStageColumns() { return new ArrayList<>(getStageOrderProblems().keySet()); }
    public String stageOrderProblem(String column) { return getStageOrderProblems().getOrDefault(field(column).header(), ""); }
    public boolean isStageMarkRegressed() { return StageMarks.regressed(this, getStored()); }
    public Map<String, String> getStageRegressions() { return StageMarks.regressions(this, getStored()); }
    public List<String> getRegressedStageColumns() { return new ArrayList<>(getStageRegressions().keySet()); }
    public String stageRegression(String column) { return getStageRegressions().getOrDefault(field(column).header(), ""); }

    /** The sales stage the engine stores: 100 when Won, else the highest marked stage, else 10. */
    public int getDerivedStage() {
        if (isWon()) {
            return 100;
        }
        int marked = getHighestMarkedStage();
        return marked == 0 ? 10 : marked;
    }

    // ---------------------------------------------------------------- engine context (EngineContext)

    /** The context the engine judges this deal in; created on first use (the engine's path only). */
    public EngineContext context() {
        if (context == null) {
            context = new EngineContext();
        }
        return context;
    }

    private EngineContext known() { return context == null ? EngineContext.NONE : context; }

    // what the engine worked out before the rules fire; EngineContext says what each means
    public Deal getStored() { return known().stored(); }
    public boolean isFirstSight() { return getStored() == null; }
    public LocalDate getAsOf() { return known().asOf(); }
    public Integer getReportedStage() { return known().reportedStage(); }
    public boolean isStageNameUnknown() { return known().stageNameUnknown(); }
    public long getDuplicateOfLine() { return known().duplicateOfLine(); }
    public boolean isDuplicateInFile() { return getDuplicateOfLine() > 0; }
    public boolean isPastAnswerWindow() { return known().pastAnswerWindow(); }
    public boolean isExpiryDue() { return known().expiryDue(); }
    public boolean isSolutionAssessment() { return known().solutionAssessment(); }

    /** The stored deal's substatus, or "" when the engine sees the deal for the first time. */
    public String getStoredSubstatus() { return isFirstSight() ? "" : getStored().getSubstatus(); }
    /** The stored deal's phase (Received, Accepted, Closed), or "" when the engine sees the deal for the first time. */
    public String getStoredPhase() { return isFirstSight() ? "" : getStored().getPhase(); }

    /** The status move this record makes, e.g. {@code "Received -> Won"} (substatus to substatus; "" when first seen). */
    public String getStatusMove() { return isFirstSight() ? "" : getStored().getSubstatus() + " -> " + getSubstatus(); }

    /** The stored deal exists and this record proposes exactly its content (a re-send). */
    public boolean isSameAsStored() { return !isFirstSight() && sameContentAs(getStored()); }

    /** The columns this record changes on the stored deal (plus "Solutions"/"Team"); empty when first seen. */
    public List<String> getChangedColumns() { return isFirstSight() ? List.of() : differences(getStored()); }

    /** The date the deal was received: Received Date, else Created Date, else the day it was first stored. */
    public LocalDate getReceivedOn() { return DealDates.receivedOn(this); }

    /** The date the deal was created: Created Date, else the day it was first stored (the as-of date when new). */
    public LocalDate getCreatedOn() { return DealDates.createdOn(this); }

    /** Hours from {@link #getCreatedOn()} to the as-of date (R61), in whole days; Long.MAX_VALUE when unknown. */
    public long getHoursSinceCreated() { return DealDates.hoursSinceCreated(this); }

    // ---------------------------------------------------------------- findings (Findings)

    /** Raise a violation of this record: a reason code from the reason-code table, and the column it is about. */
    public void violates(String code, String column) { violates(code, column, ""); }

    /** Raise a violation with a detail a person needs to fix it (e.g. "Received -> Won"); no personal data. */
    public void violates(String code, String column, String detail) { findings().add(code, column, detail); }

    public void violates(String code) { violates(code, ""); }

    /** The collector of what the rules raised about this deal. */
    public Findings findings() {
        if (findings == null) {
            findings = new Findings();
        }
        return findings;
    }

    // ---------------------------------------------------------------- stored row (StoredIdentity)

    private StoredIdentity identity() {
        if (identity == null) {
            identity = new StoredIdentity();
        }
        return identity;
    }

    /** The stored row's id (0: not stored). */
    public long getId() { return identity == null ? 0 : identity.id; }
    public void setId(long id) { identity().id = id; }
    /** Optimistic-lock version of the stored row. */
    public int getVersion() { return identity == null ? 0 : identity.version; }
    public void setVersion(int version) { identity().version = version; }
    /** The day the engine first stored the deal, or null. */
    public LocalDate getStoredOn() { return identity == null ? null : identity.storedOn; }
    public void setStoredOn(LocalDate storedOn) { identity().storedOn = storedOn; }

    // ---------------------------------------------------------------- comparison (DealDifferences)

    /** Same stored content as another deal: every column but the reported Sales Stage (the stored one is derived), and the same lists. */
    public boolean sameContentAs(Deal other) { return DealDifferences.sameContent(this, other); }

    /** The columns whose value differs from another deal's (Sales Stage by derived value), plus "Solutions"/"Team". */
    public List<String> differences(Deal other) { return DealDifferences.columns(this, other); }

    /** Ids and status only: a deal's toString may reach a log, contact data must not. */
    @Override
    public String toString() {
        return "Deal[referralId=" + getReferralId() + ", crmId=" + getCrmId() + ", partnerId=" + getPartnerId()
                + ", status=" + getStatusPair() + ", line=" + line + "]";
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
