package io.quantlake.sweep;

import io.quantlake.market.Interval;
import io.quantlake.panel.Panel;
import io.quantlake.panel.PanelGrid;
import io.quantlake.sim.FundingSchedule;
import io.quantlake.sim.SymbolFilter;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything a sweep task needs from the lake, as plain arrays that Java serialization ships to
 * the executors once (a Spark broadcast): the {@link Panel}'s {@link PanelGrid} (its arrays, shared, not
 * copied), the funding schedules (usdm) and the symbol filters. {@link Panel} itself is not
 * Serializable; {@link #panel()} rebuilds it on the executor.
 */
public final class PanelData implements Serializable {
    private static final long serialVersionUID = 2L;

    private final PanelGrid grid;
    private final LinkedHashMap<String, FundingArrays> funding;
    private final LinkedHashMap<String, double[]> filters;

    private record FundingArrays(long[] times, double[] rates, double[] marks) implements Serializable {
    }

    /** Holds the arrays of {@code panel}, {@code funding} and {@code filters} (not copied). */
    public PanelData(Panel panel, Map<String, FundingSchedule> funding, Map<String, SymbolFilter> filters) {
        this.grid = PanelGrid.of(panel);
        this.funding = new LinkedHashMap<>();
        funding.forEach((s, f) -> this.funding.put(s, new FundingArrays(f.times(), f.rates(), f.marks())));
        this.filters = new LinkedHashMap<>();
        filters.forEach((s, f) -> this.filters.put(s, new double[] {f.stepSize(), f.minNotional()}));
    }

    /** A panel over the held arrays (validated again, so a corrupted payload fails loudly). */
    public Panel panel() {
        return grid.build();
    }

    /** Symbol → funding schedule (empty for spot). */
    public Map<String, FundingSchedule> funding() {
        Map<String, FundingSchedule> out = new LinkedHashMap<>();
        funding.forEach((s, f) -> out.put(s, new FundingSchedule(f.times(), f.rates(), f.marks())));
        return out;
    }

    /** Symbol → lot step and min notional where known. */
    public Map<String, SymbolFilter> filters() {
        Map<String, SymbolFilter> out = new LinkedHashMap<>();
        filters.forEach((s, f) -> out.put(s, new SymbolFilter(f[0], f[1])));
        return out;
    }

    public Interval interval() {
        return grid.interval();
    }

    /** Bar open times of the grid, UTC epoch ms. */
    public long[] times() {
        return grid.times();
    }

    public int bars() {
        return grid.times().length;
    }

    /** Start of bar {@code t} (UTC epoch ms); for {@code t == bars()}, the end of the last bar. */
    public long barStart(int t) {
        long[] times = grid.times();
        return t < times.length ? times[t] : times[times.length - 1] + grid.interval().millis();
    }
}
