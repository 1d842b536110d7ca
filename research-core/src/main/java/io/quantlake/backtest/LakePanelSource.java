package io.quantlake.backtest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.unix_millis;

import io.quantlake.factorspec.FactorRef;
import io.quantlake.lake.CandleQuery;
import io.quantlake.lake.CandleStore;
import io.quantlake.market.Interval;
import io.quantlake.panel.BlockContext;
import io.quantlake.panel.Panel;
import io.quantlake.panel.PanelSource;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/**
 * A backtest window of the lake read one range of grid rows at a time, for a run in time blocks
 * ({@link Backtest#run(PanelSource, io.quantlake.config.BacktestConfig, Map, Map, int, long)}). The grid and each
 * symbol's first and last bar come from two small Spark jobs over the window (the open times streamed to the
 * driver as longs, one aggregate row per symbol); a range {@code [from, to)} is the window read
 * {@code [times[from], times[to])} through {@link CandleStore#panel} (partition pruning by month), with the
 * factors the config reads attached ({@link FactorPanels}, computed over the history before the range's end: point
 * in time, so the same values as over the whole window).
 */
public final class LakePanelSource implements PanelSource {
    private final CandleStore store;
    private final CandleQuery query;
    private final List<FactorRef> factors;
    private final String origin;
    private final BlockContext context;

    /**
     * @param store   the lake, pinned at the versions the run records
     * @param query   the run's window
     * @param factors the factors the config reads (attached to every range as features)
     * @param origin  the config, for errors
     */
    public LakePanelSource(CandleStore store, CandleQuery query, List<FactorRef> factors, String origin) {
        this.store = Objects.requireNonNull(store, "store");
        this.query = Objects.requireNonNull(query, "query");
        this.factors = List.copyOf(factors);
        this.origin = Objects.requireNonNull(origin, "origin");
        this.context = context(store.candles(query), query.universe());
    }

    /** The grid of {@code window} (sorted distinct open times) and each universe symbol's first and last bar on it. */
    private static BlockContext context(Dataset<Row> window, List<String> universe) {
        long[] times = new long[1024];
        int count = 0;
        Iterator<Long> it = window.select(unix_millis(col("open_time")).as("t")).distinct().orderBy(col("t"))
                .as(Encoders.LONG()).toLocalIterator();
        while (it.hasNext()) {
            if (count == times.length) {
                times = Arrays.copyOf(times, 2 * count);
            }
            times[count++] = it.next();
        }
        times = Arrays.copyOf(times, count);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < universe.size(); i++) {
            index.put(universe.get(i), i);
        }
        int[] first = new int[universe.size()];
        int[] last = new int[universe.size()];
        Arrays.fill(first, -1);
        Arrays.fill(last, -1);
        for (Row r : window.groupBy(col("symbol")).agg(min(unix_millis(col("open_time"))),
                max(unix_millis(col("open_time")))).collectAsList()) {
            Integer i = index.get(r.getString(0));
            if (i != null) {
                first[i] = Arrays.binarySearch(times, r.getLong(1));
                last[i] = Arrays.binarySearch(times, r.getLong(2));
            }
        }
        return new BlockContext(times, first, last);
    }

    @Override
    public BlockContext context() {
        return context;
    }

    @Override
    public String[] symbols() {
        return query.universe().toArray(new String[0]);
    }

    @Override
    public Interval interval() {
        return query.interval();
    }

    /** The number of feature columns of every range: the factors the config reads. */
    public int featureCount() {
        return (int) factors.stream().map(FactorRef::name).distinct().count();
    }

    @Override
    public Panel rows(int from, int to) {
        long[] times = context.times();
        CandleQuery range = new CandleQuery(query.market(), query.interval(), query.universe(), times[from],
                to < times.length ? times[to] : query.endMs());
        Panel panel = store.panel(range);
        return FactorPanels.attach(panel, store, range, factors, origin);
    }
}
