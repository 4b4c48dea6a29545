package io.dealsync.handoff;

import io.dealsync.model.Deal;
import io.dealsync.model.Field;

/**
 * Deals Partner Center would refuse anyway: they are not written to an upload file but listed with the
 * reason (and that version is not looked at again). Checked in this order; the first that applies names it.
 */
public enum HoldBack {
    /** Partner Center sent every Incoming deal, so it has a Referral ID; bulk upload cannot create one. */
    INCOMING_WITHOUT_REFERRAL_ID("an Incoming deal without Referral ID: Partner Center cannot create an Incoming deal"),
    /** Still New/Received or New/Pending: nothing to tell Partner Center until the partner accepts or declines it. */
    AWAITING_ANSWER("an Incoming deal not answered yet (New/Received): nothing to hand off"),
    /** Partner Center expires unanswered deals itself; an upload cannot set Expired. */
    EXPIRED("Closed/Expired: Partner Center expires deals itself"),
    /** Partner Center creates deals as Accepted; one it never saw cannot be created closed. */
    CLOSED_NEW_DEAL("a Closed deal without Referral ID: Partner Center cannot create a deal that is already closed"),
    /** Partner Center refuses to create or update a deal without the customer's consent to share contacts. */
    CONSENT_NOT_YES("Consent to share Customer/Partner contact is not Yes");

    private final String message;

    HoldBack(String message) {
        this.message = message;
    }

    public String message() {
        return message;
    }

    /** Why Partner Center would refuse the deal as it stands, or null when it can be handed off. */
    public static HoldBack of(Deal d) {
        boolean known = !d.getReferralId().isEmpty();
        if (d.isIncoming() && !known) {
            return INCOMING_WITHOUT_REFERRAL_ID;
        }
        if (d.isReceived()) {
            return AWAITING_ANSWER;
        }
        if ("Closed/Expired".equals(d.getStatusPair())) {
            return EXPIRED;
        }
        if (d.isClosed() && !known) {
            return CLOSED_NEW_DEAL;
        }
        if (!"Yes".equals(d.get(Field.CONSENT))) {
            return CONSENT_NOT_YES;
        }
        return null;
    }
}
