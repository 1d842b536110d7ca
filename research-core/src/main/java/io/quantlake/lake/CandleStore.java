package io.quantlake.lake;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.unix_millis;

import io.quantlake.market.Interval;
import io.quantlake.market.Market;
import io.quantlake.panel.Panel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Reads candles and funding from the lake for research and backtests, at the lake's latest table versions
 * or, on a lake {@link Lake#pinnedAt pinned} at the Delta versions a run recorded, at those (time travel).
 * Window reads filter on the tables' partition columns ({@link LakeLayout}), so Delta lists only the files of the window's market, interval and
 * months.
 *
 * <p>SIMULATION.md R2 on a lake: a universe symbol with no candle at all for the market and
 * interval is an error naming it; a symbol whose candles all lie outside the window is allowed (it
 * is all NaN in the panel and never exists).
 */
public final class CandleStore {
    private final Lake lake;

    public CandleStore(Lake lake) {
        this.lake = Objects.requireNonNull(lake, "lake");
    }

    /** A panel and the Delta files its read listed (empty when Delta did not prepare the scan). */
    public record PanelRead(Panel panel, Optional<ScanStats> scan) {
        public PanelRead {
            Objects.requireNonNull(panel, "panel");
            Objects.requireNonNull(scan, "scan");
        }
    }

    /**
     * The candles of {@code q} (all columns of {@code candles}), checking first that every universe
     * symbol has candles in the lake (one small Spark job); the rows are read lazily.
     */
    public Dataset<Row> candles(CandleQuery q) {
        requireKnown(q, Set.of());
        return window(q);
    }

    /**
     * The candles of {@code q} as a dense {@link Panel}: grid = sorted union of the open times in the
     * window, symbols in universe order, NaN where a symbol has no bar.
     *
     * @param features extra numeric columns of {@code candles} (e.g. {@code quote_volume}) to carry
     *                 as panel features of the same names (NULL → NaN)
     */
    public Panel panel(CandleQuery q, String... features) {
        return read(q, features).panel();
    }

    /** As {@link #panel}, with the files and bytes of {@code candles} the window read listed. */
    public PanelRead read(CandleQuery q, String... features) {
        Dataset<Row> window = window(q);
        Panel p = toPanel(window, q.interval(), q.universe(), features);
        Set<String> present = new HashSet<>();
        for (int i = 0; i < p.symbolCount(); i++) {
            if (p.firstBar(i) >= 0) {
                present.add(p.symbols()[i]);
            }
        }
        requireKnown(q, present);
        return new PanelRead(p, ScanStats.of(window));
    }

    /**
     * Collects {@code candles} (any Dataset with the columns symbol, open_time, open, high, low,
     * close, volume and the {@code features}; one interval, at most one row per symbol and time)
     * into a {@link Panel} over {@code universe} in that order; rows of other symbols are ignored,
     * NULL values are NaN. The driver holds primitive arrays only ({@link ColumnarPanels}).
     */
    public static Panel toPanel(Dataset<Row> candles, Interval interval, List<String> universe, String... features) {
        return ColumnarPanels.panel(candles, interval, universe, features);
    }

    /**
     * {@code panel} with the double {@code columns} of {@code frame} (columns symbol, open_time and {@code columns},
     * one market and interval) as features of the same names aligned to the panel's grid, NaN where the frame has
     * no row or a NULL; rows off the grid are ignored. No driver object per row ({@link ColumnarPanels}).
     */
    public static Panel withFeatures(Panel panel, Dataset<Row> frame, List<String> columns) {
        return ColumnarPanels.withFeatures(panel, frame, columns);
    }

    /**
     * The candles of {@code q}'s market, interval and universe with {@code open_time < end} (all columns of
     * {@code candles}, rows read lazily): the window and all the history before it, the warm-up of factors computed
     * over the window (as {@code research factors} reads it). The month partitions after the window are pruned.
     */
    public Dataset<Row> history(CandleQuery q) {
        Dataset<Row> table = lake.read(LakeTable.CANDLES);
        Column keep = col("market").equalTo(q.market().code()).and(col("interval").equalTo(q.interval().code()))
                .and(col("symbol").isin(q.universe().toArray()))
                .and(col("open_time").lt(BatchRows.ts(q.endMs())));
        if (LakeLayout.hasColumn(table, LakeTable.MONTH)) {
            keep = keep.and(col(LakeTable.MONTH).leq(LakeLayout.month(q.endMs() - 1)));
        }
        return table.filter(keep);
    }

    /**
     * Funding of {@code universe} on {@code market} with {@code startMs <= funding_time < endMs}
     * (SIMULATION.md R3), per symbol in universe order.
     */
    public FundingSeries funding(Market market, List<String> universe, long startMs, long endMs) {
        Dataset<Row> table = lake.read(LakeTable.FUNDING_RATES);
        List<Row> rows = table
                .filter(monthsOf(table, startMs, endMs).and(col("market").equalTo(market.code()))
                        .and(col("symbol").isin(universe.toArray()))
                        .and(col("funding_time").geq(BatchRows.ts(startMs)))
                        .and(col("funding_time").lt(BatchRows.ts(endMs))))
                .select(col("symbol"), unix_millis(col("funding_time")), col("funding_rate"), col("mark_price"))
                .orderBy("symbol", "funding_time")
                .collectAsList();
        int n = universe.size();
        Map<String, List<Row>> bySymbol = new HashMap<>();
        for (Row r : rows) {
            bySymbol.computeIfAbsent(r.getString(0), s -> new ArrayList<>()).add(r);
        }
        long[][] times = new long[n][];
        double[][] rates = new double[n][];
        double[][] marks = new double[n][];
        for (int i = 0; i < n; i++) {
            List<Row> own = bySymbol.getOrDefault(universe.get(i), List.of());
            times[i] = new long[own.size()];
            rates[i] = new double[own.size()];
            marks[i] = new double[own.size()];
            for (int k = 0; k < own.size(); k++) {
                Row r = own.get(k);
                times[i][k] = r.getLong(1);
                rates[i][k] = r.getDouble(2);
                marks[i][k] = r.isNullAt(3) ? Double.NaN : r.getDouble(3);
            }
        }
        return new FundingSeries(universe.toArray(new String[0]), times, rates, marks);
    }

    /** Open time (UTC epoch ms) of the last candle of {@code symbol} in the lake, for incremental REST downloads. */
    public OptionalLong lastOpenTime(Market market, Interval interval, String symbol) {
        Row r = lake.read(LakeTable.CANDLES)
                .filter(col("market").equalTo(market.code()).and(col("interval").equalTo(interval.code()))
                        .and(col("symbol").equalTo(symbol)))
                .agg(unix_millis(max("open_time"))).first();
        return r.isNullAt(0) ? OptionalLong.empty() : OptionalLong.of(r.getLong(0));
    }

    /** Time (UTC epoch ms) of the last funding record of {@code symbol} in the lake. */
    public OptionalLong lastFundingTime(Market market, String symbol) {
        Row r = lake.read(LakeTable.FUNDING_RATES)
                .filter(col("market").equalTo(market.code()).and(col("symbol").equalTo(symbol)))
                .agg(unix_millis(max("funding_time"))).first();
        return r.isNullAt(0) ? OptionalLong.empty() : OptionalLong.of(r.getLong(0));
    }

    private Dataset<Row> window(CandleQuery q) {
        Dataset<Row> table = lake.read(LakeTable.CANDLES);
        return table.filter(col("market").equalTo(q.market().code())
                .and(col("interval").equalTo(q.interval().code()))
                .and(monthsOf(table, q.startMs(), q.endMs()))
                .and(col("symbol").isin(q.universe().toArray()))
                .and(col("open_time").geq(BatchRows.ts(q.startMs())))
                .and(col("open_time").lt(BatchRows.ts(q.endMs()))));
    }

    /** The partition filter of the window on {@code rows}; TRUE for a version written before the month existed. */
    private static Column monthsOf(Dataset<Row> rows, long startMs, long endMs) {
        return LakeLayout.hasColumn(rows, LakeTable.MONTH) ? LakeLayout.monthsOf(startMs, endMs) : lit(true);
    }

    /** Fails naming every universe symbol (not in {@code present}) that has no candle at all for the query's market and interval. */
    private void requireKnown(CandleQuery q, Set<String> present) {
        Set<String> unknown = new LinkedHashSet<>(q.universe());
        unknown.removeAll(present);
        if (unknown.isEmpty()) {
            return;
        }
        List<Row> found = lake.read(LakeTable.CANDLES)
                .filter(col("market").equalTo(q.market().code()).and(col("interval").equalTo(q.interval().code()))
                        .and(col("symbol").isin(unknown.toArray())))
                .select("symbol").distinct().collectAsList();
        for (Row r : found) {
            unknown.remove(r.getString(0));
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("no candles in the lake for " + String.join(", ", unknown) + " (market "
                    + q.market() + ", interval " + q.interval() + ", lake " + lake.root()
                    + "); ingest them first or remove them from the universe");
        }
    }
}
