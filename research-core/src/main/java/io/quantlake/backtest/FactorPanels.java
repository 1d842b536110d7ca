package io.quantlake.backtest;

import io.quantlake.config.BacktestConfig;
import io.quantlake.factor.Factor;
import io.quantlake.factor.FactorDefinitions;
import io.quantlake.factor.FactorEngine;
import io.quantlake.factor.FactorFrame;
import io.quantlake.factor.FactorNames;
import io.quantlake.factorspec.FactorRef;
import io.quantlake.lake.CandleQuery;
import io.quantlake.lake.CandleStore;
import io.quantlake.panel.Panel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The one place factor values reach a backtest panel: the factors a config reads ({@code factor} strategy,
 * a conditional exit's {@code factor}; {@link io.quantlake.config.StrategyConfig#requiredFactors}) computed with the
 * research definitions ({@link FactorEngine}, the same as {@code research factors} and {@code nightly} write to
 * the Delta table {@code factors}) over the candles of the panel's universe, and attached to the panel as features
 * named by the factor, aligned to its grid, NaN where a factor is undefined (no bar, warm-up). Used by
 * {@link LakeBacktest}, the sweep, nightly, replay and notebooks.
 *
 * <p>Point in time: a value at bar {@code t} uses only bars with {@code open_time <= t}; the candles read are the
 * universe's whole history before the window's end at the lake's pinned versions, so bars before {@code start}
 * are the factors' warm-up exactly as {@code research factors} reads them.
 */
public final class FactorPanels {
    private FactorPanels() {
    }

    /**
     * THE place where the Spark side turns a factor a config names into a research factor definition: a research
     * factor name ({@link FactorNames#parse}) or a user factor expression ({@code expr}, checked before anything
     * runs; {@link FactorDefinitions#resolve}). Errors are one line naming the factor and {@code origin}.
     *
     * @param origin the config file (or description) naming the factor
     */
    public static Factor definition(FactorRef ref, String origin) {
        return FactorDefinitions.resolve(ref.name(), ref.expr(), origin);
    }

    /** The engine computing {@code refs}, each name once; one name with two different definitions is an error. */
    public static FactorEngine engine(Collection<FactorRef> refs, String origin) {
        Map<String, FactorRef> byName = new LinkedHashMap<>();
        for (FactorRef r : refs) {
            FactorRef known = byName.putIfAbsent(r.name(), r);
            if (known != null && !known.equals(r)) {
                throw new IllegalArgumentException("factor '" + r.name() + "' is defined twice differently: " + known
                        + " and " + r);
            }
        }
        List<Factor> factors = new ArrayList<>();
        for (FactorRef r : byName.values()) {
            factors.add(definition(r, origin));
        }
        return new FactorEngine(factors, List.of());
    }

    /**
     * {@code panel} with the values of {@code refs} as features.
     *
     * @param candles rows with the columns of the Delta table {@code candles} of the panel's market and interval:
     *                the panel's symbols' bars up to its last bar, and any earlier ones (the warm-up)
     * @param origin  the config naming the factors, for errors
     */
    public static Panel attach(Panel panel, Dataset<Row> candles, Collection<FactorRef> refs, String origin) {
        if (refs.isEmpty()) {
            return panel;
        }
        FactorEngine engine = engine(refs, origin);
        Dataset<Row> wide = engine.wide(candles).withColumnRenamed(FactorFrame.TS, "open_time");
        return CandleStore.withFeatures(panel, wide, engine.names());
    }

    /** {@code panel} (the candles of {@code q}) with the values of {@code refs} computed over {@code store}'s history of {@code q}. */
    public static Panel attach(Panel panel, CandleStore store, CandleQuery q, Collection<FactorRef> refs,
            String origin) {
        return refs.isEmpty() ? panel : attach(panel, store.history(q), refs, origin);
    }

    /** {@code panel} (the candles of {@code config}'s window) with the factors {@code config} reads, from {@code store}. */
    public static Panel attach(Panel panel, CandleStore store, BacktestConfig config) {
        return attach(panel, store, query(config), config.strategy().requiredFactors(), config.origin());
    }

    /** The candle query of {@code config}'s universe, market, interval and window. */
    public static CandleQuery query(BacktestConfig config) {
        return CandleQuery.of(config.market(), config.interval(), config.universe(), config.start(), config.end());
    }
}
