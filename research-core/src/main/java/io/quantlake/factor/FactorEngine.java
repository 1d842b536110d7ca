package io.quantlake.factor;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.nanvl;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Turns candles into factor values: the wide frame (one column per factor, for strategies) and the
 * long layout of the Delta table {@code factors} (for a MERGE on market, interval, factor, symbol, ts).
 *
 * <p>Input: a candles Dataset with the columns of the Delta table {@code candles} (DESIGN.md), any
 * markets and intervals (each (market, interval, symbol) is its own series). Every value at bar
 * {@code ts} uses only bars with {@code open_time <= ts}.
 */
public final class FactorEngine {
    /** Long-layout column: the factor or composite name. */
    public static final String FACTOR = "factor";
    /** Long-layout column: the factor value. */
    public static final String VALUE = "value";
    /** Long-layout column: percentile rank in [0, 1] across the symbols at ts ({@link CrossSection#percentRank}). */
    public static final String RANK = "rank";
    /** Long-layout column: z-score across the symbols at ts ({@link CrossSection#zscore}). */
    public static final String ZSCORE = "zscore";

    private final List<Factor> factors;
    private final List<Composite> composites;

    /**
     * An engine for {@code factors} and {@code composites}. Components of the composites that are not
     * in {@code factors} are computed too (and appear in the output); names must be unique.
     */
    public FactorEngine(List<Factor> factors, List<Composite> composites) {
        Map<String, Factor> byName = new LinkedHashMap<>();
        for (Factor f : factors) {
            addUnique(byName, f);
        }
        for (Composite c : composites) {
            for (Composite.Component k : c.components()) {
                Factor known = byName.get(k.factor().name());
                if (known == null) {
                    byName.put(k.factor().name(), k.factor());
                } else if (!known.equals(k.factor())) {
                    throw new IllegalArgumentException("two different factors are named " + known.name() + ": " + known + " and " + k.factor());
                }
            }
        }
        Set<String> names = new LinkedHashSet<>(byName.keySet());
        for (Composite c : composites) {
            if (!names.add(c.name())) {
                throw new IllegalArgumentException("composite name '" + c.name() + "' is already used by a factor or composite");
            }
        }
        if (byName.isEmpty()) {
            throw new IllegalArgumentException("a factor engine needs at least one factor");
        }
        this.factors = List.copyOf(byName.values());
        this.composites = List.copyOf(composites);
    }

    /** An engine for {@code factors} without composites. */
    public static FactorEngine of(Factor... factors) {
        return new FactorEngine(List.of(factors), List.of());
    }

    private static void addUnique(Map<String, Factor> byName, Factor f) {
        if (byName.put(f.name(), f) != null) {
            throw new IllegalArgumentException("factor " + f.name() + " is listed twice");
        }
    }

    /** The factors computed (listed ones, then composite components), in output order. */
    public List<Factor> factors() {
        return factors;
    }

    public List<Composite> composites() {
        return composites;
    }

    /** Output column names of {@link #wide}: the factors, then the composites. */
    public List<String> names() {
        List<String> out = new ArrayList<>();
        for (Factor f : factors) {
            out.add(f.name());
        }
        for (Composite c : composites) {
            out.add(c.name());
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * {@code f}'s value with the engine's masks: null before its warm-up
     * ({@code bar_no < f.warmup()}) and null instead of NaN.
     */
    public static Column masked(Factor f) {
        return when(col(FactorFrame.BAR_NO).geq(f.warmup()), nanvl(f.column(), lit(null).cast("double")));
    }

    /**
     * The wide frame: {@code market, interval, symbol, ts} and one double column per name of
     * {@link #names()}, one row per candle; null before a factor's warm-up.
     */
    public Dataset<Row> wide(Dataset<Row> candles) {
        Set<MarketProxy> proxies = new LinkedHashSet<>();
        for (Factor f : factors) {
            proxies.addAll(f.marketProxies());
        }
        Dataset<Row> prepared = FactorFrame.prepare(candles, proxies);
        List<Column> cols = new ArrayList<>(keys());
        for (Factor f : factors) {
            cols.add(masked(f).as(f.name()));
        }
        Dataset<Row> out = select(prepared, cols);
        if (composites.isEmpty()) {
            return out;
        }
        List<Column> withComposites = new ArrayList<>(keys());
        for (Factor f : factors) {
            withComposites.add(col(f.name()));
        }
        CrossSection cs = CrossSection.perTimestamp();
        for (Composite c : composites) {
            withComposites.add(c.column(cs).as(c.name()));
        }
        return out.select(withComposites.toArray(Column[]::new));
    }

    /**
     * {@code prepared.select(cols)}; when Spark cannot analyse it (no job has run), the error names the first user
     * factor whose expression it cannot resolve (e.g. a function given the wrong number of arguments).
     */
    private Dataset<Row> select(Dataset<Row> prepared, List<Column> cols) {
        try {
            return prepared.select(cols.toArray(Column[]::new));
        } catch (Exception e) { // Spark's AnalysisException, undeclared
            for (Factor f : factors) {
                if (f instanceof UserFactor u) {
                    u.requireResolvable(prepared);
                }
            }
            throw e;
        }
    }

    /**
     * The long layout of the Delta table {@code factors}: {@code market, interval, factor, symbol, ts,
     * value, rank, zscore}, one row per candle and name with a non-null value (warm-up rows are left
     * out); rank and zscore across the symbols with a value at that (market, interval, factor, ts).
     */
    public Dataset<Row> longTable(Dataset<Row> candles) {
        return toLong(wide(candles), names());
    }

    /** The long layout from a wide frame holding the double columns {@code names}. */
    public static Dataset<Row> toLong(Dataset<Row> wide, List<String> names) {
        List<Column> entries = new ArrayList<>();
        for (String n : names) {
            entries.add(struct(lit(n).as(FACTOR), col(n).cast("double").as(VALUE)));
        }
        String e = "entry";
        Dataset<Row> exploded = wide
                .select(col(FactorFrame.MARKET), col(FactorFrame.INTERVAL), col(FactorFrame.SYMBOL), col(FactorFrame.TS),
                        explode(array(entries.toArray(Column[]::new))).as(e))
                .select(col(FactorFrame.MARKET), col(FactorFrame.INTERVAL), col(e + "." + FACTOR).as(FACTOR),
                        col(FactorFrame.SYMBOL), col(FactorFrame.TS), col(e + "." + VALUE).as(VALUE))
                .where(col(VALUE).isNotNull());
        CrossSection cs = CrossSection.perFactorAndTimestamp();
        return exploded.select(col(FactorFrame.MARKET), col(FactorFrame.INTERVAL), col(FACTOR), col(FactorFrame.SYMBOL),
                col(FactorFrame.TS), col(VALUE), cs.percentRank(col(VALUE)).as(RANK), cs.zscore(col(VALUE)).as(ZSCORE));
    }

    private static List<Column> keys() {
        return List.of(col(FactorFrame.MARKET), col(FactorFrame.INTERVAL), col(FactorFrame.SYMBOL), col(FactorFrame.TS));
    }
}
