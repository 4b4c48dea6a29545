package io.dealsync.rules;

import io.dealsync.model.Deal;
import io.dealsync.model.EngineContext;
import io.dealsync.model.Field;
import io.dealsync.model.Finding;
import io.dealsync.model.Findings;
import io.dealsync.model.Severity;
import io.dealsync.model.Violation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.kie.api.runtime.KieSession;

/**
 * Runs the rule book over a chunk of deals in ONE stateful session (insert all, fire, dispose): a session
 * per record costs far more than the rules themselves. The reference tables go in as facts too (Assessment,
 * StatusReason, CurrencyCode, CountryCode, Settings: about 450 per chunk), so rules can say
 * {@code not Assessment( solutionId == $id )}.
 */
public final class Judge {
    private static final int[] STAGE_PERCENTS = {10, 20, 40, 60, 80, 100};

    private Judge() {
    }

    /**
     * Fills each deal's reported stage from its Sales Stage text (a percentage, or a name mapped through the
     * analysts' table and the source's own {@code extraStageNames}), fires the rules, and returns each
     * deal's violations in the chunk's order, their messages in the words of the reviewer's file.
     */
    public static List<List<Violation>> judge(RuleBook book, List<Deal> deals, Map<String, Integer> extraStageNames,
            Wording wording) {
        ReferenceData ref = book.reference();
        for (Deal d : deals) {
            readReportedStage(d, ref.stageNames(), extraStageNames);
        }
        KieSession session = book.kieBase().newKieSession();
        try {
            for (Assessment a : ref.catalogue().values()) {
                session.insert(a);
            }
            for (StatusReason r : ref.statusReasons()) {
                session.insert(r);
            }
            for (CurrencyCode c : ref.currencies()) {
                session.insert(c);
            }
            for (CountryCode c : ref.countries()) {
                session.insert(c);
            }
            session.insert(ref.settings());
            for (Deal d : deals) {
                session.insert(d);
            }
            session.fireAllRules();
        } catch (RuleFailedException e) {
            throw e;
        } catch (RuntimeException e) {
            // constraints run on insert too: a rule that fails fails the chunk, and with it the file
            throw RuleFailedException.of(book, e);
        } finally {
            session.dispose();
        }
        List<List<Violation>> out = new ArrayList<>(deals.size());
        for (Deal d : deals) {
            out.add(violations(d.findings(), ref, wording));
        }
        return out;
    }

    /**
     * Turns what the rules raised into violations with severity and message from the reason-code table, in
     * the words of the reviewer's file (its column names, date and number forms).
     */
    private static List<Violation> violations(Findings findings, ReferenceData ref, Wording wording) {
        List<Finding> raised = findings.list();
        if (raised.isEmpty()) {
            return List.of();
        }
        List<Violation> out = new ArrayList<>(raised.size());
        Set<String> seen = new HashSet<>();
        for (Finding f : raised) {
            // two rules may say the same thing (R1 and R24 both require Notes): report it once
            if (seen.add(f.code() + '\u0000' + f.column())) {
                out.add(violation(ref, f.code(), f.column(), f.detail(), wording));
            }
        }
        return out;
    }

    /** A violation of {@code code} about {@code field}, with the table's severity and message (unknown codes are errors). */
    public static Violation violation(ReferenceData ref, String code, String field, String detail) {
        return violation(ref, code, field, detail, Wording.CANONICAL);
    }

    /**
     * A violation whose message names the column as the reviewer's file does; the detail goes where the
     * message says {@code {detail}}, else in brackets after it. The violation's field stays the template
     * name: reports count by it, whatever the source.
     */
    public static Violation violation(ReferenceData ref, String code, String field, String detail, Wording wording) {
        ReasonCode rc = ref.reasonCodes().get(code);
        String d = detail == null ? "" : wording.fill(field.isEmpty() ? detail : detail.replace(field, wording.column(field)));
        String template = rc == null ? code + (field.isEmpty() ? "" : " ({field})") : rc.message();
        String base = wording.render(template, field, d);
        String message = d.isEmpty() || template.contains("{detail}") ? base : base + " (" + d + ")";
        return new Violation(code, field, message, rc == null ? Severity.ERROR : rc.severity(), "");
    }

    static void readReportedStage(Deal deal, Map<String, Integer> names, Map<String, Integer> extra) {
        String text = deal.get(Field.SALES_STAGE);
        EngineContext d = deal.context().reportedStage(null).stageNameUnknown(false);
        if (text.isEmpty()) {
            return;
        }
        String t = text.endsWith("%") ? text.substring(0, text.length() - 1).strip() : text;
        try {
            int pct = new java.math.BigDecimal(t).intValueExact();
            for (int p : STAGE_PERCENTS) {
                if (p == pct) {
                    d.reportedStage(pct);
                }
            }
            return; // a number that is no stage percentage stays null: the rules call it invalid
        } catch (NumberFormatException | ArithmeticException notANumber) {
            // a stage name
        }
        String key = t.toLowerCase(Locale.ROOT);
        Integer pct = extra == null ? null : extra.get(key);
        if (pct == null) {
            pct = names.get(key);
        }
        if (pct == null) {
            d.stageNameUnknown(true);
        } else {
            d.reportedStage(pct);
        }
    }
}
