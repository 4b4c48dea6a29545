package io.dealsync.sync;

import java.time.LocalDate;
import java.util.Map;

/** Per-file state: the run's as-of date, the default partner id, the source's stage names, keys seen. */
public final class FileContext {
    final LocalDate asOf;
    final String defaultPartnerId;
    final Map<String, Integer> extraStageNames;
    final SeenKeys seen = new SeenKeys();
    /** The salt of the rule book last asked for; volatile, as the ties below: the read and judge threads both ask. */
    private volatile Salt salt;
    /** The ties of a print to each due date a deal still awaiting an answer can have (see sameRecord). */
    private volatile long[] dueSalts;
    /** Keys were re-learnt (a resumed file): they are known by key, not by deal, so R9 asks by key too. */
    boolean relearnt;
    /** issue 10: messages name columns as the reviewer's file does (its profile's headers, date and number forms). */
    io.dealsync.rules.Wording wording = io.dealsync.rules.Wording.CANONICAL;

    public FileContext(LocalDate asOf, String defaultPartnerId, Map<String, Integer> extraStageNames) {
        this.asOf = asOf;
        this.defaultPartnerId = defaultPartnerId;
        this.extraStageNames = extraStageNames == null ? Map.of() : extraStageNames;
    }

    public LocalDate asOf() {
        return asOf;
    }

    /** The salt of this file's record fingerprints under the given rules (computed once per rule book). */
    long salt(String rulesFingerprint) {
        Salt s = salt;
        if (s == null || !s.rulesFingerprint().equals(rulesFingerprint)) {
            s = new Salt(rulesFingerprint, RecordFingerprint.salt(rulesFingerprint, this));
            salt = s;
        }
        return s.value();
    }

    private record Salt(String rulesFingerprint, long value) {
    }

    /**
     * Whether a stored print is this record's: the same print, or the same tied to a due date after the as-of
     * date ({@link RecordFingerprint#untilDue}: a deal applied on day R is due on R + window + 1, so a deal not
     * due yet has its due date in the next window + 1 days; one received after the as-of date is judged).
     */
    boolean sameRecord(long stored, long print, int windowDays) {
        if (stored == 0 || print == 0) {
            return false;
        }
        if (stored == print) {
            return true;
        }
        long[] ties = dueSalts;
        if (ties == null || ties.length != windowDays + 1) {
            ties = new long[windowDays + 1];
            for (int i = 0; i <= windowDays; i++) {
                ties[i] = RecordFingerprint.dueSalt(asOf.plusDays(i + 1L));
            }
            dueSalts = ties;
        }
        long tie = stored ^ print;
        for (long s : ties) {
            if (s == tie) {
                return true;
            }
        }
        return false;
    }

    /** issue 10: the reviewer's wording for this file's messages. */
    public FileContext wording(io.dealsync.rules.Wording wording) {
        this.wording = wording;
        return this;
    }

    /** Marks a key as seen on a line (a resumed file re-learns the keys of records settled before the crash). */
    public void remember(String key, long line) {
        seen.firstLineOrAdd(key, line);
        relearnt = true;
    }
}
