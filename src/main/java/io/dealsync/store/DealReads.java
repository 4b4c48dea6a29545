package io.dealsync.store;

import io.dealsync.model.Deal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The reads behind {@code deals export} and {@code deals show}: paged, so memory stays flat whatever the size. */
public final class DealReads {
    private static final int PAGE = 1000;

    private final Database db;

    DealReads(Database db) {
        this.db = db;
    }

    /** Filters of an export: each null means "any". */
    public record DealFilter(String status, String dealType, String location, LocalDate changedFrom, LocalDate changedTo) {
        public static final DealFilter ALL = new DealFilter(null, null, null, null, null);
    }

    /** Streams the stored deals in id order, a page at a time. */
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
        String sql = "SELECT " + DealRows.SELECT_LIST + " FROM deal" + where + " ORDER BY id FETCH FIRST " + PAGE + " ROWS ONLY";
        long after = Long.MIN_VALUE;
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            while (true) {
                ps.setLong(1, after);
                for (int i = 0; i < args.size(); i++) {
                    ps.setObject(i + 2, args.get(i));
                }
                List<Deal> page = read(ps);
                if (page.isEmpty()) {
                    return;
                }
                page.forEach(out);
                after = page.get(page.size() - 1).getId();
            }
        } catch (SQLException e) {
            throw new StoreException("Reading deals failed", e);
        }
    }

    /**
     * A deal by its Referral ID, its CRM ID under any partner, or its engine id. The search reads the table
     * (the key index holds hashes of whole keys, and a CRM ID alone is not a key): fine for a person's
     * question, never on the nightly path.
     */
    public List<Deal> findForShow(String id) {
        Map<Long, Deal> byId = new LinkedHashMap<>();
        try (Connection c = db.connection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + DealRows.SELECT_LIST + " FROM deal"
                    + " WHERE referral_id = ? OR crm_id = ? ORDER BY id")) {
                ps.setString(1, id);
                ps.setString(2, id);
                read(ps).forEach(d -> byId.put(d.getId(), d));
            }
            if (byId.isEmpty() && id.matches("\\d{1,18}")) {
                try (PreparedStatement ps = c.prepareStatement("SELECT " + DealRows.SELECT_LIST + " FROM deal WHERE id = ?")) {
                    ps.setLong(1, Long.parseLong(id));
                    read(ps).forEach(d -> byId.put(d.getId(), d));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("Reading a deal failed", e);
        }
        return new ArrayList<>(byId.values());
    }

    public List<HistoryEntry> history(long dealId) {
        try (Connection c = db.connection()) {
            return HistoryRows.of(c, dealId);
        } catch (SQLException e) {
            throw new StoreException("Reading a deal's history failed", e);
        }
    }

    /** No deal is stored yet (a look at one row: HSQLDB counts a table by reading it). */
    public boolean noDeals() {
        return db.count("SELECT COUNT(*) FROM (SELECT id FROM deal FETCH FIRST 1 ROWS ONLY) t") == 0;
    }

    private static List<Deal> read(PreparedStatement ps) throws SQLException {
        List<Deal> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(DealRows.read(rs));
            }
        }
        return out;
    }
}
