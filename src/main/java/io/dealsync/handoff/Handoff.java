package io.dealsync.handoff;

import io.dealsync.model.Deal;
import io.dealsync.model.Field;
import io.dealsync.store.DealStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code handoff} job: the stored deals in id order, merged page by page with the hand-off ledger,
 * give the versions Partner Center has not had yet; those it would refuse are held back with the
 * reason, the others go into upload files of at most {@code maxRows} rows. Memory holds one page of
 * deals and one file's rows, whatever the number of deals.
 *
 * <p>Per file: its rows are registered 'writing' (durably), the file is written under a temporary name
 * and renamed into place, then its rows become 'sent'. A crash anywhere leaves either no final file and
 * 'writing' rows (dropped by the next run, so handed off again) or the final file and 'writing' rows
 * (marked sent by the next run): never a version marked handed off without its file, nor half a file.
 */
public final class Handoff {
    private static final Logger LOG = LoggerFactory.getLogger(Handoff.class);
    static final int PAGE = 1000;

    /** One upload file written. */
    public record FileSummary(String name, int rows, int newDeals, int updates) {
    }

    /** What a hand-off did. */
    public record Result(String runId, Path outDir, int recovered, List<FileSummary> files, Map<String, Long> heldBack,
            String heldBackFile, long waitingForAnswer) {
        public long rows() {
            return files.stream().mapToLong(FileSummary::rows).sum();
        }

        /** The run report's {@code handoff} section: file names and counts, no deal data. */
        public Map<String, Object> toReport() {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("outDir", outDir.toString());
            m.put("rows", rows());
            m.put("files", files);
            m.put("heldBack", heldBack);
            m.put("heldBackFile", heldBackFile);
            m.put("waitingForAnswer", waitingForAnswer);
            m.put("recoveredFiles", recovered);
            return m;
        }
    }

    private final DealStore store;
    private final HandoffLedger ledger;
    private final HandoffSettings settings;
    private final UploadTemplate template;

    public Handoff(DealStore store, HandoffSettings settings) {
        this.store = store;
        this.ledger = new HandoffLedger(store.database());
        this.settings = settings;
        this.template = new UploadTemplate(settings.marketplacePurchaseIntent());
    }

    public Result run(String runId) {
        int recovered = ledger.recover();
        if (recovered > 0) {
            LOG.info("Hand-off: settled {} upload file(s) a crashed hand-off left unfinished", recovered);
        }
        Batch batch = new Batch(runId);
        List<Deal> page = new ArrayList<>(PAGE);
        store.reads().forEachDeal(io.dealsync.store.DealReads.DealFilter.ALL, d -> {
            page.add(d);
            if (page.size() == PAGE) {
                batch.page(page);
                page.clear();
            }
        });
        batch.page(page);
        batch.flush();
        store.checkpoint();
        String heldFile = batch.held.isEmpty() ? null : writeHeldBack(runId);
        return new Result(runId, settings.outDir(), recovered, batch.files, batch.held, heldFile, batch.waiting);
    }

    /** The selection in progress: the rows of the next file, what was held back, the files written. */
    private final class Batch {
        final String runId;
        final List<Deal> pending = new ArrayList<>();
        final List<FileSummary> files = new ArrayList<>();
        final Map<String, Long> held = new TreeMap<>();
        long waiting;

        Batch(String runId) {
            this.runId = runId;
        }

        void page(List<Deal> deals) {
            if (deals.isEmpty()) {
                return;
            }
            Map<Long, HandoffLedger.Last> last = ledger.last(deals.get(0).getId(), deals.get(deals.size() - 1).getId());
            List<Deal> heldDeals = new ArrayList<>();
            List<HoldBack> reasons = new ArrayList<>();
            for (Deal d : deals) {
                HandoffLedger.Last l = last.get(d.getId());
                if (l != null && l.version() >= d.getVersion()) {
                    continue; // this version was dealt with already
                }
                if (l != null && d.getReferralId().isEmpty() && HandoffLedger.SENT.equals(l.status())) {
                    // a new deal whose creation Partner Center has not answered yet: sent again, it would be
                    // created twice; it goes as an update once the processed file brings its Referral ID
                    waiting++;
                    continue;
                }
                HoldBack reason = HoldBack.of(d);
                if (reason != null) {
                    heldDeals.add(d);
                    reasons.add(reason);
                    held.merge(reason.name(), 1L, Long::sum);
                    continue;
                }
                pending.add(d);
                if (pending.size() == settings.maxRows()) {
                    flush();
                }
            }
            ledger.hold(heldDeals, reasons, runId);
        }

        void flush() {
            if (pending.isEmpty()) {
                return;
            }
            int number = files.size() + 1;
            String name = String.format(java.util.Locale.ROOT, "handoff-%s-%03d.csv", runId, number);
            Path path = settings.outDir().resolve(name);
            long fileId = ledger.beginFile(name, path, runId, pending);
            int teamColumns = UploadTemplate.teamColumns(pending);
            try {
                UploadFiles.write(path, template.header(teamColumns), out -> {
                    for (Deal d : pending) {
                        out.printRecord(template.row(d, teamColumns));
                    }
                }, () -> haltIf("before-rename", number));
            } catch (IOException | RuntimeException e) {
                ledger.recover(); // no final file: its rows are dropped and handed off next time
                throw e instanceof IOException io ? new UncheckedIOException("Writing " + path + " failed", io)
                        : (RuntimeException) e;
            }
            haltIf("after-rename", number);
            ledger.fileWritten(fileId);
            long news = pending.stream().filter(d -> d.getReferralId().isEmpty()).count();
            files.add(new FileSummary(name, pending.size(), (int) news, pending.size() - (int) news));
            LOG.info("Hand-off: {} written ({} rows: {} new, {} updates)", name, pending.size(), news, pending.size() - news);
            pending.clear();
        }
    }

    /** The deals held back by this run, with the reason, beside the upload files (never uploaded: own folder). */
    private String writeHeldBack(String runId) {
        Path path = settings.outDir().resolve("held-back").resolve("held-back-" + runId + ".csv");
        List<String> header = List.of(Field.REFERRAL_ID.header(), Field.CRM_ID.header(), Field.PARTNER_ID.header(),
                "Deal ID", "Version", "Reason", "Why");
        try {
            UploadFiles.write(path, header, out -> ledger.heldInRun(runId, r -> {
                HoldBack reason = HoldBack.valueOf(r[5]);
                try {
                    out.printRecord(guard(r[2]), guard(r[3]), guard(r[4]), r[0], r[1], reason.name(), reason.message());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }), () -> { });
        } catch (IOException e) {
            throw new UncheckedIOException("Writing " + path + " failed", e);
        }
        return path.toString();
    }

    private static String guard(String cell) {
        return io.dealsync.review.CsvRecordFileWriter.neutralise(cell);
    }

    /** Test-only halt point ({@code dealsync.handoff.test-halt=before-rename:2}): the JVM stops dead, as under SIGKILL. */
    private void haltIf(String point, int fileNumber) {
        if (settings.halt().equals(point + ":" + fileNumber)) {
            Runtime.getRuntime().halt(137);
        }
    }
}
