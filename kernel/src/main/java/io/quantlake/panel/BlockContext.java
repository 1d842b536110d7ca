package io.quantlake.panel;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What every time block of one grid knows about the whole grid (SIMULATION.md §1, R5–R7): the grid's open times
 * (UTC epoch ms) and, per symbol in universe order, its first bar and its delisting bar as global grid indices.
 * A block panel ({@link Panel#asBlock}) answers existence and delisting from these, so a symbol whose last bar
 * in a block is not its last bar in the window is not delisted there. Small: {@code 8 · bars + 8 · symbols}
 * bytes, plus the schedules' decision bars ({@link #scheduled}, one byte per bar each).
 */
public final class BlockContext {
    private final long[] times;
    private final int[] firstBar;
    private final int[] delistingBar;
    private final Map<Object, boolean[]> schedules = new ConcurrentHashMap<>();

    /**
     * @param times        the whole grid's bar open times, UTC epoch ms, strictly increasing
     * @param firstBar     per symbol: grid index of its first bar in the window, -1 when it has none
     * @param lastBar      per symbol: grid index of its last bar in the window, -1 when it has none
     */
    public BlockContext(long[] times, int[] firstBar, int[] lastBar) {
        this.times = Objects.requireNonNull(times, "times");
        Objects.requireNonNull(firstBar, "firstBar");
        Objects.requireNonNull(lastBar, "lastBar");
        if (firstBar.length != lastBar.length) {
            throw new IllegalArgumentException("firstBar has " + firstBar.length + " symbols, lastBar " + lastBar.length);
        }
        this.firstBar = firstBar.clone();
        this.delistingBar = new int[lastBar.length];
        for (int i = 0; i < lastBar.length; i++) {
            if (firstBar[i] > lastBar[i] || lastBar[i] >= times.length) {
                throw new IllegalArgumentException("symbol " + i + ": bars [" + firstBar[i] + ", " + lastBar[i]
                        + "] outside a grid of " + times.length + " bars");
            }
            delistingBar[i] = lastBar[i] >= 0 && lastBar[i] < times.length - 1 ? lastBar[i] : -1;
        }
    }

    /** The context of a whole panel: its grid and its symbols' first and last bars. */
    public static BlockContext of(Panel panel) {
        int n = panel.symbolCount();
        int[] first = new int[n];
        int[] last = new int[n];
        for (int i = 0; i < n; i++) {
            first[i] = panel.firstBar(i);
            last[i] = panel.lastBar(i);
        }
        return new BlockContext(panel.times(), first, last);
    }

    /** The whole grid's open times, UTC epoch ms (shared, read-only). */
    public long[] times() {
        return times;
    }

    /** Number of symbols. */
    public int symbolCount() {
        return firstBar.length;
    }

    /** Grid index of symbol {@code i}'s first bar, -1 when it has none. */
    public int firstBar(int i) {
        return firstBar[i];
    }

    /** Grid index of symbol {@code i}'s delisting bar (R5: its last bar when before the grid's last), else -1. */
    public int delistingBar(int i) {
        return delistingBar[i];
    }

    /** Whether symbol {@code i} exists at grid bar {@code g} (R7): from its first bar up to, not including, its delisting bar. */
    public boolean exists(int g, int i) {
        int first = firstBar[i];
        int delist = delistingBar[i];
        return first >= 0 && g >= first && (delist < 0 || g < delist);
    }

    /** {@code rule} over the whole grid, computed once per {@code key} (equal keys name equal rules); read-only. */
    boolean[] scheduled(Object key, Function<long[], boolean[]> rule) {
        return schedules.computeIfAbsent(key, k -> rule.apply(times));
    }

    @Override
    public String toString() {
        return "BlockContext[bars=" + times.length + ", symbols=" + firstBar.length + ", first="
                + Arrays.toString(firstBar) + "]";
    }
}
