package io.quantlake.panel;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The values strategies and the kernel derive from one {@link Panel} (own-bar views, score
 * matrices, rankings, the all-NaN target matrix of signal runs), each computed once and shared by
 * every run on that panel instance — a parameter sweep's task evaluates all its sets on one panel,
 * so each derived matrix is computed once per panel, not once per set. One instance per panel
 * ({@link Panel#derived()}): nothing is shared between panels. A small least-recently-used store
 * of at most {@value #MAX_CELLS} cells (8 bytes each); values are shared, so callers treat them as
 * read-only, like the panel's own arrays. Thread-safe.
 */
public final class DerivedValues {
    /** Total cells (doubles or ints) kept per panel: 8 Mi cells, 64 MB at most. */
    public static final long MAX_CELLS = 8L << 20;

    private record Entry(Object key, Object value, long cells) {
    }

    private final Panel panel;
    private final List<Entry> entries = new ArrayList<>();
    private long cells;

    DerivedValues(Panel panel) {
        this.panel = panel;
    }

    /**
     * The value of {@code key} (equal keys name equal values), computed from the panel by
     * {@code compute} on a miss and kept; a value of more than {@link #MAX_CELLS} {@code valueCells}
     * is computed and not kept; older values are dropped to stay within {@link #MAX_CELLS}.
     */
    public <T> T computeIfAbsent(Object key, long valueCells, Function<Panel, T> compute) {
        synchronized (entries) {
            T kept = kept(key);
            if (kept != null) {
                return kept;
            }
        }
        T v = compute.apply(panel);
        if (valueCells > MAX_CELLS) {
            return v;
        }
        synchronized (entries) {
            T kept = kept(key); // computed meanwhile by another thread: share that one
            if (kept != null) {
                return kept;
            }
            while (cells + valueCells > MAX_CELLS && !entries.isEmpty()) {
                cells -= entries.remove(0).cells();
            }
            entries.add(new Entry(key, v, valueCells));
            cells += valueCells;
        }
        return v;
    }

    /** The value kept for {@code key}, now the most recently used, or null; under the lock. */
    private <T> T kept(Object key) {
        for (int k = entries.size() - 1; k >= 0; k--) {
            Entry e = entries.get(k);
            if (e.key().equals(key)) {
                entries.remove(k);
                entries.add(e);
                @SuppressWarnings("unchecked")
                T v = (T) e.value();
                return v;
            }
        }
        return null;
    }

    /** Number of values kept. */
    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }
}
