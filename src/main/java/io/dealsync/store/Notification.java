package io.dealsync.store;

import java.time.LocalDate;

/** One outbox row: the sender of a Declined or Expired deal is told, once per deal and event. */
public record Notification(long dealId, String event, String referralId, String crmId, String partnerId,
        String recipient, String reasonCode, LocalDate asOf) {
}
