package io.dealsync.app;

import io.dealsync.store.DealStore;
import io.dealsync.store.Outbox;
import io.dealsync.store.Notification;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outbox route's bean. Rows are read from the notification table (written in the same transaction as
 * the status change) and delivered one JSON document each; the file name is fixed by deal and event, so
 * a delivery repeated after a crash overwrites the same document instead of adding one.
 */
public final class OutboxBean {
    private final DealStore store;
    private final Path outbox;

    public OutboxBean(DealStore store, Path outbox) {
        this.store = store;
        this.outbox = outbox;
    }

    /** Pending notifications as documents ready to marshal, at most 1000 a call. */
    public List<Map<String, Object>> pending() {
        List<Notification> rows = store.outbox().pending(1000);
        return rows.stream().map(OutboxBean::document).toList();
    }

    static Map<String, Object> document(Notification n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event", n.event());
        m.put("referralId", n.referralId());
        m.put("crmId", n.crmId());
        m.put("partnerId", n.partnerId());
        m.put("recipient", n.recipient());
        m.put("reasonCode", n.reasonCode());
        m.put("asOf", n.asOf().toString());
        m.put("dealId", n.dealId());
        return m;
    }

    /** Called once the batch's documents are written: their rows are delivered. Returns how many. */
    public int delivered(List<Map<String, Object>> docs) {
        TestHalt.at("notification-written");
        store.outbox().markDelivered(docs.stream()
                .map(d -> new Outbox.Delivered(((Number) d.get("dealId")).longValue(), d.get("event").toString())).toList());
        return docs.size();
    }

    public Path outbox() {
        return outbox;
    }
}
