package io.dealsync.handoff;

import io.dealsync.store.Database;
import java.io.PrintStream;
import java.util.List;

/** The "Partner Center" part of {@code deals show}: each version handed off, when, in which file, and the answer. */
public final class HandoffHistory {
    private HandoffHistory() {
    }

    public static void print(Database db, long dealId, PrintStream out) {
        List<HandoffLedger.Entry> entries = new HandoffLedger(db).entries(dealId);
        out.println("Partner Center");
        if (entries.isEmpty()) {
            out.println("  not handed off yet");
        }
        for (HandoffLedger.Entry e : entries) {
            out.println("  " + line(e));
            if (e.messages() != null && !e.messages().isEmpty()) {
                out.println("        " + e.messages());
            }
        }
        out.println();
    }

    static String line(HandoffLedger.Entry e) {
        String v = "v" + e.version() + "  ";
        if (HandoffLedger.HELD.equals(e.status())) {
            return v + "held back " + e.handedAt() + ": " + e.reason() + " (" + HoldBack.valueOf(e.reason()).message() + ")";
        }
        if (HandoffLedger.REFERRAL_ID_STORED.equals(e.reason())) {
            return v + "Referral ID stored from " + e.answerFile() + " " + e.answeredAt() + " (Partner Center's own version)";
        }
        String sent = v + "handed off " + e.handedAt() + " in " + e.file() + (e.row() == null ? "" : " row " + e.row());
        return switch (e.status()) {
            case HandoffLedger.ACCEPTED -> sent + "; accepted by Partner Center (" + e.answerFile() + ", " + e.answeredAt() + ")";
            case HandoffLedger.REFUSED -> sent + "; refused by Partner Center (" + e.answerFile() + ", " + e.answeredAt() + "):";
            default -> sent + "; awaiting Partner Center's processed file";
        };
    }
}
