package io.dealsync.store;

import io.dealsync.model.Deal;
import io.dealsync.model.Hash64;
import io.dealsync.model.Violation;
import io.dealsync.sync.Decision;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Applies a chunk's decisions in one transaction, together with the file's checkpoint: new and changed deal
 * rows, their keys and fingerprints, the sweep's index of deals awaiting an answer, history, outbox and
 * reject rows. A record recognised by its fingerprint writes nothing. Every statement is a JDBC batch.
 */
public final class ChunkWriter {
    private static final int ID_BLOCK = 1000;

    private final Database db;
    private final FileRegistry files;
    private final java.util.function.Supplier<KeyIndex> keys;

    ChunkWriter(Database db, FileRegistry files, java.util.function.Supplier<KeyIndex> keys) {
        this.db = db;
        this.files = files;
        this.keys = keys;
    }

    /**
     * Applies the decisions and moves the file's checkpoint, all in one transaction.
     *
     * @throws ConcurrentChangeException when another instance changed one of the chunk's deals meanwhile (a deal
     *         another instance created meanwhile fails on a unique key: a StoreException the intake retries)
     */
    public void apply(FileState file, String runId, LocalDate asOf, List<Decision> decisions, FileRegistry.Checkpoint cp) {
        List<KeyIndex.Change> changes = db.inTransaction("Writing a batch of " + file.name(), c -> {
            String fileName = file.source().isEmpty() ? file.name() : file.source() + "/" + file.name();
            HistoryRows.Origin origin = new HistoryRows.Origin(Timestamp.from(Instant.now()), asOf, runId, file.id(), fileName);
            List<KeyIndex.Change> written = new java.util.ArrayList<>();
            try (Statements st = new Statements(c, written)) {
                write(c, st, origin, decisions);
            }
            keys.get().write(c, written);
            files.checkpoint(c, file.id(), cp);
            return written;
        });
        keys.get().committed(changes);
    }

    private void write(Connection c, Statements st, HistoryRows.Origin o, List<Decision> decisions) throws SQLException {
        IdBlock ids = new IdBlock(c);
        for (Decision d : decisions) {
            switch (d.outcome()) {
                case CREATE -> create(st, d, o, ids.next());
                case UPDATE -> update(st, d, o);
                case UNCHANGED -> {
                    if (!d.recognised() && d.contentHash() != 0) {
                        // judged and found unchanged: keep its fingerprint, so next time it is recognised unjudged
                        for (String k : d.proposed().getKeys()) {
                            st.key(KeyIndex.Change.Kind.PRINT, k, 0, d.contentHash());
                        }
                        st.print.ps().setLong(1, d.contentHash());
                        st.print.ps().setLong(2, d.proposed().getId());
                        st.print.add();
                    }
                }
                case REJECT -> reject(st, d, o);
                default -> {
                }
            }
        }
        st.insDeal.run();
        checkAll(st.updDeal.run(), "a deal");
        checkAll(st.expire.run(), "an expired deal");
        st.print.run();
        st.delAwait.run();
        st.insAwait.run();
        st.hist.run();
        st.note.run();
        st.reject.run();
    }

    private void create(Statements st, Decision d, HistoryRows.Origin o, long id) throws SQLException {
        Deal p = d.proposed();
        p.setId(id);
        p.setStoredOn(o.asOf());
        p.setVersion(1);
        int created = DealRows.bind(st.insDeal.ps(), p, d.contentHash(), o.at(), o.fileId(), d.line(), 1);
        DealRows.bindCreated(st.insDeal.ps(), created, o.at(), o.fileId(), d.line(), d.expired() ? "created-expired" : "created",
                p.getStatusPair());
        st.insDeal.add();
        for (String k : p.getKeys()) {
            st.key(KeyIndex.Change.Kind.PUT, k, id, d.contentHash());
        }
        awaiting(st, id, null, DealRows.awaitingSince(p));
        notify(st, p, d.notifyEvent(), o);
    }

    private void update(Statements st, Decision d, HistoryRows.Origin o) throws SQLException {
        Deal p = d.proposed();
        Deal s = d.stored();
        int version = s.getVersion() + 1;
        p.setId(s.getId());
        p.setStoredOn(s.getStoredOn());
        DealRows.bind(st.updDeal.ps(), p, d.contentHash(), o.at(), o.fileId(), d.line(), version);
        st.updDeal.ps().setInt(DealRows.UPDATE_EXPECTED_VERSION, s.getVersion());
        st.updDeal.add();
        Set<String> before = new HashSet<>(s.getKeys());
        for (String k : p.getKeys()) {
            // a new key: a Referral ID arrived, or the CRM ID changed (R32)
            st.key(before.remove(k) ? KeyIndex.Change.Kind.PRINT : KeyIndex.Change.Kind.PUT, k, p.getId(), d.contentHash());
        }
        for (String gone : before) {
            st.key(KeyIndex.Change.Kind.REMOVE, gone, 0, 0);
        }
        awaiting(st, p.getId(), DealRows.awaitingSince(s), DealRows.awaitingSince(p));
        HistoryRows.add(st.hist, p.getId(), version, o, d.line(), d.expired() ? "expired" : "updated", s.getStatusPair(),
                p.getStatusPair(), HistoryRows.describe(p, s));
        notify(st, p, d.notifyEvent(), o);
    }

    /** A rejected record; one refused with DEAL_EXPIRED expires its stored deal now (R52). */
    private void reject(Statements st, Decision d, HistoryRows.Origin o) throws SQLException {
        PreparedStatement ps = st.reject.ps();
        ps.setLong(1, o.fileId());
        ps.setLong(2, d.line());
        ps.setString(3, codes(d.errors()));
        st.reject.add();
        if (!d.expireStored()) {
            return;
        }
        Deal s = d.stored();
        PreparedStatement ex = st.expire.ps();
        ex.setInt(1, s.getVersion() + 1);
        ex.setTimestamp(2, o.at());
        ex.setLong(3, s.getId());
        ex.setInt(4, s.getVersion());
        st.expire.add();
        for (String k : s.getKeys()) {
            st.key(KeyIndex.Change.Kind.PRINT, k, 0, 0); // the engine changed it: the next record is judged
        }
        awaiting(st, s.getId(), DealRows.awaitingSince(s), null);
        HistoryRows.add(st.hist, s.getId(), s.getVersion() + 1, o, null, "expired", s.getStatusPair(), "Closed/Expired",
                "Expired: answered after the window");
        notify(st, s, "Expired", o);
    }

    /** Keeps the sweep's index of deals awaiting an answer in step with the deal. */
    private static void awaiting(Statements st, long id, LocalDate before, LocalDate after) throws SQLException {
        if (Objects.equals(before, after)) {
            return;
        }
        if (before != null) {
            st.delAwait.ps().setLong(1, id);
            st.delAwait.add();
        }
        if (after != null) {
            st.insAwait.ps().setLong(1, id);
            st.insAwait.ps().setDate(2, Date.valueOf(after));
            st.insAwait.add();
        }
    }

    private static void notify(Statements st, Deal d, String event, HistoryRows.Origin o) throws SQLException {
        if (event != null) {
            Outbox.add(st.note, d, event, o.asOf(), o.at());
        }
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

    /** Deal ids in blocks of 1000 from one sequence value (hi/lo): one round trip per block, not per deal. */
    private final class IdBlock {
        private final Connection c;
        private long next;
        private long last = -1;

        IdBlock(Connection c) {
            this.c = c;
        }

        long next() throws SQLException {
            if (next > last) {
                next = db.nextValue(c, "deal_id_block") * ID_BLOCK;
                last = next + ID_BLOCK - 1;
            }
            return next++;
        }
    }

    /** The chunk's statements, each a batch. */
    private static final class Statements implements AutoCloseable {
        final Batch insDeal;
        final Batch updDeal;
        final Batch expire;
        final Batch print;
        final Batch insAwait;
        final Batch delAwait;
        final Batch hist;
        final Batch note;
        final Batch reject;

        final List<KeyIndex.Change> keyChanges;

        Statements(Connection c, List<KeyIndex.Change> keyChanges) throws SQLException {
            this.keyChanges = keyChanges;
            insDeal = Batch.insert(c, DealRows.INSERT);
            updDeal = new Batch(c, DealRows.UPDATE);
            expire = new Batch(c, "UPDATE deal SET status = 'Closed', substatus = 'Expired', content_hash = 0, version = ?, updated_at = ?"
                    + " WHERE id = ? AND version = ?");
            print = new Batch(c, "UPDATE deal SET content_hash = ? WHERE id = ?");
            insAwait = Batch.insert(c, "INSERT INTO awaiting_answer (deal_id, received_on) VALUES (?,?)");
            delAwait = new Batch(c, "DELETE FROM awaiting_answer WHERE deal_id = ?");
            hist = Batch.insert(c, HistoryRows.INSERT);
            note = new Batch(c, Outbox.INSERT);
            reject = Batch.insert(c, "INSERT INTO reject (file_id, line, codes) VALUES (?,?,?)");
        }

        void key(KeyIndex.Change.Kind kind, String key, long dealId, long print) {
            keyChanges.add(new KeyIndex.Change(kind, Hash64.of(key), dealId, print));
        }

        @Override
        public void close() throws SQLException {
            for (Batch b : new Batch[] {insDeal, updDeal, expire, print, insAwait, delAwait, hist, note, reject}) {
                b.close();
            }
        }
    }
}
