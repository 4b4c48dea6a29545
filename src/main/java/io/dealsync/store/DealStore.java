package io.dealsync.store;

import io.dealsync.model.Dates;
import io.dealsync.model.Deal;
import io.dealsync.model.Field;
import io.dealsync.model.TeamMember;
import io.dealsync.sync.Decision;
import io.dealsync.sync.StoredDeals;
import io.dealsync.model.Violation;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Consumer;

/**
 * The deals in the database: bulk lookup per chunk, one transaction per chunk for everything the chunk
 * changes (deals, team, stage marks, history, rejects, outbox, and the file's checkpoint), the expiry
 * sweep as set-based SQL, the outbox, and paged reads for export. Bound parameters only.
 */
public final class DealStore implements StoredDeals {
    private static final int IN_LIMIT = 500;
    private static final int ID_BLOCK = 1000;

    private final Database db;

    public DealStore(Database db) {
        this.db = db;
    }

    public Database database() {
        return db;
    }

    // ------------------------------------------------------------------ lookup

    @Override
    public Map<String, Deal> find(Collection<String> keys) {
        List<String> referrals = new ArrayList<>();
        Map<String, List<String>> crmToPartners = new HashMap<>();
        for (String k : keys) {
            if (k.startsWith("R:")) {
                referrals.add(k.substring(2));
            } else if (k.startsWith("C:")) {
                int sep = k.indexOf('\u0000');
                crmToPartners.computeIfAbsent(k.substring(sep + 1), x -> new ArrayList<>()).add(k.substring(2, sep));
            }
        }
        Map<Long, Deal> byId = new LinkedHashMap<>();
        try (Connection c = db.connection()) {
            selectIn(c, "referral_id", referrals, byId);
            selectIn(c, "crm_id", new ArrayList<>(crmToPartners.keySet()), byId);
            loadChildren(c, byId);
        } catch (SQLException e) {
            throw new StoreException("Looking up stored deals failed", e);
        }
        Map<String, Deal> out = new HashMap<>();
        Set<String> wanted = keys instanceof Set<String> s ? s : Set.copyOf(keys);
        for (Deal d : byId.values()) {
            for (String k : d.getKeys()) {
                if (wanted.contains(k)) {
                    out.put(k, d);
                }
            }
        }
        return out;
    }

    private static void selectIn(Connection c, String column, List<String> values, Map<Long, Deal> into)
            throws SQLException {
        for (int from = 0; from < values.size(); from += IN_LIMIT) {
            List<String> part = values.subList(from, Math.min(values.size(), from + IN_LIMIT));
            String sql = "SELECT " + DealColumns.SELECT_LIST + " FROM deal WHERE " + column + " IN (" + marks(part.size()) + ")";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < part.size(); i++) {
                    ps.setString(i + 1, part.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Deal d = DealColumns.read(rs);
                        into.putIfAbsent(d.getId(), d);
                    }
                }
            }
        }
    }

    /** Team members and stage marks of the given deals, two queries per 500 deals. */
    private static void loadChildren(Connection c, Map<Long, Deal> byId) throws SQLException {
        if (byId.isEmpty()) {
            return;
        }
        List<Long> ids = new ArrayList<>(byId.keySet());
        Map<Long, List<TeamMember>> teams = new HashMap<>();
        for (int from = 0; from < ids.size(); from += IN_LIMIT) {
            List<Long> part = ids.subList(from, Math.min(ids.size(), from + IN_LIMIT));
            try (PreparedStatement ps = c.prepareStatement("SELECT deal_id, first_name, last_name, phone, email FROM team_member"
                    + " WHERE deal_id IN (" + marks(part.size()) + ") ORDER BY deal_id, position")) {
                bindLongs(ps, part);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        teams.computeIfAbsent(rs.getLong(1), x -> new ArrayList<>())
                                .add(new TeamMember(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT deal_id, stage, marked_on FROM stage_mark"
                    + " WHERE deal_id IN (" + marks(part.size()) + ")")) {
                bindLongs(ps, part);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Deal d = byId.get(rs.getLong(1));
                        int stage = rs.getInt(2);
                        if (d != null && stage >= 1 && stage <= 4) {
                            d.set(Field.STAGE_MARKS.get(stage - 1), rs.getDate(3).toLocalDate().toString());
                        }
                    }
                }
            }
        }
        for (Map.Entry<Long, List<TeamMember>> e : teams.entrySet()) {
            byId.get(e.getKey()).setTeam(e.getValue());
        }
    }

    private static String marks(int n) {
        StringJoiner j = new StringJoiner(",");
        for (int i = 0; i < n; i++) {
            j.add("?");
        }
        return j.toString();
    }

    private static void bindLongs(PreparedStatement ps, List<Long> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            ps.setLong(i + 1, values.get(i));
        }
    }

    // ------------------------------------------------------------------ files

    /** The name of a file already processed with this content, or null. */
    public String findDone(String sha256) {
        try (Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT name, source FROM ingested_file WHERE sha256 = ? AND status = 'done' ORDER BY id")) {
            ps.setString(1, sha256);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    String source = rs.getString(2);
                    return source.isEmpty() ? rs.getString(1) : source + "/" + rs.getString(1);
                }
                return null;
            }
        } catch (SQLException e) {
            throw new StoreException("Looking up a file's hash failed", e);
        }
    }

    /**
     * Starts (or resumes) a file: an unfinished row with the same content is picked up again with its
     * checkpoint; otherwise a new row is created with the reject and warning file names chosen now, so a
     * resumed run keeps writing to the same ones.
     */
    public FileState beginFile(String name, String source, String sha256, String runId, String fingerprint,
            String rejectFile, String warningFile) {
        try (Connection c = db.connection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, checkpoint_line, reject_file, reject_offset,"
                    + " warning_file, warning_offset, ledger FROM ingested_file WHERE sha256 = ? AND status = 'in_progress'"
                    + " ORDER BY id")) {
                ps.setString(1, sha256);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return new FileState(rs.getLong(1), name, source, sha256, rs.getLong(2), rs.getString(3),
                                rs.getLong(4), rs.getString(5), rs.getLong(6), rs.getString(7), true);
                    }
                }
            }
            long id = nextValue(c, "ingested_file_id");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO ingested_file (id, name, source, sha256, status,"
                    + " run_id, started_at, rules_fingerprint, reject_file, warning_file) VALUES (?,?,?,?,'in_progress',?,?,?,?,?)")) {
                ps.setLong(1, id);
                ps.setString(2, name);
                ps.setString(3, source);
                ps.setString(4, sha256);
                ps.setString(5, runId);
                ps.setTimestamp(6, Timestamp.from(Instant.now()));
                ps.setString(7, fingerprint);
                ps.setString(8, rejectFile);
                ps.setString(9, warningFile);
                ps.executeUpdate();
            }
            return new FileState(id, name, source, sha256, 0, rejectFile, 0, warningFile, 0, null, false);
        } catch (SQLException e) {
            throw new StoreException("Registering the file failed", e);
        }
    }

    /** Records how a file ended (done or failed), its counts, and the error if any. */
    public void finishFile(long fileId, String status, String ledgerJson, long[] counts, String error) {
        try (Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement("UPDATE ingested_file SET status = ?, finished_at = ?, ledger = ?,"
                        + " records_read = ?, created = ?, updated = ?, unchanged = ?, rejected = ?, skipped = ?,"
                        + " warnings = ?, expired = ?, error = ? WHERE id = ?")) {
            ps.setString(1, status);
            ps.setTimestamp(2, Timestamp.from(Instant.now()));
            ps.setString(3, ledgerJson);
            for (int i = 0; i < 8; i++) {
                ps.setLong(4 + i, counts[i]);
            }
            ps.setString(12, error == null ? null : error.length() > 4000 ? error.substring(0, 4000) : error);
            ps.setLong(13, fileId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Recording the end of the file failed", e);
        }
    }

    /** Records a file that could not be read at all (nothing of it was applied). */
    public void recordFailed(String name, String source, String sha256, String runId, String error) {
        try (Connection c = db.connection()) {
            long id = nextValue(c, "ingested_file_id");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO ingested_file (id, name, source, sha256, status,"
                    + " run_id, started_at, finished_at, error) VALUES (?,?,?,?,'failed',?,?,?,?)")) {
                Timestamp now = Timestamp.from(Instant.now());
                ps.setLong(1, id);
                ps.setString(2, name);
                ps.setString(3, source);
                ps.setString(4, sha256 == null ? "" : sha256);
                ps.setString(5, runId);
                ps.setTimestamp(6, now);
                ps.setTimestamp(7, now);
                ps.setString(8, error.length() > 4000 ? error.substring(0, 4000) : error);
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new StoreException("Recording the failed file failed", e);
        }
    }

    private long nextValue(Connection c, String sequence) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(db.dialect().nextValue(sequence))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // ------------------------------------------------------------------ one chunk, one transaction

    /** Where a file stands after a chunk: what the next resume skips, and the reject/warning file lengths. */
    public record Checkpoint(long line, long rejectOffset, long warningOffset, String ledgerJson, long[] counts) {
    }

    /**
     * Applies a chunk's decisions and moves the file's checkpoint, all in one transaction.
     *
     * @throws ConcurrentChangeException when another instance changed one of the chunk's deals meanwhile
     */
    public void applyChunk(FileState file, String runId, LocalDate asOf, List<Decision> decisions, Checkpoint cp) {
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                BATCHED.get().clear();
                write(c, file, runId, asOf, decisions);
                try (PreparedStatement ps = c.prepareStatement("UPDATE ingested_file SET checkpoint_line = ?, reject_offset = ?,"
                        + " warning_offset = ?, ledger = ?, records_read = ?, created = ?, updated = ?, unchanged = ?,"
                        + " rejected = ?, skipped = ?, warnings = ?, expired = ? WHERE id = ?")) {
                    ps.setLong(1, cp.line());
                    ps.setLong(2, cp.rejectOffset());
                    ps.setLong(3, cp.warningOffset());
                    ps.setString(4, cp.ledgerJson());
                    for (int i = 0; i < 8; i++) {
                        ps.setLong(5 + i, cp.counts()[i]);
                    }
                    ps.setLong(13, file.id());
                    ps.executeUpdate();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                BATCHED.get().clear();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("Writing a batch of " + file.name() + " failed", e);
        }
    }

    private void write(Connection c, FileState file, String runId, LocalDate asOf, List<Decision> decisions)
            throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        List<Decision> creates = new ArrayList<>();
        List<Decision> updates = new ArrayList<>();
        List<Deal> expireStored = new ArrayList<>();
        for (Decision d : decisions) {
            switch (d.outcome()) {
                case CREATE -> creates.add(d);
                case UPDATE -> updates.add(d);
                case REJECT -> {
                    if (d.expireStored()) {
                        expireStored.add(d.stored());
                    }
                }
                default -> {
                }
            }
        }
        try (PreparedStatement insDeal = c.prepareStatement(DealColumns.INSERT);
                PreparedStatement updDeal = c.prepareStatement(DealColumns.UPDATE);
                PreparedStatement insTeam = c.prepareStatement("INSERT INTO team_member (deal_id, position, first_name,"
                        + " last_name, phone, email) VALUES (?,?,?,?,?,?)");
                PreparedStatement delTeam = c.prepareStatement("DELETE FROM team_member WHERE deal_id = ?");
                PreparedStatement insMark = c.prepareStatement("INSERT INTO stage_mark (deal_id, stage, marked_on) VALUES (?,?,?)");
                PreparedStatement delMark = c.prepareStatement("DELETE FROM stage_mark WHERE deal_id = ?");
                PreparedStatement insHist = c.prepareStatement("INSERT INTO deal_history (deal_id, seq, changed_at, as_of,"
                        + " run_id, file_id, file_name, line, action, old_status, new_status, changes) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
                PreparedStatement insNote = c.prepareStatement("INSERT INTO notification (deal_id, event, referral_id, crm_id,"
                        + " partner_id, recipient, reason_code, as_of, created_at) SELECT ?,?,?,?,?,?,?,?,? FROM (VALUES(0)) t"
                        + " WHERE NOT EXISTS (SELECT 1 FROM notification n WHERE n.deal_id = ? AND n.event = ?)");
                PreparedStatement insReject = c.prepareStatement("INSERT INTO reject (file_id, line, codes) VALUES (?,?,?)")) {
            String fileName = file.source().isEmpty() ? file.name() : file.source() + "/" + file.name();
            // creates
            long nextId = 0;
            long lastId = -1;
            for (Decision d : creates) {
                if (nextId > lastId) {
                    long block = nextValue(c, "deal_id_block");
                    nextId = block * ID_BLOCK;
                    lastId = nextId + ID_BLOCK - 1;
                }
                Deal p = d.proposed();
                p.setId(nextId++);
                p.setStoredOn(asOf);
                p.setVersion(1);
                DealColumns.bind(insDeal, p, now, file.id(), d.line(), 1);
                add(insDeal);
                addTeam(insTeam, p);
                addMarks(insMark, p);
                history(insHist, p.getId(), 1, now, asOf, runId, file.id(), fileName, d.line(),
                        d.expired() ? "created-expired" : "created", "", p.getStatusPair(), "");
                notify(insNote, p, d.notifyEvent(), asOf, now);
            }
            exec(insDeal);
            // updates
            for (Decision d : updates) {
                Deal p = d.proposed();
                Deal s = d.stored();
                int version = s.getVersion() + 1;
                p.setId(s.getId());
                p.setStoredOn(s.getStoredOn());
                DealColumns.bind(updDeal, p, now, file.id(), d.line(), version);
                updDeal.setInt(DealColumns.COLS.size() + 9, s.getVersion());
                add(updDeal);
                if (!p.getTeam().equals(s.getTeam())) {
                    delTeam.setLong(1, p.getId());
                    add(delTeam);
                    addTeam(insTeam, p);
                }
                if (!p.getStageMarks().equals(s.getStageMarks())) {
                    // a stored mark never changes (R43): a stage move only adds rows, so only new marks are
                    // written; anything else (a mark redated in the database by hand) rewrites the deal's marks
                    if (onlyAdded(s.getStageMarks(), p.getStageMarks())) {
                        addMarks(insMark, p, s.getStageMarks());
                    } else {
                        delMark.setLong(1, p.getId());
                        add(delMark);
                        addMarks(insMark, p, null);
                    }
                }
                history(insHist, p.getId(), version, now, asOf, runId, file.id(), fileName, d.line(),
                        d.expired() ? "expired" : "updated", s.getStatusPair(), p.getStatusPair(), describe(p, s));
                notify(insNote, p, d.notifyEvent(), asOf, now);
            }
            checkAll(exec(updDeal), "a deal");
            // deals refused with DEAL_EXPIRED expire now
            if (!expireStored.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE deal SET status = 'Closed', substatus = 'Expired',"
                        + " received_on = NULL, version = ?, updated_at = ? WHERE id = ? AND version = ?")) {
                    for (Deal s : expireStored) {
                        ps.setInt(1, s.getVersion() + 1);
                        ps.setTimestamp(2, now);
                        ps.setLong(3, s.getId());
                        ps.setInt(4, s.getVersion());
                        add(ps);
                        history(insHist, s.getId(), s.getVersion() + 1, now, asOf, runId, file.id(), fileName, null,
                                "expired", s.getStatusPair(), "Closed/Expired", "Expired: answered after the window");
                        notify(insNote, s, "Expired", asOf, now);
                    }
                    checkAll(exec(ps), "an expired deal");
                }
            }
            exec(delTeam);
            exec(delMark);
            exec(insTeam);
            exec(insMark);
            exec(insHist);
            exec(insNote);
            for (Decision d : decisions) {
                if (d.outcome() == Decision.Outcome.REJECT) {
                    insReject.setLong(1, file.id());
                    insReject.setLong(2, d.line());
                    insReject.setString(3, codes(d.errors()));
                    add(insReject);
                }
            }
            exec(insReject);
        }
    }

    /** Runs a statement's batch; HSQLDB refuses executeBatch on an empty batch, hence the check. */
    private static int[] exec(PreparedStatement ps) throws SQLException {
        Integer n = BATCHED.get().remove(ps);
        return n == null || n == 0 ? new int[0] : ps.executeBatch();
    }

    private static final ThreadLocal<java.util.IdentityHashMap<PreparedStatement, Integer>> BATCHED =
            ThreadLocal.withInitial(java.util.IdentityHashMap::new);

    private static void add(PreparedStatement ps) throws SQLException {
        ps.addBatch();
        BATCHED.get().merge(ps, 1, Integer::sum);
    }

    private static void checkAll(int[] counts, String what) {
        for (int n : counts) {
            if (n == 0) {
                throw new ConcurrentChangeException("Another instance changed " + what + " of this batch meanwhile");
            }
        }
    }

    private static String codes(List<Violation> errors) {
        StringJoiner j = new StringJoiner(";");
        errors.stream().map(Violation::code).distinct().forEach(j::add);
        String s = j.toString();
        return s.length() > 1000 ? s.substring(0, 1000) : s;
    }

    private static void addTeam(PreparedStatement ps, Deal d) throws SQLException {
        int pos = 1;
        for (TeamMember m : d.getTeam()) {
            ps.setLong(1, d.getId());
            ps.setInt(2, pos++);
            ps.setString(3, m.getFirstName());
            ps.setString(4, m.getLastName());
            ps.setString(5, m.getPhone());
            ps.setString(6, m.getEmail());
            add(ps);
        }
    }

    private static void addMarks(PreparedStatement ps, Deal d) throws SQLException {
        addMarks(ps, d, null);
    }

    /** Inserts the deal's marks, but those already in {@code existing} (null: none). */
    private static void addMarks(PreparedStatement ps, Deal d, List<LocalDate> existing) throws SQLException {
        List<LocalDate> marks = d.getStageMarks();
        for (int i = 0; i < marks.size(); i++) {
            if (marks.get(i) != null && (existing == null || existing.get(i) == null)) {
                ps.setLong(1, d.getId());
                ps.setInt(2, i + 1);
                ps.setDate(3, Date.valueOf(marks.get(i)));
                add(ps);
            }
        }
    }

    /** Every mark of {@code before} stands unchanged in {@code after}. */
    private static boolean onlyAdded(List<LocalDate> before, List<LocalDate> after) {
        for (int i = 0; i < before.size(); i++) {
            if (before.get(i) != null && !before.get(i).equals(after.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static void history(PreparedStatement ps, long dealId, long seq, Timestamp now, LocalDate asOf, String runId,
            Long fileId, String fileName, Long line, String action, String oldStatus, String newStatus, String changes)
            throws SQLException {
        ps.setLong(1, dealId);
        ps.setLong(2, seq);
        ps.setTimestamp(3, now);
        ps.setDate(4, Date.valueOf(asOf));
        ps.setString(5, runId);
        if (fileId == null) {
            ps.setNull(6, Types.BIGINT);
        } else {
            ps.setLong(6, fileId);
        }
        ps.setString(7, fileName);
        if (line == null) {
            ps.setNull(8, Types.BIGINT);
        } else {
            ps.setLong(8, line);
        }
        ps.setString(9, action);
        ps.setString(10, oldStatus);
        ps.setString(11, newStatus);
        ps.setString(12, changes.length() > 4000 ? changes.substring(0, 3997) + "..." : changes);
        add(ps);
    }

    private static void notify(PreparedStatement ps, Deal d, String event, LocalDate asOf, Timestamp now)
            throws SQLException {
        if (event == null) {
            return;
        }
        ps.setLong(1, d.getId());
        ps.setString(2, event);
        ps.setString(3, emptyToNull(d.getReferralId()));
        ps.setString(4, emptyToNull(d.getCrmId()));
        ps.setString(5, d.getPartnerId());
        String to = d.get(Field.INVITED_BY);
        ps.setString(6, to.isEmpty() ? "msft" : to);
        ps.setString(7, emptyToNull(d.get(Field.REASON_CODE)));
        ps.setDate(8, Date.valueOf(asOf));
        ps.setTimestamp(9, now);
        ps.setLong(10, d.getId());
        ps.setString(11, event);
        add(ps);
    }

    private static final Set<Field> PERSONAL = Set.of(Field.CONTACT_FIRST_NAME, Field.CONTACT_LAST_NAME,
            Field.CONTACT_PHONE, Field.CONTACT_EMAIL);

    /** What changed, for the history: "Notes", "Estimated Deal Value: 100 -> 200"; contact data by name only. */
    static String describe(Deal now, Deal before) {
        StringJoiner j = new StringJoiner("; ");
        for (String column : now.differences(before)) {
            Field f = Field.byHeader(column);
            if (f == null || PERSONAL.contains(f) || f == Field.NOTES || f == Field.STATUS_REASON) {
                j.add(column);
            } else if (f == Field.SALES_STAGE) {
                j.add(column + ": " + before.getDerivedStage() + " -> " + now.getDerivedStage());
            } else {
                j.add(column + ": " + show(before.get(f)) + " -> " + show(now.get(f)));
            }
        }
        return j.toString();
    }

    private static String show(String v) {
        return v.isEmpty() ? "(empty)" : v.length() > 60 ? v.substring(0, 57) + "..." : v;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    // ------------------------------------------------------------------ expiry sweep

    /**
     * Expires every stored Incoming deal still Received whose window ended before {@code asOf}: history,
     * outbox and status in one transaction, set-based. A row lock on engine_lock makes concurrent sweeps
     * of several instances run one after the other (the second finds nothing left).
     *
     * @return how many deals expired
     */
    public int sweep(LocalDate asOf, int windowDays, String runId, String instance) {
        LocalDate cutoff = asOf.minusDays(windowDays);
        // received_on is set only on deals awaiting an answer: the index finds them without a scan
        String awaiting = " WHERE received_on < ? AND direction = 'Incoming' AND status = 'New'"
                + " AND substatus IN ('Received', 'Pending')";
        String due = " FROM deal" + awaiting;
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement lock = c.prepareStatement("SELECT name FROM engine_lock WHERE name = 'sweep' FOR UPDATE")) {
                    lock.executeQuery().close();
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE engine_lock SET held_by = ?, held_at = ? WHERE name = 'sweep'")) {
                    ps.setString(1, instance);
                    ps.setTimestamp(2, now);
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO deal_history (deal_id, seq, changed_at, as_of, run_id,"
                        + " action, old_status, new_status, changes) SELECT id, version + 1, ?, ?, ?, 'expired',"
                        + " status || '/' || substatus, 'Closed/Expired', 'Expired by the sweep: no answer within the window'" + due)) {
                    ps.setTimestamp(1, now);
                    ps.setDate(2, Date.valueOf(asOf));
                    ps.setString(3, runId);
                    ps.setDate(4, Date.valueOf(cutoff));
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO notification (deal_id, event, referral_id, crm_id,"
                        + " partner_id, recipient, reason_code, as_of, created_at) SELECT id, 'Expired', referral_id, crm_id,"
                        + " partner_id, COALESCE(invited_by, 'msft'), reason_code, ?, ?" + due
                        + " AND NOT EXISTS (SELECT 1 FROM notification n WHERE n.deal_id = deal.id AND n.event = 'Expired')")) {
                    ps.setDate(1, Date.valueOf(asOf));
                    ps.setTimestamp(2, now);
                    ps.setDate(3, Date.valueOf(cutoff));
                    ps.executeUpdate();
                }
                int n;
                try (PreparedStatement ps = c.prepareStatement("UPDATE deal SET status = 'Closed', substatus = 'Expired',"
                        + " received_on = NULL, version = version + 1, updated_at = ?" + awaiting)) {
                    ps.setTimestamp(1, now);
                    ps.setDate(2, Date.valueOf(cutoff));
                    n = ps.executeUpdate();
                }
                c.commit();
                return n;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("The expiry sweep failed", e);
        }
    }

    // ------------------------------------------------------------------ outbox

    public List<Notification> pendingNotifications(int limit) {
        List<Notification> out = new ArrayList<>();
        try (Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement("SELECT deal_id, event, referral_id, crm_id, partner_id, recipient,"
                        + " reason_code, as_of FROM notification WHERE delivered_at IS NULL ORDER BY created_at, deal_id"
                        + " FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Notification(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getDate(8).toLocalDate()));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("Reading the outbox failed", e);
        }
        return out;
    }

    public void markDelivered(long dealId, String event) {
        try (Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement("UPDATE notification SET delivered_at = ? WHERE deal_id = ? AND event = ?")) {
            ps.setTimestamp(1, Timestamp.from(Instant.now()));
            ps.setLong(2, dealId);
            ps.setString(3, event);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Marking a notification delivered failed", e);
        }
    }

    public long countNotifications() {
        return count("SELECT COUNT(*) FROM notification");
    }

    public long countDeals() {
        return count("SELECT COUNT(*) FROM deal");
    }

    public long count(String sql) {
        try (Connection c = db.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new StoreException("Counting failed", e);
        }
    }

    // ------------------------------------------------------------------ reads for people

    /** Filters of an export: each null means "any". */
    public record DealFilter(String status, String dealType, String location, LocalDate changedFrom, LocalDate changedTo) {
        public static final DealFilter ALL = new DealFilter(null, null, null, null, null);
    }

    /** Streams the stored deals in id order, a page of 1000 at a time (memory stays flat whatever the size). */
    public void forEachDeal(DealFilter f, Consumer<Deal> out) {
        StringBuilder where = new StringBuilder(" WHERE id > ?");
        List<Object> args = new ArrayList<>();
        if (f.status() != null) {
            where.append(" AND (status = ? OR substatus = ?)");
            args.add(f.status());
            args.add(f.status());
        }
        if (f.dealType() != null) {
            where.append(" AND deal_type = ?");
            args.add(f.dealType());
        }
        if (f.location() != null) {
            where.append(" AND location = ?");
            args.add(f.location());
        }
        if (f.changedFrom() != null) {
            where.append(" AND updated_at >= ?");
            args.add(Timestamp.valueOf(f.changedFrom().atStartOfDay()));
        }
        if (f.changedTo() != null) {
            where.append(" AND updated_at < ?");
            args.add(Timestamp.valueOf(f.changedTo().plusDays(1).atStartOfDay()));
        }
        String sql = "SELECT " + DealColumns.SELECT_LIST + " FROM deal" + where + " ORDER BY id FETCH FIRST 1000 ROWS ONLY";
        long after = Long.MIN_VALUE;
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            while (true) {
                ps.setLong(1, after);
                for (int i = 0; i < args.size(); i++) {
                    ps.setObject(i + 2, args.get(i));
                }
                Map<Long, Deal> page = new LinkedHashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Deal d = DealColumns.read(rs);
                        page.put(d.getId(), d);
                    }
                }
                if (page.isEmpty()) {
                    return;
                }
                loadChildren(c, page);
                page.values().forEach(out);
                after = ((Deal) page.values().toArray()[page.size() - 1]).getId();
            }
        } catch (SQLException e) {
            throw new StoreException("Reading deals failed", e);
        }
    }

    /** A deal by its Referral ID, or its CRM ID (any partner), or its engine id. */
    public List<Deal> findForShow(String id) {
        Map<Long, Deal> byId = new LinkedHashMap<>();
        try (Connection c = db.connection()) {
            selectIn(c, "referral_id", List.of(id), byId);
            selectIn(c, "crm_id", List.of(id), byId);
            if (byId.isEmpty() && id.matches("\\d{1,18}")) {
                try (PreparedStatement ps = c.prepareStatement("SELECT " + DealColumns.SELECT_LIST + " FROM deal WHERE id = ?")) {
                    ps.setLong(1, Long.parseLong(id));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            Deal d = DealColumns.read(rs);
                            byId.put(d.getId(), d);
                        }
                    }
                }
            }
            loadChildren(c, byId);
        } catch (SQLException e) {
            throw new StoreException("Reading a deal failed", e);
        }
        return new ArrayList<>(byId.values());
    }

    public List<HistoryEntry> history(long dealId) {
        List<HistoryEntry> out = new ArrayList<>();
        try (Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement("SELECT seq, changed_at, as_of, run_id, file_name, line, action,"
                        + " old_status, new_status, changes FROM deal_history WHERE deal_id = ? ORDER BY seq")) {
            ps.setLong(1, dealId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long line = rs.getLong(6);
                    Long l = rs.wasNull() ? null : line;
                    out.add(new HistoryEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getDate(3).toLocalDate(),
                            rs.getString(4), rs.getString(5), l, rs.getString(7), rs.getString(8), rs.getString(9),
                            rs.getString(10)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("Reading a deal's history failed", e);
        }
        return out;
    }

    static LocalDate date(String text) {
        return Dates.parse(text);
    }
}
