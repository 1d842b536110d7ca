package io.quantlake.lake;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.unix_millis;

import io.quantlake.market.Interval;
import io.quantlake.market.Market;
import io.quantlake.panel.Panel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Reads candles and funding from the lake for research and backtests.
 *
 * <p>SIMULATION.md R2 on a lake: a universe symbol with no candle at all for the market and
 * interval is an error naming it; a symbol whose candles all lie outside the window is allowed (it
 * is all NaN in the panel and never exists).
 */
public final class CandleStore {
    private static final String[] PRICE_COLUMNS = {"open", "high", "low", "close", "volume"};

    private final Lake lake;

    public CandleStore(Lake lake) {
        this.lake = Objects.requireNonNull(lake, "lake");
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
        Panel p = toPanel(window(q), q.interval(), q.universe(), features);
        Set<String> present = new HashSet<>();
        for (int i = 0; i < p.symbolCount(); i++) {
            if (p.firstBar(i) >= 0) {
                present.add(p.symbols()[i]);
            }
        }
        requireKnown(q, present);
        return p;
    }

    /**
     * Collects {@code candles} (any Dataset with the columns symbol, open_time, open, high, low,
     * close, volume and the {@code features}; one interval, at most one row per symbol and time)
     * into a {@link Panel} over {@code universe} in that order; rows of other symbols are ignored.
     * The rows are sorted by time in Spark and laid out in one pass.
     */
    public static Panel toPanel(Dataset<Row> candles, Interval interval, List<String> universe, String... features) {
        List<Column> select = new ArrayList<>();
        select.add(col("symbol"));
        select.add(unix_millis(col("open_time")).as("t"));
        for (String c : PRICE_COLUMNS) {
            select.add(col(c).cast("double").as(c));
        }
        for (String f : features) {
            select.add(col(f).cast("double").as(f));
        }
        List<Row> rows = candles.filter(col("symbol").isin(universe.toArray()))
                .select(select.toArray(new Column[0])).orderBy("t", "symbol").collectAsList();
        return layout(interval, universe, rows, features);
    }

    /** Lays out rows (symbol, t, open, high, low, close, volume, features...) sorted by t in one pass. */
    static Panel layout(Interval interval, List<String> universe, List<Row> rows, String... features) {
        int n = universe.size();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(universe.get(i), i);
        }
        int bars = 0;
        long prev = Long.MIN_VALUE;
        for (Row r : rows) {
            long t = r.getLong(1);
            if (t < prev) {
                throw new IllegalArgumentException("panel rows must be sorted by open time: " + t + " after " + prev);
            }
            if (t != prev) {
                bars++;
                prev = t;
            }
        }
        long[] times = new long[bars];
        int columns = PRICE_COLUMNS.length + features.length;
        double[][] m = new double[columns][bars * n];
        for (double[] a : m) {
            Arrays.fill(a, Double.NaN);
        }
        int t = -1;
        for (Row r : rows) {
            long time = r.getLong(1);
            if (t < 0 || times[t] != time) {
                times[++t] = time;
            }
            Integer i = index.get(r.getString(0));
            if (i == null) {
                throw new IllegalArgumentException("row of symbol " + r.getString(0) + " is not in the universe " + universe);
            }
            int cell = t * n + i;
            if (!Double.isNaN(m[3][cell])) {
                throw new IllegalArgumentException("two candles of " + r.getString(0) + " at open_time " + time);
            }
            for (int c = 0; c < columns; c++) {
                m[c][cell] = r.isNullAt(2 + c) ? Double.NaN : r.getDouble(2 + c);
            }
        }
        Map<String, double[]> f = new LinkedHashMap<>();
        for (int k = 0; k < features.length; k++) {
            f.put(features[k], m[PRICE_COLUMNS.length + k]);
        }
        return new Panel(interval, times, universe.toArray(new String[0]), m[0], m[1], m[2], m[3], m[4], f);
    }

    /**
     * Funding of {@code universe} on {@code market} with {@code startMs <= funding_time < endMs}
     * (SIMULATION.md R3), per symbol in universe order.
     */
    public FundingSeries funding(Market market, List<String> universe, long startMs, long endMs) {
        List<Row> rows = lake.read(LakeTable.FUNDING_RATES)
                .filter(col("market").equalTo(market.code())
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
        return lake.read(LakeTable.CANDLES).filter(col("market").equalTo(q.market().code())
                .and(col("interval").equalTo(q.interval().code()))
                .and(col("symbol").isin(q.universe().toArray()))
                .and(col("open_time").geq(BatchRows.ts(q.startMs())))
                .and(col("open_time").lt(BatchRows.ts(q.endMs()))));
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
