package io.dealsync.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The fact the rules judge: one deal as a record proposes it (the incoming snapshot laid over the deal
 * already stored), with the stored deal beside it. Analysts reach the columns by their canonical names,
 * e.g. {@code Deal( blank("Notes") )} or {@code Deal( changed("Location") )}, and raise a violation
 * with {@code $deal.violates("REQUIRED_FIELD", "Notes")}.
 *
 * <p>Values are kept as canonical text (dates yyyy-mm-dd, amounts plain); typed views parse on demand,
 * returning null where the text is not a value of that type, so a rule can tell "absent" from "invalid".
 */
public final class Deal {
    public static final String DEFAULT_DIRECTION = "Outgoing";

    private final String[] values = new String[Field.values().length];
    private List<Solution> solutions = List.of();
    private List<TeamMember> team = List.of();

    // Context the engine gives the rules.
    private Deal stored;
    private long line;
    private LocalDate asOf;
    private Integer reportedStage;
    private boolean stageNameUnknown;
    private long duplicateOfLine;
    private boolean expiryDue;
    private boolean solutionAssessment;

    // Stored-side bookkeeping.
    private long id;
    private int version;
    private LocalDate storedOn;

    private final List<String[]> raised = new ArrayList<>(2);

    public Deal() {
        Arrays.fill(values, "");
    }

    // ---------------------------------------------------------------- columns by name (for rules)

    /** The value of a column, by its canonical name (never null; "" when empty). */
    public String text(String column) {
        return get(field(column));
    }

    public boolean blank(String column) {
        return text(column).isEmpty();
    }

    public boolean present(String column) {
        return !blank(column);
    }

    /** The date in a column, or null when it is empty or not a date. */
    public LocalDate date(String column) {
        return Dates.parse(text(column));
    }

    /** A column that holds something that is not a date. */
    public boolean invalidDate(String column) {
        return present(column) && date(column) == null;
    }

    /** The number in a column, or null when it is empty or not a number. */
    public BigDecimal amount(String column) {
        return Amounts.parse(text(column));
    }

    /** The stored deal exists and this column's value differs from it. */
    public boolean changed(String column) {
        Field f = field(column);
        return stored != null && !stored.get(f).equals(get(f));
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

    // ---------------------------------------------------------------- raw access (engine)

    public String get(Field f) {
        return values[f.ordinal()];
    }

    public Deal set(Field f, String value) {
        values[f.ordinal()] = Canonical.of(f, value);
        return this;
    }

    public List<Solution> getSolutions() {
        return solutions;
    }

    public Deal setSolutions(List<Solution> solutions) {
        this.solutions = List.copyOf(solutions);
        return this;
    }

    public List<TeamMember> getTeam() {
        return team;
    }

    public Deal setTeam(List<TeamMember> team) {
        this.team = List.copyOf(team);
        return this;
    }

    // ---------------------------------------------------------------- identity

    public String getReferralId() { return get(Field.REFERRAL_ID); }
    public String getCrmId() { return get(Field.CRM_ID); }
    public String getPartnerId() { return get(Field.PARTNER_ID); }

    /** The key that finds this deal: its Referral ID, else PartnerID + CRM ID, else null (R8). */
    public String getKey() {
        List<String> keys = getKeys();
        return keys.isEmpty() ? null : keys.get(0);
    }

    /** Every key of this deal, Referral ID first: {@code R:<referral id>}, {@code C:<partner id>\0<crm id>}. */
    public List<String> getKeys() {
        return keysOf(getReferralId(), getPartnerId(), getCrmId());
    }

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
    public String getStatusPair() {
        return getStatus() + "/" + getSubstatus();
    }

    public String getDirection() {
        String d = get(Field.DIRECTION);
        return d.isEmpty() ? DEFAULT_DIRECTION : d;
    }

    public boolean isIncoming() { return "Incoming".equals(getDirection()); }
    public boolean isOutgoing() { return !isIncoming(); }
    public boolean isClosed() { return "Closed".equals(getStatus()); }
    public boolean isWon() { return "Closed/Won".equals(getStatusPair()); }
    public boolean isReceived() { return "New/Received".equals(getStatusPair()) || "New/Pending".equals(getStatusPair()); }
    public boolean isAccepted() { return "Active/Accepted".equals(getStatusPair()); }

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

    // ---------------------------------------------------------------- solutions and team

    public int getSolutionCount() {
        return solutions.size();
    }

    public List<String> getSolutionIds() {
        List<String> ids = new ArrayList<>(solutions.size());
        for (Solution s : solutions) {
            ids.add(s.getId());
        }
        return ids;
    }

    /** The first solution's id, or "" when there is none. */
    public String getSolutionId() {
        return solutions.isEmpty() ? "" : solutions.get(0).getId();
    }

    public int getTeamSize() {
        return team.size();
    }

    /** Every team member has first name, last name, phone and email, plausible ones. */
    public boolean isTeamPlausible() {
        return team.stream().allMatch(TeamMember::isPlausible);
    }

    /** The customer's primary contact is complete, with a plausible phone and email. */
    public boolean isCustomerContactPlausible() {
        return new TeamMember(get(Field.CONTACT_FIRST_NAME), get(Field.CONTACT_LAST_NAME), get(Field.CONTACT_PHONE),
                get(Field.CONTACT_EMAIL)).isPlausible();
    }

    // ---------------------------------------------------------------- sales stages

    /** The marking dates of the four middle stages in order (null where unmarked or not a date). */
    public List<LocalDate> getStageMarks() {
        List<LocalDate> marks = new ArrayList<>(4);
        for (Field f : Field.STAGE_MARKS) {
            marks.add(Dates.parse(get(f)));
        }
        return Collections.unmodifiableList(marks);
    }

    /** How many of the four middle stages are marked. */
    public int getMarkedCount() {
        int n = 0;
        for (Field f : Field.STAGE_MARKS) {
            if (!get(f).isEmpty()) {
                n++;
            }
        }
        return n;
    }

    /** A stage is marked while an earlier one is not, or a marking date is before an earlier stage's. */
    public boolean isStagesOutOfOrder() {
        boolean gap = false;
        LocalDate previous = null;
        for (Field f : Field.STAGE_MARKS) {
            String text = get(f);
            if (text.isEmpty()) {
                gap = true;
                continue;
            }
            if (gap) {
                return true;
            }
            LocalDate d = Dates.parse(text);
            if (d != null && previous != null && d.isBefore(previous)) {
                return true;
            }
            if (d != null) {
                previous = d;
            }
        }
        return false;
    }

    /** The percentage of the highest marked stage, or 0 when none is marked. */
    public int getHighestMarkedStage() {
        for (int i = Field.STAGE_MARKS.size() - 1; i >= 0; i--) {
            if (!get(Field.STAGE_MARKS.get(i)).isEmpty()) {
                return Field.STAGE_MARK_PERCENT[i];
            }
        }
        return 0;
    }

    /** The sales stage the engine stores: 100 when Won, else the highest marked stage, else 10. */
    public int getDerivedStage() {
        if (isWon()) {
            return 100;
        }
        int marked = getHighestMarkedStage();
        return marked == 0 ? 10 : marked;
    }

    /** The Sales Stage the record reports, as a percentage after the stage-name mapping; null when not given or unmapped. */
    public Integer getReportedStage() { return reportedStage; }
    public void setReportedStage(Integer reportedStage) { this.reportedStage = reportedStage; }

    /** The record's Sales Stage is a name the stage-name mapping does not know (R44). */
    public boolean isStageNameUnknown() { return stageNameUnknown; }
    public void setStageNameUnknown(boolean stageNameUnknown) { this.stageNameUnknown = stageNameUnknown; }

    /** A stage marked in the stored deal is unmarked or redated here (R43). */
    public boolean isStageMarkRegressed() {
        if (stored == null) {
            return false;
        }
        for (Field f : Field.STAGE_MARKS) {
            String before = stored.get(f);
            if (!before.isEmpty() && !before.equals(get(f))) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- engine context

    /** The deal as stored before this record, or null when the engine sees it for the first time. */
    public Deal getStored() { return stored; }
    public void setStored(Deal stored) { this.stored = stored; }

    public boolean isFirstSight() { return stored == null; }

    /** Where the record starts in its file: the physical line (CSV, NDJSON) or the 1-based index (JSON array). */
    public long getLine() { return line; }
    public void setLine(long line) { this.line = line; }

    /** The run's as-of date. */
    public LocalDate getAsOf() { return asOf; }
    public void setAsOf(LocalDate asOf) { this.asOf = asOf; }

    /** Line of the earlier record of the same deal in this file, or 0 (R9). */
    public long getDuplicateOfLine() { return duplicateOfLine; }
    public void setDuplicateOfLine(long duplicateOfLine) { this.duplicateOfLine = duplicateOfLine; }
    public boolean isDuplicateInFile() { return duplicateOfLine > 0; }

    private boolean pastAnswerWindow;

    /** Its received date plus the answer window lies before the as-of date, whatever its status. */
    public boolean isPastAnswerWindow() { return pastAnswerWindow; }
    public void setPastAnswerWindow(boolean pastAnswerWindow) { this.pastAnswerWindow = pastAnswerWindow; }

    /** The deal, Received, has passed its answer window by the as-of date (R50, R52). */
    public boolean isExpiryDue() { return expiryDue; }
    public void setExpiryDue(boolean expiryDue) { this.expiryDue = expiryDue; }

    /** Deal Type says Solution Assessment, or a solution is in the assessment catalogue. */
    public boolean isSolutionAssessment() { return solutionAssessment; }
    public void setSolutionAssessment(boolean solutionAssessment) { this.solutionAssessment = solutionAssessment; }

    /** The date the deal was received: Received Date, else Created Date, else the day it was first stored. */
    public LocalDate getReceivedOn() {
        LocalDate d = Dates.parse(get(Field.RECEIVED_DATE));
        if (d == null) {
            d = Dates.parse(get(Field.CREATED_DATE));
        }
        if (d == null) {
            d = storedOn != null ? storedOn : stored != null ? stored.getStoredOn() : null;
        }
        return d;
    }

    /** The date the deal was created: Created Date, else the day it was first stored. */
    public LocalDate getCreatedOn() {
        LocalDate d = Dates.parse(get(Field.CREATED_DATE));
        if (d == null) {
            d = storedOn != null ? storedOn : stored != null ? stored.getStoredOn() : asOf;
        }
        return d;
    }

    /** Optimistic-lock version of the stored row (engine bookkeeping). */
    public int getVersion() { return version; }
    public void setVersion(int version) { this.version = version; }
    public long getId() { return id; }
    public void setId(long id) { this.id = id; }
    public LocalDate getStoredOn() { return storedOn; }
    public void setStoredOn(LocalDate storedOn) { this.storedOn = storedOn; }

    // ---------------------------------------------------------------- violations

    /** Raise a violation of this record: a reason code from the reason-code table, and the column it is about. */
    public void violates(String code, String column) {
        violates(code, column, "");
    }

    /** Raise a violation with a detail a person needs to fix it (e.g. "Received -> Won"); no personal data. */
    public void violates(String code, String column, String detail) {
        if (column != null && !Field.isReportable(column)) {
            throw new IllegalArgumentException(noSuchColumn(column)); // a typo would name no column of the reject row
        }
        raised.add(new String[] {code, column == null ? "" : column, detail == null ? "" : detail});
    }

    public void violates(String code) {
        violates(code, "");
    }

    /** What the rules raised, as (code, column, detail) triples, in firing order. */
    public List<String[]> getRaised() {
        return raised;
    }

    public boolean hasRaised(String code) {
        for (String[] r : raised) {
            if (r[0].equals(code)) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- analyst helpers (rules/README.md lists them)

    /** The column holds a number greater than zero (R2: Estimated Deal Value). */
    public boolean positive(String column) {
        BigDecimal a = amount(column);
        return a != null && a.signum() > 0;
    }

    /** The column holds a date before the run's as-of date (R60). */
    public boolean dateBeforeAsOf(String column) {
        LocalDate d = date(column);
        return d != null && asOf != null && d.isBefore(asOf);
    }

    /**
     * Hours from {@link #getCreatedOn()} to the as-of date (R61), counted in whole days (dates have no time of
     * day): 72 is three days. Long.MAX_VALUE when either date is unknown.
     */
    public long getHoursSinceCreated() {
        LocalDate created = getCreatedOn();
        if (created == null || asOf == null) {
            return Long.MAX_VALUE;
        }
        return java.time.temporal.ChronoUnit.DAYS.between(created, asOf) * 24;
    }

    /** The stored deal's substatus, or "" when the engine sees the deal for the first time. */
    public String getStoredSubstatus() {
        return stored == null ? "" : stored.getSubstatus();
    }

    /** The stored deal's phase (Received, Accepted, Closed), or "" when the engine sees the deal for the first time. */
    public String getStoredPhase() {
        return stored == null ? "" : stored.getPhase();
    }

    /** The status move this record makes, e.g. {@code "Received -> Won"} (substatus to substatus; "" when first seen). */
    public String getStatusMove() {
        return stored == null ? "" : stored.getSubstatus() + " -> " + getSubstatus();
    }

    /** The columns this record changes on the stored deal (plus "Solutions"/"Team"); empty when first seen. */
    public List<String> getChangedColumns() {
        return stored == null ? List.of() : differences(stored);
    }

    /** The customer contact columns that are empty or not plausible (R3), in template order. */
    public List<String> getIncompleteContactColumns() {
        List<String> out = new ArrayList<>(4);
        for (Field f : List.of(Field.CONTACT_FIRST_NAME, Field.CONTACT_LAST_NAME)) {
            if (get(f).isEmpty()) {
                out.add(f.header());
            }
        }
        if (!Contact.isPlausiblePhone(get(Field.CONTACT_PHONE))) {
            out.add(Field.CONTACT_PHONE.header());
        }
        if (!Contact.isPlausibleEmail(get(Field.CONTACT_EMAIL))) {
            out.add(Field.CONTACT_EMAIL.header());
        }
        return out;
    }

    /** What is wrong with one column of the customer's primary contact (R3): "is missing", or the implausible value and the form expected. */
    public String contactProblem(String column) {
        Field f = field(column);
        String v = get(f);
        if (v.isEmpty()) {
            return "is missing";
        }
        if (f == Field.CONTACT_PHONE && !Contact.isPlausiblePhone(v)) {
            return "'" + v + "' is not a plausible phone (" + Contact.PHONE_FORM + ")";
        }
        if (f == Field.CONTACT_EMAIL && !Contact.isPlausibleEmail(v)) {
            return "'" + v + "' is not a plausible email (" + Contact.EMAIL_FORM + ")";
        }
        return "";
    }

    /** What is wrong with a team member ("Team member 2", R4): "the phone is missing", parts joined by "; ". */
    public String teamMemberProblem(String member) {
        int n = Field.listIndex(member, Field.TEAM_PREFIX);
        if (n < 1 || n > team.size()) {
            return "is missing";
        }
        TeamMember m = team.get(n - 1);
        List<String> parts = new ArrayList<>(4);
        if (m.getFirstName().isEmpty()) {
            parts.add("the first name is missing");
        }
        if (m.getLastName().isEmpty()) {
            parts.add("the last name is missing");
        }
        if (m.getPhone().isEmpty()) {
            parts.add("the phone is missing");
        } else if (!Contact.isPlausiblePhone(m.getPhone())) {
            parts.add("the phone '" + m.getPhone() + "' is not plausible (" + Contact.PHONE_FORM + ")");
        }
        if (m.getEmail().isEmpty()) {
            parts.add("the email is missing");
        } else if (!Contact.isPlausibleEmail(m.getEmail())) {
            parts.add("the email '" + m.getEmail() + "' is not plausible (" + Contact.EMAIL_FORM + ")");
        }
        return String.join("; ", parts);
    }

    /** The stage date columns left empty, in stage order (R41: Won needs all four). */
    public List<String> getUnmarkedStageColumns() {
        List<String> out = new ArrayList<>(4);
        for (Field f : Field.STAGE_MARKS) {
            if (get(f).isEmpty()) {
                out.add(f.header());
            }
        }
        return out;
    }

    /**
     * The stage date columns out of order (R40), each with why: marked while an earlier stage is not, or
     * dated before an earlier stage. The other column is written {@code {column:Name}}, so the message names
     * it as the reviewer's file does.
     */
    public java.util.Map<String, String> getStageOrderProblems() {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        Field firstGap = null;
        Field previous = null;
        LocalDate previousDate = null;
        for (Field f : Field.STAGE_MARKS) {
            String text = get(f);
            if (text.isEmpty()) {
                firstGap = firstGap == null ? f : firstGap;
                continue;
            }
            LocalDate d = Dates.parse(text);
            if (firstGap != null) {
                out.put(f.header(), "is marked while {column:" + firstGap.header() + "} is empty");
                firstGap = null; // once per gap: the later marks follow from this one
            } else if (d != null && previousDate != null && d.isBefore(previousDate)) {
                out.put(f.header(), "(" + d + ") is before {column:" + previous.header() + "} (" + previousDate + ")");
            }
            if (d != null) {
                previous = f;
                previousDate = d;
            }
        }
        return out;
    }

    /** The stage date columns out of order (R40), in stage order. */
    public List<String> getOutOfOrderStageColumns() {
        return new ArrayList<>(getStageOrderProblems().keySet());
    }

    /** Why a stage date column is out of order (R40), "" when it is not. */
    public String stageOrderProblem(String column) {
        return getStageOrderProblems().getOrDefault(field(column).header(), "");
    }

    /** The stage date columns marked in the stored deal and now empty or redated (R43), in stage order. */
    public List<String> getRegressedStageColumns() {
        return new ArrayList<>(getStageRegressions().keySet());
    }

    /** What changed in a stage date column marked in the stored deal (R43), "" when nothing. */
    public String stageRegression(String column) {
        return getStageRegressions().getOrDefault(field(column).header(), "");
    }

    /** The stage date columns marked in the stored deal and now empty or redated (R43), each with what changed. */
    public java.util.Map<String, String> getStageRegressions() {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        if (stored == null) {
            return out;
        }
        for (Field f : Field.STAGE_MARKS) {
            String before = stored.get(f);
            String now = get(f);
            if (!before.isEmpty() && !before.equals(now)) {
                out.put(f.header(), "was marked on " + before + (now.isEmpty() ? ", now empty" : ", now " + now));
            }
        }
        return out;
    }

    /** "Team member N" for each listed member without first name, last name, a plausible phone and email (R4). */
    public List<String> getIncompleteTeamMembers() {
        List<String> out = new ArrayList<>(0);
        for (int i = 0; i < team.size(); i++) {
            if (!team.get(i).isPlausible()) {
                out.add(Field.TEAM_PREFIX + (i + 1));
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- comparison

    /** The stored deal exists and this record proposes exactly its content (a re-send). */
    public boolean isSameAsStored() {
        return stored != null && sameContentAs(stored);
    }

    /** Same stored content as another deal: every column but the reported Sales Stage (the stored one is derived), and the same lists. */
    public boolean sameContentAs(Deal other) {
        for (Field f : Field.values()) {
            if (f != Field.SALES_STAGE && !sameValue(f, other)) {
                return false;
            }
        }
        return solutions.equals(other.solutions) && team.equals(other.team);
    }

    /**
     * One column as another deal's. A Received Date against an Incoming deal that has neither Received nor
     * Created Date is the same when it is the day that deal counts its answer window from (the day it was
     * first stored): what {@code deals export} writes for it, so re-importing an export changes nothing.
     */
    private boolean sameValue(Field f, Deal other) {
        String mine = get(f);
        if (mine.equals(other.get(f))) {
            return true;
        }
        return f == Field.RECEIVED_DATE && other.isIncoming() && other.get(f).isEmpty()
                && other.get(Field.CREATED_DATE).isEmpty() && other.getStoredOn() != null
                && other.getStoredOn().equals(Dates.parse(mine));
    }

    /** The columns whose value differs from another deal's (Sales Stage by derived value), plus "Solutions"/"Team". */
    public List<String> differences(Deal other) {
        List<String> changed = new ArrayList<>();
        for (Field f : Field.values()) {
            if (f == Field.SALES_STAGE) {
                if (getDerivedStage() != other.getDerivedStage()) {
                    changed.add(f.header());
                }
            } else if (!sameValue(f, other)) {
                changed.add(f.header());
            }
        }
        if (!solutions.equals(other.solutions)) {
            changed.add("Solutions");
        }
        if (!team.equals(other.team)) {
            changed.add("Team");
        }
        return changed;
    }

    /** A copy of the columns and lists (no engine context, no violations). */
    public Deal copyContent() {
        Deal d = new Deal();
        System.arraycopy(values, 0, d.values, 0, values.length);
        d.solutions = solutions;
        d.team = team;
        d.id = id;
        d.version = version;
        d.storedOn = storedOn;
        return d;
    }

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

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    static boolean eq(String a, String b) {
        return Objects.equals(a, b);
    }
}
