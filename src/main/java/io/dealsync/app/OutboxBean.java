package io.dealsync.app;

import io.dealsync.store.DealStore;
import io.dealsync.store.Notification;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;

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
        List<Notification> rows = store.pendingNotifications(1000);
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

    /** Called after the document was written: the row is delivered. */
    public void delivered(Exchange exchange) {
        @SuppressWarnings("unchecked")
        Map<String, Object> doc = exchange.getProperty("notification", Map.class);
        TestHalt.at("notification-written");
        store.markDelivered(((Number) doc.get("dealId")).longValue(), doc.get("event").toString());
    }

    public Path outbox() {
        return outbox;
    }
}
