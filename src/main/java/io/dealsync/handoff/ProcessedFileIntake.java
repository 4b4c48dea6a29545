package io.dealsync.handoff;

import io.dealsync.read.UnreadableFileException;
import io.dealsync.model.Field;
import io.dealsync.report.FileLedger;
import io.dealsync.store.DealStore;
import io.dealsync.store.FileState;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Partner Center's processed file, dropped into {@code inbox/partner-center/}: the upload template with its
 * {@code Errors} column. Each row answers the latest outstanding hand-off of its deal: no errors, that
 * version is accepted (and a Referral ID Partner Center gave a new deal is stored on it); errors, it is
 * refused with Partner Center's messages, and the deal goes again only once it changes. The whole file is
 * one transaction, so a crash applies all of it or none.
 *
 * <p>In the file's counts every row is read: a stored Referral ID counts as {@code updated}, any other
 * answer as {@code unchanged} (the deal did not change), a row that answers no outstanding hand-off as
 * {@code skipped}; the {@code partnerCenter} section says accepted, refused, and Partner Center's messages.
 */
public final class ProcessedFileIntake {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessedFileIntake.class);
    /** Refused deals listed in the run report, each with its messages; the rest are counted. */
    static final int LISTED_REFUSALS = 50;

    private final DealStore store;
    private final HandoffLedger ledger;
    private final String defaultPartnerId;

    public ProcessedFileIntake(DealStore store, String defaultPartnerId) {
        this.store = store;
        this.ledger = new HandoffLedger(store.database());
        this.defaultPartnerId = defaultPartnerId;
    }

    /**
     * Reads the processed file into the ledger and the deals.
     *
     * @throws UnreadableFileException when it is not a processed file (not CSV, no Errors column, no key column)
     */
    public FileLedger process(Path file, String name, String source, String sha256, String runId, java.time.LocalDate asOf,
            FileLedger out)
            throws UnreadableFileException {
        long start = System.nanoTime();
        if (!name.toLowerCase(Locale.ROOT).endsWith(".csv")) {
            String why = name + ": Partner Center's processed files are CSV (the upload template)";
            store.files().recordFailed(name, source, sha256, runId, why);
            out.setStatus(FileLedger.Status.failed);
            out.setError(why);
            throw new UnreadableFileException(why);
        }
        FileState state = store.files().beginFile(name, source, sha256, runId, "", null, null);
        Answers answers = new Answers();
        String display = source + "/" + name;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.builder().setReader(r).setFormat(CSVFormat.RFC4180).get()) {
            java.util.Iterator<CSVRecord> it = parser.iterator();
            Columns cols = Columns.of(it.hasNext() ? it.next() : null, name);
            ReferralIds.Origin origin = new ReferralIds.Origin(runId, asOf, state.id(), display, 0);
            List<DealStore.KeyRefresh> newKeys = new java.util.ArrayList<>();
            Map<String, Long> storedHere = new HashMap<>(); // the Referral IDs this file stored: not in the key index yet
            ledger.inTransaction(c -> {
                ReferralIds.Owners owners = ref -> {
                    Long here = storedHere.get(ref);
                    return here != null ? here : store.dealWithReferralId(c, ref);
                };
                while (it.hasNext()) {
                    CSVRecord rec = it.next();
                    out.incRead();
                    answer(c, cols, rec, new ReferralIds.Origin(origin.runId(), origin.asOf(), origin.fileId(),
                            display, rec.getRecordNumber()), answers, out, newKeys, owners, storedHere);
                }
            });
            newKeys.forEach(DealStore.KeyRefresh::committed); // the key index learns the Referral IDs once committed
        } catch (UnreadableFileException e) {
            store.files().finishFile(state.id(), "failed", null, io.dealsync.store.FileCounts.NONE, e.getMessage());
            out.setStatus(FileLedger.Status.failed);
            out.setError(e.getMessage());
            throw e;
        } catch (IOException | UncheckedIOException e) {
            String why = name + " cannot be read as CSV: " + e.getMessage();
            store.files().finishFile(state.id(), "failed", null, io.dealsync.store.FileCounts.NONE, why);
            out.setStatus(FileLedger.Status.failed);
            out.setError(why);
            throw new UnreadableFileException(why);
        }
        out.setPartnerCenter(answers.toReport());
        out.setDurationMs((System.nanoTime() - start) / 1_000_000);
        store.files().finishFile(state.id(), "done", null, new io.dealsync.store.FileCounts(out.getRead(), 0,
                out.getUpdated(), out.getUnchanged(), 0, out.getSkipped(), 0, 0), null);
        store.checkpoint();
        LOG.info("{}: Partner Center's answers: {} accepted ({} Referral ID(s) stored), {} refused, {} unmatched in {} ms",
                display, answers.accepted, answers.referralIdsStored, answers.refused, answers.unmatched, out.getDurationMs());
        return out;
    }

    private void answer(Connection c, Columns cols, CSVRecord rec, ReferralIds.Origin origin, Answers a, FileLedger out,
            List<DealStore.KeyRefresh> newKeys, ReferralIds.Owners owners, Map<String, Long> storedHere)
            throws SQLException {
        String referralId = cols.get(rec, cols.referralId);
        String crmId = cols.get(rec, cols.crmId);
        String partnerId = cols.get(rec, cols.partnerId);
        PartnerCenterAnswers.Sent sent = PartnerCenterAnswers.find(c, referralId, crmId, partnerId.isEmpty() ? defaultPartnerId : partnerId);
        if (sent == null) {
            a.unmatched++;
            out.incSkipped();
            return;
        }
        List<String> messages = Messages.split(cols.get(rec, cols.errors));
        if (!messages.isEmpty()) {
            PartnerCenterAnswers.answer(c, sent, false, String.join("; ", messages), origin.fileName());
            a.refused(sent, crmId, referralId, messages);
            out.incUnchanged();
            return;
        }
        PartnerCenterAnswers.answer(c, sent, true, null, origin.fileName());
        a.accepted++;
        if (referralId.isEmpty() || referralId.equals(sent.referralId())) {
            out.incUnchanged();
            return;
        }
        ReferralIds.Result stored = ReferralIds.store(c, sent.dealId(), referralId, origin, owners);
        if (stored.outcome() == ReferralIds.Outcome.STORED) {
            storedHere.put(referralId, sent.dealId());
            newKeys.add(store.refreshKeys(c, sent.dealId()));
            a.referralIdsStored++;
            out.incUpdated();
            if (stored.oldVersion() == sent.version()) {
                // unchanged since the hand-off: the new version is Partner Center's own, nothing to hand off
                PartnerCenterAnswers.referralStored(c, sent, sent.version() + 1, referralId, crmId, partnerId, origin.runId(),
                        origin.fileName());
            }
        } else {
            if (stored.outcome() == ReferralIds.Outcome.CONFLICT) {
                a.referralIdConflicts++;
            }
            out.incUnchanged();
        }
    }

    /** Where the columns the answers need are (header names as the template spells them, any case). */
    private record Columns(int errors, int referralId, int crmId, int partnerId) {
        static Columns of(CSVRecord header, String name) throws UnreadableFileException {
            if (header == null) {
                throw new UnreadableFileException(name + " is empty: a Partner Center processed file has a header row");
            }
            Map<String, Integer> at = new HashMap<>();
            for (int i = header.size() - 1; i >= 0; i--) {
                at.put(Field.key(header.get(i).replace("\uFEFF", "")), i);
            }
            Columns c = new Columns(at.getOrDefault("errors", -1), index(at, Field.REFERRAL_ID),
                    index(at, Field.CRM_ID), Math.max(index(at, Field.PARTNER_ID), at.getOrDefault("partnerid", -1)));
            if (c.errors < 0 || (c.referralId < 0 && c.crmId < 0)) {
                throw new UnreadableFileException(name + " is not a Partner Center processed file: it needs the Errors"
                        + " column and Referral ID or CRM ID (files of deals go to the inbox or another source folder)");
            }
            return c;
        }

        private static int index(Map<String, Integer> at, Field f) {
            return at.getOrDefault(Field.key(f.header()), -1);
        }

        /** A cell, trimmed, without the formula guard a hand-off file put in front. */
        String get(CSVRecord rec, int i) {
            if (i < 0 || i >= rec.size()) {
                return "";
            }
            return io.dealsync.read.CsvRecordReader.unescapeFormula(rec.get(i).strip());
        }
    }

    /** Partner Center's answers in one file, for the run report (ids and messages, no contact data). */
    private static final class Answers {
        long accepted;
        long refused;
        long referralIdsStored;
        long referralIdConflicts;
        long unmatched;
        final List<Map<String, Object>> refusals = new java.util.ArrayList<>();

        void refused(PartnerCenterAnswers.Sent s, String crmId, String referralId, List<String> messages) {
            refused++;
            if (refusals.size() < LISTED_REFUSALS) {
                Map<String, Object> m = new java.util.LinkedHashMap<>();
                m.put("dealId", s.dealId());
                m.put("version", s.version());
                m.put("crmId", crmId);
                m.put("referralId", referralId);
                m.put("handoffFile", s.fileName());
                m.put("messages", messages);
                refusals.add(m);
            }
        }

        Map<String, Object> toReport() {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("accepted", accepted);
            m.put("refused", refused);
            m.put("referralIdsStored", referralIdsStored);
            m.put("referralIdConflicts", referralIdConflicts);
            m.put("unmatched", unmatched);
            m.put("refusals", refusals);
            m.put("refusalsNotListed", refused - refusals.size());
            return m;
        }
    }
}
