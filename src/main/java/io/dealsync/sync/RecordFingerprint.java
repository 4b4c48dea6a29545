package io.dealsync.sync;

import io.dealsync.read.SourceRecord;
import io.dealsync.model.Deal;
import io.dealsync.model.Field;
import io.dealsync.model.Hash64;
import io.dealsync.model.Solution;
import io.dealsync.model.TeamMember;

/**
 * The fingerprint of what a record says, salted with what else decides the outcome (the rules'
 * fingerprint, the default partner id, the source's stage names). A CSV row's print is the hash of its text
 * (under its header and profile: {@link SourceRecord#rowHash()}), which the reader can check before it
 * splits the row; any other record's print is every column it carries with its value (after the reader's
 * parsing). The store keeps the print of the record last applied to each deal; a record with the same
 * print is that record again, and is unchanged without any rules work (docs/architecture.md, "Unchanged
 * records").
 */
final class RecordFingerprint {
    private RecordFingerprint() {
    }

    /** The file's salt: a rules change, or another default partner id or stage mapping, judges every record again. */
    static long salt(String rulesFingerprint, FileContext ctx) {
        return new Hash64().add(rulesFingerprint).add(ctx.defaultPartnerId)
                .add(new java.util.TreeMap<>(ctx.extraStageNames).toString()).value();
    }

    /**
     * The print kept for a record that leaves its deal awaiting an answer (R50): the record's print tied to the first
     * as-of date on which the deal is due, so the same record is recognised while the window runs and judged (and
     * expired) from that day on ({@link FileContext#sameRecord}).
     */
    static long untilDue(long print, java.time.LocalDate due) {
        return print ^ dueSalt(due);
    }

    static long dueSalt(java.time.LocalDate due) {
        return new Hash64().add("the answer window ends").add(due.toEpochDay()).value();
    }

    /** The print of a CSV row by the hash of its text. */
    static long ofRow(long rowHash, long salt) {
        return new Hash64().add(salt).add(rowHash).value();
    }

    /** The record's print, or 0 when it must always be judged (unreadable, or a value that did not read). */
    static long of(SourceRecord r, long salt) {
        if (r.isMalformed() || !r.problems().isEmpty()) {
            return 0;
        }
        if (r.rowHash() != 0) {
            return ofRow(r.rowHash(), salt);
        }
        Deal d = r.deal();
        Hash64 h = new Hash64().add(salt);
        PresentFields plan = PresentFields.of(r.presentColumns());
        for (Field f : plan.fields()) {
            h.add(f.ordinal()).add(d.get(f));
        }
        if (plan.solutions()) {
            h.add(-1);
            java.util.List<Solution> solutions = d.getSolutions();
            for (int i = 0; i < solutions.size(); i++) { // indexed: the List.of iterator was the top frame
                h.add(solutions.get(i).toCell());
            }
        }
        if (plan.team()) {
            h.add(-2);
            java.util.List<TeamMember> team = d.getTeam();
            for (int i = 0; i < team.size(); i++) {
                h.add(team.get(i).toCell());
            }
        }
        return h.value();
    }
}
