package io.dealsync.rulecases;

import io.dealsync.read.SourceRecord;
import io.dealsync.model.Deal;
import io.dealsync.rules.RuleBook;
import io.dealsync.rules.RuleFailedException;
import io.dealsync.sync.ChunkDecider;
import io.dealsync.sync.FileContext;
import io.dealsync.sync.Decision;
import io.dealsync.sync.StoredDeals;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs one case through the engine's own path ({@link ChunkDecider#decide}), its records as one file. */
public final class CaseRun {
    /** The configured partner id the cases run with (a record without PartnerID takes it). */
    private static final String DEFAULT_PARTNER_ID = "4001234";
    /** How a difference begins when a rule itself failed (the smoke run of {@code rules check} looks for it). */
    static final String RULE_FAILED = "the rule \"";

    private CaseRun() {
    }

    /** The verdict on one case: passed, or the differences between what was expected and what came. */
    public record Result(RuleCase testCase, List<String> differences) {
        public boolean passed() {
            return differences.isEmpty();
        }

        /** PASS/FAIL line with the differences under it. */
        public String report() {
            StringBuilder sb = new StringBuilder(passed() ? "PASS  " : "FAIL  ").append(testCase.title());
            for (String d : differences) {
                sb.append(System.lineSeparator()).append("        ").append(d.replace("\n", System.lineSeparator() + "        "));
            }
            return sb.toString();
        }
    }

    /** Runs the case and compares what came with what it expects. */
    public static Result check(RuleBook book, RuleCase c) {
        Map<String, Deal> stored = new HashMap<>();
        List<SourceRecord> records = new ArrayList<>();
        try {
            for (CaseDeal s : c.stored) {
                Deal d = s.toDeal();
                for (String k : d.getKeys()) {
                    stored.put(k, d);
                }
            }
            for (int i = 0; i < c.steps.size(); i++) {
                records.add(c.steps.get(i).record.toRecord(i + 2L)); // line 2 and on, as under a CSV header
            }
        } catch (IllegalArgumentException e) {
            return new Result(c, List.of(e.getMessage()));
        }
        List<Decision> decisions;
        try {
            decisions = new ChunkDecider(book).decide(records, StoredDeals.of(stored),
                    new FileContext(c.asOf, DEFAULT_PARTNER_ID, Map.of()));
        } catch (RuleFailedException e) {
            // the case fails, the other cases still run
            return new Result(c, List.of(RULE_FAILED + e.rule() + "\"" + (e.where().isEmpty() ? "" : " (" + e.where() + ")")
                    + " failed: " + e.reason()));
        }
        List<String> diffs = new ArrayList<>();
        for (int i = 0; i < c.steps.size(); i++) {
            RuleCase.Step step = c.steps.get(i);
            String where = c.steps.size() > 1 ? "record " + (i + 1) + " (line " + step.line + "): " : "";
            CaseVerdict.differences(book, step, decisions.get(i)).forEach(d -> diffs.add(where + d));
        }
        return new Result(c, diffs);
    }
}
