package io.dealsync.read;

import io.dealsync.model.Field;
import io.dealsync.model.ListColumn;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The columns a JSON record carries (its {@link SourceRecord#presentColumns()}), gathered as a bit mask: the
 * objects of one file nearly always have the same keys, so one set, made once, serves them all.
 */
final class PresentColumns {
    private static final int SOLUTIONS_BIT = 62;
    private static final int TEAM_BIT = 63;

    private final Map<Long, Set<String>> sets = new HashMap<>();
    private long mask;

    void clear() {
        mask = 0;
    }

    void add(Field f) {
        mask |= 1L << f.ordinal();
    }

    void add(ListColumn list) {
        mask |= 1L << (list == ListColumn.SOLUTION ? SOLUTIONS_BIT : TEAM_BIT);
    }

    /** The columns added since {@link #clear()}, in catalogue order, then solutions and team. */
    Set<String> set() {
        Set<String> s = sets.get(mask);
        if (s == null) {
            Set<String> b = new LinkedHashSet<>();
            for (Field f : Field.values()) {
                if ((mask & (1L << f.ordinal())) != 0) {
                    b.add(f.header());
                }
            }
            if ((mask & (1L << SOLUTIONS_BIT)) != 0) {
                b.add(SourceRecord.SOLUTIONS);
            }
            if ((mask & (1L << TEAM_BIT)) != 0) {
                b.add(SourceRecord.TEAM);
            }
            s = Collections.unmodifiableSet(b);
            if (sets.size() < 1024) {
                sets.put(mask, s);
            }
        }
        return s;
    }
}
