package io.quantlake.strategy.reference;

import io.quantlake.panel.Panel;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A small least-recently-used cache of values derived from a {@link Panel} (own-bar views, score
 * matrices), keyed by the panel's identity and a value key, so a parameter sweep over one panel
 * computes each derived matrix once. Panels are held weakly; the cache keeps at most
 * {@value #MAX_CELLS} cached cells (8 bytes each) in all. Values are shared: callers treat them as
 * read-only, as they do the panel's own arrays. Thread-safe.
 */
final class PanelCache {
    /** Total cells (doubles or ints) kept: 8 Mi cells, 64 MB at most. */
    static final long MAX_CELLS = 8L << 20;

    private record Entry(WeakReference<Panel> panel, Object key, Object value, long cells) {
    }

    private static final List<Entry> ENTRIES = new ArrayList<>();
    private static long cells;

    private PanelCache() {
    }

    /**
     * The value of {@code key} for {@code panel}, computed by {@code compute} on a miss; a value of
     * more than {@link #MAX_CELLS} {@code cells} is computed and not kept.
     */
    static <T> T get(Panel panel, Object key, long valueCells, Function<Panel, T> compute) {
        synchronized (ENTRIES) {
            for (int k = ENTRIES.size() - 1; k >= 0; k--) {
                Entry e = ENTRIES.get(k);
                Panel p = e.panel().get();
                if (p == null) {
                    cells -= e.cells();
                    ENTRIES.remove(k);
                } else if (p == panel && e.key().equals(key)) {
                    ENTRIES.remove(k);
                    ENTRIES.add(e);
                    @SuppressWarnings("unchecked")
                    T v = (T) e.value();
                    return v;
                }
            }
        }
        T v = compute.apply(panel);
        if (valueCells > MAX_CELLS) {
            return v;
        }
        synchronized (ENTRIES) {
            while (cells + valueCells > MAX_CELLS && !ENTRIES.isEmpty()) {
                cells -= ENTRIES.remove(0).cells();
            }
            ENTRIES.add(new Entry(new WeakReference<>(panel), key, v, valueCells));
            cells += valueCells;
        }
        return v;
    }
}
