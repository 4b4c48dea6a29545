package io.dealsync.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A DRL file's text as tokens with their line and column, comments left out: for checks Drools does not make. */
final class DrlText {
    private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+(?:\"((?:[^\"\\\\]|\\\\.)*)\"|'([^']*)'|([^\\s\"']+))");

    enum Kind { WORD, STRING, SYMBOL }

    /** One token; a STRING's text is its content, without the quotes. */
    record Token(Kind kind, String text, int line, int column) {
        boolean is(String s) {
            return kind != Kind.STRING && text.equals(s);
        }
    }

    private DrlText() {
    }

    /** The name of the rule a line starts, or null. */
    static String ruleName(String line) {
        Matcher m = RULE.matcher(line);
        if (!m.find()) {
            return null;
        }
        return m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
    }

    static List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        int line = 1;
        int lineStart = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            int col = i - lineStart + 1;
            if (c == '\n') {
                line++;
                lineStart = ++i;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/' || c == '#' && text.substring(lineStart, i).isBlank()) {
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                for (int k = i; k < end; k++) {
                    if (text.charAt(k) == '\n') {
                        line++;
                        lineStart = k + 1;
                    }
                }
                i = end;
            } else if (c == '"' || c == '\'') {
                StringBuilder sb = new StringBuilder();
                int k = i + 1;
                while (k < n && text.charAt(k) != c && text.charAt(k) != '\n') {
                    if (text.charAt(k) == '\\' && k + 1 < n) {
                        k++;
                    }
                    sb.append(text.charAt(k++));
                }
                out.add(new Token(Kind.STRING, sb.toString(), line, col));
                i = Math.min(n, k + 1);
            } else if (Character.isJavaIdentifierStart(c) || Character.isDigit(c)) {
                int k = i;
                while (k < n && Character.isJavaIdentifierPart(text.charAt(k))) {
                    k++;
                }
                out.add(new Token(Kind.WORD, text.substring(i, k), line, col));
                i = k;
            } else {
                out.add(new Token(Kind.SYMBOL, String.valueOf(c), line, col));
                i++;
            }
        }
        return out;
    }
}
