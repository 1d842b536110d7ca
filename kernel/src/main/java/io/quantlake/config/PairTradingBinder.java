package io.quantlake.config;

import io.quantlake.market.Market;
import io.quantlake.schedule.RebalanceRule;
import io.quantlake.strategy.ConfiguredStrategy;
import io.quantlake.strategy.pairs.HedgeRatio;
import io.quantlake.strategy.pairs.KalmanHedge;
import io.quantlake.strategy.pairs.LegSizing;
import io.quantlake.strategy.pairs.OnBreak;
import io.quantlake.strategy.pairs.PairSpec;
import io.quantlake.strategy.pairs.PairTradingParams;
import io.quantlake.strategy.pairs.PairTradingStrategy;
import io.quantlake.strategy.pairs.PriceScale;
import io.quantlake.strategy.pairs.RollingOlsHedge;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code pair_trading}, usdm only (each trade shorts a leg): binds {@code strategy.params} to {@link PairTradingParams}
 * for a {@link PairTradingStrategy}. Keys
 * (defaults in brackets):
 * <pre>
 *   pairs:            [BCHUSDT/LTCUSDT, ...]  Y/X, symbol-disjoint     [absent: every ordered pair of the universe]
 *   top_pairs:        integer >= 1                                      [number of pairs given, else 1]
 *   max_pvalue:       (0, 1]                                            [0.05]
 *   formation_bars:   integer >= 30                                     [120]
 *   price:            log | raw                                         [log]
 *   hedge:            ols | kalman                                      [ols]
 *   lookback:         integer >= 3, OLS window / Kalman warm-up         [60]
 *   delta:            (0, 1), kalman only                               [0.0001]
 *   ve:               > 0, kalman only                                  [0.001]
 *   z_lookback:       integer >= 2                                      [20]
 *   entry_z:          > exit_z                                          [2]
 *   exit_z:           [0, entry_z)                                      [0]
 *   stop_z:           > entry_z                                         [4]
 *   max_holding_bars: integer >= 0 (0: no time stop)                    [0]
 *   sizing:           dollar_neutral | beta_neutral                     [dollar_neutral]
 *   leg_weight:       (0, 1]                                            [0.25]
 *   retest_bars:      integer >= 0 (0: never)                           [20]
 *   on_break:         hold | close                                      [hold]
 * </pre>
 * Errors name the key path, the accepted values and the file.
 */
final class PairTradingBinder implements StrategyBinder {
    static final String[] KEYS = {"pairs", "top_pairs", "max_pvalue", "formation_bars", "price", "hedge", "lookback",
        "delta", "ve", "z_lookback", "entry_z", "exit_z", "stop_z", "max_holding_bars", "sizing", "leg_weight",
        "retest_bars", "on_break"};

    @Override
    public Bound bind(ConfigNode p) {
        return new Bound(new ConfiguredStrategy.Signal("pair_trading", new PairTradingStrategy(params(p)),
                Set.of(Market.USDM)), RebalanceRule.NONE);
    }

    /** The params of {@code p}; unknown keys and out-of-range values are {@link ConfigException}s. */
    static PairTradingParams params(ConfigNode p) {
        p.allowOnly(KEYS);
        List<PairSpec> pairs = new ArrayList<>();
        if (p.has("pairs")) {
            for (String s : p.stringList("pairs")) {
                try {
                    pairs.add(PairSpec.parse(s));
                } catch (IllegalArgumentException e) {
                    throw p.invalid("pairs", "a list of Y/X pairs such as BCHUSDT/LTCUSDT", s);
                }
            }
        }
        int top = p.integer("top_pairs", 1, pairs.isEmpty() ? Integer.MAX_VALUE : pairs.size(),
                pairs.isEmpty() ? 1 : pairs.size());
        String hedgeName = p.choiceOr("hedge", "ols", "ols", "kalman");
        int lookback = p.integer("lookback", 3, Integer.MAX_VALUE, 60);
        HedgeRatio hedge;
        if (hedgeName.equals("kalman")) {
            hedge = new KalmanHedge(p.number("delta", Range.open(0, 1), 1e-4), p.number("ve", Range.above(0), 1e-3), lookback);
        } else {
            for (String k : new String[] {"delta", "ve"}) {
                if (p.has(k)) {
                    throw p.invalid(k, "absent unless hedge: kalman", p.require(k));
                }
            }
            hedge = new RollingOlsHedge(lookback);
        }
        double entry = p.number("entry_z", Range.above(0), 2);
        double exit = p.number("exit_z", Range.closedOpen(0, entry), 0);
        double stop = p.number("stop_z", Range.open(entry, Double.MAX_VALUE), 4);
        double maxP = p.number("max_pvalue", Range.openClosed(0, 1), 0.05);
        int formation = p.integer("formation_bars", PairTradingParams.MIN_FORMATION_BARS, Integer.MAX_VALUE, 120);
        PriceScale price = p.choice("price", PriceScale.LOG);
        int zLookback = p.integer("z_lookback", 2, Integer.MAX_VALUE, 20);
        int maxHolding = p.integer("max_holding_bars", 0, Integer.MAX_VALUE, 0);
        LegSizing sizing = p.choice("sizing", LegSizing.DOLLAR_NEUTRAL);
        double legWeight = p.number("leg_weight", Range.openClosed(0, 1), 0.25);
        int retest = p.integer("retest_bars", 0, Integer.MAX_VALUE, 20);
        OnBreak onBreak = p.choice("on_break", OnBreak.HOLD);
        java.util.Set<String> used = new java.util.HashSet<>();
        for (PairSpec s : pairs) {
            if (!used.add(s.y()) || !used.add(s.x())) {
                throw p.invalid("pairs", "pairs that share no symbol (a symbol holds one pair trade at a time)",
                        String.valueOf(pairs));
            }
        }
        return new PairTradingParams(pairs, top, maxP, formation, price, hedge, zLookback, entry, exit, stop,
                maxHolding, sizing, legWeight, retest, onBreak);
    }
}
