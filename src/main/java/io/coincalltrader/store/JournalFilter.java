package io.coincalltrader.store;

import java.util.Set;

/** Which journal rows to read: empty sets mean every kind / every cause. */
public record JournalFilter(Set<String> kinds, Set<Cause> causes, int limit) {
    public JournalFilter {
        kinds = Set.copyOf(kinds);
        causes = Set.copyOf(causes);
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
    }

    public static JournalFilter all() {
        return new JournalFilter(Set.of(), Set.of(), Integer.MAX_VALUE);
    }

    public JournalFilter kinds(String... k) {
        return new JournalFilter(Set.of(k), causes, limit);
    }

    public JournalFilter causes(Cause... c) {
        return new JournalFilter(kinds, Set.of(c), limit);
    }
}
