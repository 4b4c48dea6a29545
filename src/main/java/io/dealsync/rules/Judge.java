package io.dealsync.rules;

import io.dealsync.model.Deal;
import io.dealsync.model.Severity;
import io.dealsync.model.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
     * deal's violations, in the chunk's order.
     */
    public static List<List<Violation>> judge(RuleBook book, List<Deal> deals, Map<String, Integer> extraStageNames) {
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
            out.add(violations(d, ref));
        }
        return out;
    }

    /** Turns what the rules raised into violations with severity and message from the reason-code table. */
    public static List<Violation> violations(Deal d, ReferenceData ref) {
        return violations(d, ref, Wording.CANONICAL);
    }

    /** The same, with messages in the words of the reviewer's file (its column names, date and number forms). */
    public static List<Violation> violations(Deal d, ReferenceData ref, Wording wording) {
        List<String[]> raised = d.getRaised();
        if (raised.isEmpty()) {
            return List.of();
        }
        List<Violation> out = new ArrayList<>(raised.size());
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String[] r : raised) {
            // two rules may say the same thing (R1 and R24 both require Notes): report it once
            if (seen.add(r[0] + '\u0000' + r[1])) {
                out.add(violation(ref, r[0], r[1], r.length > 2 ? r[2] : "", wording));
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

    static void readReportedStage(Deal d, Map<String, Integer> names, Map<String, Integer> extra) {
        String text = d.get(io.dealsync.model.Field.SALES_STAGE);
        d.setReportedStage(null);
        d.setStageNameUnknown(false);
        if (text.isEmpty()) {
            return;
        }
        String t = text.endsWith("%") ? text.substring(0, text.length() - 1).strip() : text;
        try {
            int pct = new java.math.BigDecimal(t).intValueExact();
            for (int p : STAGE_PERCENTS) {
                if (p == pct) {
                    d.setReportedStage(pct);
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
            d.setStageNameUnknown(true);
        } else {
            d.setReportedStage(pct);
        }
    }
}
