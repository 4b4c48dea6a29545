package io.dealsync.rules;

import io.dealsync.model.Suggest;
import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drools' compile messages in an analyst's words: "Deal has no property "substatuss" (did you mean
 * "substatus"?)" rather than "Unable to Analyse Expression ... strict-mode ...", at the line and column of
 * the word. Follow-on noise ("Parser returned a null Package", "$d cannot be resolved" after the pattern
 * binding $d failed) is left out.
 */
final class DroolsMessages {
    /** The facts a rule may match (their classes are what a misspelt property is looked up in). */
    static final List<String> FACTS = List.of("Deal", "Assessment", "StatusReason", "CurrencyCode", "CountryCode", "Settings", "String");

    private static final Pattern PARSER = Pattern.compile("\\[ERR \\d+\\] Line (\\d+):(\\d+) (.*?)(?: in rule \"?([^\"]*)\"?)?$");
    private static final Pattern STRICT = Pattern.compile("unable to resolve method using strict-mode: ([\\w.$]+)\\.(\\w+)\\(\\)");
    private static final Pattern ANALYSE = Pattern.compile("Unable to Analyse Expression (.*?):\\s*\\[Error: (.*?)\\]");
    private static final Pattern OBJECT_TYPE = Pattern.compile("Unable to resolve ObjectType '([^']+)'");
    private static final Pattern UNDEFINED_METHOD = Pattern.compile("The method (\\w+)\\(([^)]*)\\) is undefined for the type (\\w+)");
    private static final Pattern NOT_RESOLVED = Pattern.compile("(\\S+) cannot be resolved(?: to a (\\w+))?");

    private DroolsMessages() {
    }

    /** One Drools message as problems (none when it only repeats another). */
    static List<RuleProblem> explain(String file, int line, int column, String text, List<String> lines,
            boolean othersInFile) {
        List<RuleProblem> out = new ArrayList<>();
        if (text.contains("Parser returned a null Package")) {
            return out;
        }
        Matcher p = PARSER.matcher(oneLine(text));
        if (p.find()) {
            int l = Integer.parseInt(p.group(1));
            int c = Integer.parseInt(p.group(2)) + 1;
            out.add(new RuleProblem(file, l, c, parserMessage(p.group(3), p.group(4))));
            return out;
        }
        Matcher strict = STRICT.matcher(text);
        if (text.contains("Unable to Analyse Expression") && strict.find()) {
            String type = simpleName(strict.group(1));
            String member = strict.group(2);
            out.add(new RuleProblem(file, line, find(lines, line, member, column), type + " has no property \"" + member
                    + "\"" + didYouMean(member, properties(strict.group(1))) + vocabulary(type)));
            return out;
        }
        Matcher analyse = ANALYSE.matcher(oneLine(text));
        if (analyse.find()) {
            out.add(new RuleProblem(file, line, column, "this condition does not read: " + analyse.group(1).strip()
                    + " (" + analyse.group(2).strip() + ")"));
            return out;
        }
        Matcher type = OBJECT_TYPE.matcher(text);
        if (type.find()) {
            String name = type.group(1);
            out.add(new RuleProblem(file, line, find(lines, line, name, column), "there is no fact \"" + name + "\""
                    + didYouMean(name, FACTS) + ": a rule matches " + String.join(", ", FACTS.subList(0, 6))
                    + ", each imported at the top of the file"));
            return out;
        }
        if (text.startsWith("Rule Compilation error")) {
            Set<String> seen = new LinkedHashSet<>();
            String body = text.replaceFirst("^Rule Compilation error\\s*(:\\s*\\[Rule name='[^']*'\\])?", "");
            for (String part : body.split("\\R")) {
                String s = part.strip();
                if (s.isEmpty() || !seen.add(s)) {
                    continue;
                }
                RuleProblem rp = consequence(file, line, s, lines, othersInFile);
                if (rp != null) {
                    out.add(rp);
                }
            }
            return out;
        }
        out.add(new RuleProblem(file, line, column, oneLine(text).replaceAll("\\[Near : \\{.*?\\}\\]\\s*\\^?", "").strip()));
        return out;
    }

    /** A problem in a rule's then part (Drools names only the rule's first line): found in the rule's text. */
    private static RuleProblem consequence(String file, int ruleLine, String s, List<String> lines, boolean othersInFile) {
        Matcher m = UNDEFINED_METHOD.matcher(s);
        if (m.find()) {
            String type = m.group(3);
            int at = lineOf(lines, ruleLine, m.group(1) + "(");
            return new RuleProblem(file, at, find(lines, at, m.group(1), 0), type + " has no method " + m.group(1) + "("
                    + m.group(2) + ")" + didYouMean(m.group(1), methods(type)) + vocabulary(type));
        }
        Matcher r = NOT_RESOLVED.matcher(s);
        if (r.matches()) {
            String name = r.group(1);
            if (name.startsWith("$") && othersInFile) {
                // bound in the when part by a pattern that failed (reported on its own): this only repeats it
                return null;
            }
            int at = lineOf(lines, ruleLine, name);
            return new RuleProblem(file, at, find(lines, at, name, 0), "\"" + name + "\" is not known here"
                    + ("type".equals(r.group(2)) ? ": a class needs its import line at the top of the file"
                    : name.startsWith("$") ? ": bind it in the when part, e.g. " + name + " : Deal( ... )" : ""));
        }
        return new RuleProblem(file, ruleLine, 0, "in the then part: " + s);
    }

    private static String parserMessage(String what, String rule) {
        String in = rule == null || rule.isBlank() ? "" : " in rule \"" + rule + "\"";
        Matcher tok = Pattern.compile("'([^']*)'").matcher(what);
        String token = tok.find() ? tok.group(1) : "";
        if (what.startsWith("missing")) {
            return what + in + ": a bracket, quote or comma is missing";
        }
        return "unexpected '" + token + "'" + in + ": look just before it for a bracket or quote that is not closed,"
                + " a missing comma, or a misspelt keyword (rule, when, then, end)";
    }

    private static String vocabulary(String type) {
        return "Deal".equals(type) ? ": rules/README.md lists what a deal offers" : "";
    }

    private static String didYouMean(String word, java.util.Collection<String> candidates) {
        String c = Suggest.closest(word, candidates);
        return c == null ? "" : " (did you mean \"" + c + "\"?)";
    }

    /** The first line from {@code from} (1-based) holding {@code word}, or {@code from}. */
    private static int lineOf(List<String> lines, int from, String word) {
        for (int i = Math.max(0, from - 1); i < lines.size(); i++) {
            if (lines.get(i).contains(word)) {
                return i + 1;
            }
            if (i > from - 1 && lines.get(i).strip().equals("end")) {
                break;
            }
        }
        return from;
    }

    /** The 1-based column of a whole word on a line, or {@code fallback}. */
    private static int find(List<String> lines, int line, String word, int fallback) {
        if (line < 1 || line > lines.size()) {
            return fallback;
        }
        Matcher m = Pattern.compile("(?<![\\w$])" + Pattern.quote(word) + "(?![\\w$])").matcher(lines.get(line - 1));
        return m.find() ? m.start() + 1 : fallback;
    }

    private static String simpleName(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? className : className.substring(dot + 1);
    }

    /** Property names (substatus, firstSight) and method names of a fact class. */
    private static Set<String> properties(String className) {
        Set<String> out = new LinkedHashSet<>();
        try {
            Class<?> c = Class.forName(className);
            for (PropertyDescriptor d : Introspector.getBeanInfo(c).getPropertyDescriptors()) {
                out.add(d.getName());
            }
            for (Method m : c.getMethods()) {
                if (Modifier.isPublic(m.getModifiers()) && m.getDeclaringClass() != Object.class) {
                    out.add(m.getName());
                }
            }
        } catch (ClassNotFoundException | IntrospectionException | LinkageError e) {
            // no suggestion
        }
        return out;
    }

    private static Set<String> methods(String simpleName) {
        for (String pkg : List.of("io.dealsync.model.", "io.dealsync.rules.")) {
            Set<String> p = properties(pkg + simpleName);
            if (!p.isEmpty()) {
                return p;
            }
        }
        return Set.of();
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
