package io.dealsync.rulecases;

import io.dealsync.model.Field;
import io.dealsync.model.Violation;
import io.dealsync.rulecases.RuleCase.Expected;
import io.dealsync.rulecases.RuleCase.Step;
import io.dealsync.rules.RuleBook;
import io.dealsync.sync.Decision;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Compares what one record of a case gave (its decision) with what the case expects of it. */
final class CaseVerdict {
    private CaseVerdict() {
    }

    /** The differences, each a line for the report (none: the record gave what was expected). */
    static List<String> differences(RuleBook book, Step step, Decision decision) {
        List<String> diffs = new ArrayList<>();
        for (Expected e : step.codes) {
            if (!book.reference().reasonCodes().containsKey(e.code())) {
                diffs.add("expect names " + e.code() + ", which is not a code of reason-codes.csv");
            }
        }
        String findings = findings(step, decision);
        if (findings != null) {
            diffs.add(findings);
        }
        if (!step.outcomes.isEmpty()) {
            // exactly: "created" does not pass for a deal created and expired
            Set<String> came = new LinkedHashSet<>(List.of(outcomeWord(decision.outcome())));
            if (decision.expired() || decision.expireStored()) {
                came.add("expired");
            }
            if (!came.equals(step.outcomes)) {
                diffs.add("expected outcome " + String.join(", ", step.outcomes) + ", got " + String.join(", ", came));
            }
        }
        if (step.notify != null) {
            String got = decision.notifyEvent() == null ? "none" : decision.notifyEvent();
            if (!step.notify.equalsIgnoreCase(got)) {
                diffs.add("expected notify " + step.notify + ", got " + got);
            }
        }
        return diffs;
    }

    /** The expected findings against those that came, with each message; null when they match. */
    private static String findings(Step step, Decision decision) {
        List<Violation> got = decision.violations();
        String outcome = outcomeWord(decision.outcome());
        boolean codesOk;
        String expectedText;
        if (step.expectStored) {
            codesOk = got.isEmpty() && Set.of("created", "updated", "unchanged").contains(outcome);
            expectedText = "stored (no finding)";
        } else if (step.expectSkipped) {
            codesOk = "skipped".equals(outcome);
            expectedText = "skipped";
        } else {
            codesOk = matches(step.codes, got);
            expectedText = String.join(", ", step.codes.stream().map(Expected::toString).toList());
        }
        if (codesOk) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        sb.append("expected: ").append(expectedText).append('\n');
        sb.append("got:      ").append(got.isEmpty() ? "no finding" : String.join(", ", got.stream()
                .map(v -> v.field().isEmpty() ? v.code() : v.code() + "(" + v.field() + ")").sorted().toList()));
        sb.append(" -> ").append(outcome);
        for (Violation v : got) {
            sb.append('\n').append("  ").append(v.code()).append(": ").append(v.message());
        }
        return sb.toString();
    }

    /** Every expected item finds its findings, and every finding is expected. */
    static boolean matches(List<Expected> expected, List<Violation> got) {
        boolean[] used = new boolean[got.size()];
        for (Expected e : expected) {
            boolean found = false;
            for (int i = 0; i < got.size(); i++) {
                Violation v = got.get(i);
                if (v.code().equals(e.code()) && (e.field() == null || sameColumn(e.field(), v.field()))) {
                    found = true;
                    used[i] = true;
                    if (e.field() != null) {
                        break; // CODE(field) is one finding; a bare CODE stands for all of that code
                    }
                }
            }
            if (!found) {
                return false;
            }
        }
        for (boolean u : used) {
            if (!u) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameColumn(String a, String b) {
        return Field.key(canonicalOr(a)).equals(Field.key(canonicalOr(b)));
    }

    private static String canonicalOr(String column) {
        try {
            return CaseDeal.canonical(column);
        } catch (IllegalArgumentException e) {
            return column;
        }
    }

    private static String outcomeWord(Decision.Outcome o) {
        return switch (o) {
            case CREATE -> "created";
            case UPDATE -> "updated";
            case UNCHANGED -> "unchanged";
            case REJECT -> "rejected";
            case SKIP -> "skipped";
        };
    }
}
