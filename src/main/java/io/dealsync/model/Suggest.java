package io.dealsync.model;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean ...": the known name nearest to a misspelt one (edit distance, case ignored). */
public final class Suggest {
    private Suggest() {
    }

    /** The candidate nearest to {@code word}, or null when none is near enough to be a likely typo. */
    public static String closest(String word, Collection<String> candidates) {
        String w = word.strip().toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(w, c.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        // a third of the word may be wrong (two letters swapped in "Vaule" is two edits), at least two letters
        int allowed = Math.max(2, w.length() / 3);
        return best != null && bestDistance > 0 && bestDistance <= allowed ? best : null;
    }

    /** " (did you mean 'X'?)", or "" when nothing is close. */
    public static String didYouMean(String word, Collection<String> candidates) {
        String c = closest(word, candidates);
        return c == null ? "" : " (did you mean '" + c + "'?)";
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
