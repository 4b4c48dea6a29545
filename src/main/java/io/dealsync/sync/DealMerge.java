package io.dealsync.sync;

import io.dealsync.read.SourceRecord;
import io.dealsync.model.Deal;
import io.dealsync.model.Field;
import io.dealsync.model.Solution;
import io.dealsync.rules.ReferenceData;
import java.time.LocalDate;

/**
 * Lays a record over its stored deal: the deal the rules judge, with the context they judge it in
 * (docs/domain.md, "A record is a snapshot").
 */
final class DealMerge {
    private DealMerge() {
    }

    /**
     * The deal the record proposes: the stored deal with the record's columns laid over it (docs/domain.md,
     * "A record is a snapshot"). Deal Direction, PartnerID and Deal Type keep the stored value when empty
     * and take their default only at creation; so does an empty status (Outgoing starts Active/Accepted,
     * Incoming New/Received). The reported Sales Stage is the record's own: the stored one is derived.
     */
    static Deal merge(SourceRecord r, Deal stored, FileContext ctx, ReferenceData ref) {
        Deal in = r.deal();
        Deal p = stored == null ? new Deal() : stored.copyContent();
        PresentFields present = PresentFields.of(r.presentColumns());
        p.setFrom(Field.SALES_STAGE, in); // present or not
        for (Field f : present.fields()) {
            String v = in.get(f);
            boolean keepsStored = f == Field.SALES_STAGE
                    || v.isEmpty() && (f == Field.DIRECTION || f == Field.PARTNER_ID || f == Field.DEAL_TYPE) && stored != null;
            if (!keepsStored) {
                p.setFrom(f, in);
            }
        }
        if (present.solutions()) {
            p.setSolutions(in.getSolutions());
        }
        if (present.team()) {
            p.setTeam(in.getTeam());
        }
        if (stored == null) {
            creationDefaults(p, ctx.defaultPartnerId);
        }
        boolean sa = isSolutionAssessment(p, ref);
        if (stored == null && sa && p.get(Field.DEAL_TYPE).isEmpty()) {
            p.set(Field.DEAL_TYPE, "Solution Assessment");
        }
        p.setLine(r.position());
        int window = ref.expiryWindowDays();
        LocalDate received = (stored != null ? stored : p).getReceivedOn();
        p.context().stored(stored).asOf(ctx.asOf).solutionAssessment(sa)
                .expiryDue(expiryDue(p, stored, ctx.asOf, window))
                .pastAnswerWindow(received != null && ctx.asOf.isAfter(received.plusDays(window)));
        return p;
    }

    /** A new deal's defaults: Outgoing, the configured PartnerID, and the direction's first status. */
    private static void creationDefaults(Deal p, String defaultPartnerId) {
        if (p.get(Field.DIRECTION).isEmpty()) {
            p.set(Field.DIRECTION, Deal.DEFAULT_DIRECTION);
        }
        if (p.getPartnerId().isEmpty()) {
            p.set(Field.PARTNER_ID, defaultPartnerId);
        }
        if (p.getStatus().isEmpty() && p.getSubstatus().isEmpty()) {
            boolean incoming = p.isIncoming();
            p.set(Field.STATUS, incoming ? "New" : "Active").set(Field.SUBSTATUS, incoming ? "Received" : "Accepted");
        }
    }

    /** Deal Type says Solution Assessment, or a solution is in the assessment catalogue: ours to judge. */
    private static boolean isSolutionAssessment(Deal p, ReferenceData ref) {
        boolean sa = "Solution Assessment".equals(p.get(Field.DEAL_TYPE));
        for (Solution s : p.getSolutions()) {
            sa |= ref.isAssessment(s.getId());
        }
        return sa;
    }

    /** The deal (as stored, or as first seen) is Incoming and Received, and its answer window ended before the as-of date. */
    static boolean expiryDue(Deal p, Deal stored, LocalDate asOf, int windowDays) {
        Deal basis = stored != null ? stored : p;
        if (!basis.isIncoming() || !basis.isReceived()) {
            return false;
        }
        LocalDate received = basis.getReceivedOn();
        return received != null && asOf.isAfter(received.plusDays(windowDays));
    }
}
