package io.dealsync.rules;

import io.dealsync.model.Deal;
import io.dealsync.model.Field;
import io.dealsync.rules.DrlText.Kind;
import io.dealsync.rules.DrlText.Token;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Column names a rule passes to the deal: {@code amount("Estimated Deal Value")}, {@code changed("Location")},
 * {@code $d.violates("CODE", "Notes")}, and the lists a rule walks: {@code String() from $d.blankAmong([...])} (and
 * the older {@code String( $d.blank(this) ) from [...]}).
 * Drools compiles a misspelt one happily (it is only a text); the rule would fail on the first deal of the
 * night. Each name that is no column is reported with the nearest column name.
 */
final class ColumnNameCheck {
    /** The deal's methods that take a column name (rules/README.md, "What a deal offers"). */
    static final Set<String> COLUMN_METHODS =
            Set.of("text", "blank", "present", "date", "invalidDate", "amount", "positive", "dateBeforeAsOf", "changed");
    /** The deal's methods that take a list of column names and answer those of them that qualify. */
    static final Set<String> COLUMN_LIST_METHODS = Set.of("blankAmong", "invalidDatesAmong", "changedAmong");

    private ColumnNameCheck() {
    }

    /** An open bracket: the word before it, and whether it is a pattern such as {@code Deal(}. */
    private static final class Frame {
        final String type;
        boolean walksColumns;
        boolean columnList;

        Frame(String type) {
            this.type = type;
        }
    }

    static void check(String file, String text, java.util.Collection<RuleProblem> problems) {
        List<Token> t = DrlText.tokens(text);
        Map<String, String> bindings = new HashMap<>();
        Deque<Frame> open = new ArrayDeque<>();
        Token lastWalk = null; // the bracket closing the last pattern that walks a list: String( $d.blank(this) )
        for (int i = 0; i < t.size(); i++) {
            Token tok = t.get(i);
            if (tok.is("(") || tok.is("[")) {
                Frame f = new Frame(patternType(t, i));
                f.columnList = tok.is("[") && i >= 2 && (t.get(i - 1).is("from") && t.get(i - 2) == lastWalk
                        || t.get(i - 1).is("(") && COLUMN_LIST_METHODS.contains(t.get(i - 2).text())
                                && "Deal".equals(receiver(t, i - 2, bindings, open)));
                if (f.type != null && i >= 3 && t.get(i - 2).is(":") && t.get(i - 3).text().startsWith("$")) {
                    bindings.put(t.get(i - 3).text(), f.type);
                }
                open.push(f);
            } else if ((tok.is(")") || tok.is("]")) && !open.isEmpty()) {
                Frame f = open.pop();
                if (f.walksColumns) {
                    lastWalk = tok;
                }
            } else if (tok.kind() == Kind.STRING && !open.isEmpty() && open.peek().columnList) {
                column(file, tok, Field.byHeader(tok.text()) != null, problems);
            } else if (tok.kind() == Kind.WORD && next(t, i, "(")) {
                Token arg = i + 2 < t.size() ? t.get(i + 2) : null;
                if (arg == null) {
                    continue;
                }
                if (COLUMN_METHODS.contains(tok.text()) && "Deal".equals(receiver(t, i, bindings, open))) {
                    if (arg.kind() == Kind.STRING) {
                        column(file, arg, Field.byHeader(arg.text()) != null, problems);
                    } else if (arg.is("this") && !open.isEmpty()) {
                        open.peek().walksColumns = true;
                    }
                } else if (tok.is("violates") && arg.kind() == Kind.STRING && i + 4 < t.size() && t.get(i + 3).is(",")
                        && t.get(i + 4).kind() == Kind.STRING) {
                    column(file, t.get(i + 4), Field.isReportable(t.get(i + 4).text()), problems);
                }
            }
        }
    }

    private static void column(String file, Token tok, boolean ok, java.util.Collection<RuleProblem> problems) {
        if (!ok) {
            problems.add(new RuleProblem(file, tok.line(), tok.column(), Deal.noSuchColumn(tok.text())));
        }
    }

    private static boolean next(List<Token> t, int i, String s) {
        return i + 1 < t.size() && t.get(i + 1).is(s);
    }

    /** {@code Deal} in {@code $d : Deal(}: a capitalised word before a bracket that is not a method call. */
    private static String patternType(List<Token> t, int bracket) {
        if (bracket == 0 || !t.get(bracket).is("(")) {
            return null;
        }
        Token w = t.get(bracket - 1);
        boolean call = bracket >= 2 && (t.get(bracket - 2).is(".") || t.get(bracket - 2).is("new"));
        return w.kind() == Kind.WORD && Character.isUpperCase(w.text().charAt(0)) && !call ? w.text() : null;
    }

    /** The fact type a method is called on: {@code $d.}, {@code stored.}, {@code getStored().}, or the pattern it sits in. */
    private static String receiver(List<Token> t, int i, Map<String, String> bindings, Deque<Frame> open) {
        if (i >= 2 && t.get(i - 1).is(".")) {
            Token r = t.get(i - 2);
            if (r.text().startsWith("$")) {
                return bindings.get(r.text());
            }
            if (r.is("stored") || r.is(")") && i >= 4 && t.get(i - 3).is("(") && t.get(i - 4).is("getStored")) {
                return "Deal";
            }
            return null;
        }
        for (Frame f : open) {
            if (f.type != null) {
                return f.type;
            }
        }
        return null;
    }
}
