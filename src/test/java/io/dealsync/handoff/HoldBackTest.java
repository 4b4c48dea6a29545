package io.dealsync.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dealsync.model.Deal;
import io.dealsync.model.Field;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class HoldBackTest {
    static Deal deal(String direction, String status, String substatus, String referralId, String consent) {
        return new Deal().set(Field.DIRECTION, direction).set(Field.STATUS, status).set(Field.SUBSTATUS, substatus)
                .set(Field.REFERRAL_ID, referralId).set(Field.CONSENT, consent);
    }

    @Test
    void anAcceptedOrClosedDealWithConsentGoes() {
        assertThat(HoldBack.of(deal("Outgoing", "Active", "Accepted", "", "Yes"))).isNull();
        assertThat(HoldBack.of(deal("Outgoing", "Closed", "Won", "REF-1", "Yes"))).isNull();
        assertThat(HoldBack.of(deal("Incoming", "Closed", "Declined", "REF-2", "Yes"))).isNull();
    }

    @Test
    void dealsPartnerCenterWouldRefuseAreHeldBackWithTheFirstReasonThatApplies() {
        assertThat(HoldBack.of(deal("Incoming", "Active", "Accepted", "", "Yes")))
                .isEqualTo(HoldBack.INCOMING_WITHOUT_REFERRAL_ID);
        assertThat(HoldBack.of(deal("Incoming", "New", "Received", "REF-3", ""))).isEqualTo(HoldBack.AWAITING_ANSWER);
        assertThat(HoldBack.of(deal("Incoming", "Closed", "Expired", "REF-4", ""))).isEqualTo(HoldBack.EXPIRED);
        assertThat(HoldBack.of(deal("Outgoing", "Closed", "Lost", "", "Yes"))).isEqualTo(HoldBack.CLOSED_NEW_DEAL);
        assertThat(HoldBack.of(deal("Outgoing", "Active", "Accepted", "", "No"))).isEqualTo(HoldBack.CONSENT_NOT_YES);
        assertThat(HoldBack.of(deal("Incoming", "Closed", "Declined", "REF-5", ""))).isEqualTo(HoldBack.CONSENT_NOT_YES);
    }

    @Test
    void maxRowsIsPartnerCentersLimitAtMostAndThePurchaseIntentOneOfItsValues() {
        assertThat(new HandoffSettings(Path.of("x"), 1000, "yes", "partner-center", "").marketplacePurchaseIntent())
                .isEqualTo("Yes");
        assertThatThrownBy(() -> new HandoffSettings(Path.of("x"), 1001, "No", "partner-center", ""))
                .hasMessageContaining("1000");
        assertThatThrownBy(() -> new HandoffSettings(Path.of("x"), 10, "Maybe", "partner-center", ""))
                .hasMessageContaining("Have not decided");
    }
}
