package io.dealsync.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealsync.model.ReferralShape.Group;
import io.dealsync.model.ReferralShape.Leaf;
import io.dealsync.model.ReferralShape.Node;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The referral resource assembled from the catalogue's JSON paths (docs/formats.md, "JSON (in)"). */
class ReferralShapeTest {
    @Test
    void theReferralHoldsItsKeysInDocumentOrder() {
        assertThat(ReferralShape.REFERRAL.children().stream().map(Node::key)).containsExactly("id", "engagementId",
                "crmId", "partnerId", "name", "dealType", "direction", "location", "status", "substatus", "statusReason",
                "declineReasonCode", "salesStage", "campaignId", "assessmentLocation", "createdDateTime",
                "receivedDateTime", "customerProfile", "consent", "details", "team", "inviteContext", "stageMarks");
    }

    @Test
    void everyColumnHasOnePlaceInTheDocument() {
        List<Field> leaves = new ArrayList<>();
        collect(ReferralShape.REFERRAL, leaves);

        assertThat(leaves).containsExactlyInAnyOrder(Field.values());
        assertThat(Arrays.stream(Field.values()).map(f -> f.jsonPath().order()))
                .doesNotHaveDuplicates()
                .doesNotContainAnyElementsOf(Arrays.stream(ListColumn.values()).map(l -> l.jsonPath().order()).toList());
    }

    @Test
    void aGroupIsReportedOnItsFirstColumnAndAWrapperKnowsItsOneColumn() {
        Group customer = group(ReferralShape.REFERRAL, "customerProfile");
        Group contact = group(customer, "team");
        Group invite = group(ReferralShape.REFERRAL, "inviteContext");
        Group details = group(ReferralShape.REFERRAL, "details");

        assertThat(customer.column()).isEqualTo("Customer Name");
        assertThat(contact.firstOfArray()).isTrue();
        assertThat(contact.path()).isEqualTo("customerProfile.team");
        assertThat(details.column()).isEqualTo("Estimated Deal Value");
        assertThat(group(details, "requirements").column()).isEqualTo("Solution 1");
        assertThat(invite.only()).isEqualTo(Field.INVITED_BY);
        assertThat(details.only()).isNull();
        assertThat(ReferralShape.PERSON_KEYS).containsExactly("firstName", "lastName", "phoneNumber", "email");
    }

    private static Group group(Group in, String key) {
        return (Group) in.children().stream().filter(n -> n.key().equals(key) && n instanceof Group).findFirst().orElseThrow();
    }

    private static void collect(Group g, List<Field> out) {
        for (Node n : g.children()) {
            if (n instanceof Leaf leaf) {
                out.add(leaf.field());
            } else if (n instanceof Group child) {
                collect(child, out);
            }
        }
    }
}
