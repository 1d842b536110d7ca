package io.quantlake.strategy.pairs;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The parameters of {@link PairTradingStrategy} (config name {@code pair_trading}; YAML keys in
 * {@code io.quantlake.config.PairTradingBinder}). Bar counts are grid bars of the backtest interval except where a window is
 * said to count pair bars (bars where both legs have a close).
 *
 * @param pairs          candidate pairs {@code Y/X}; empty: every ordered pair of the universe
 * @param topPairs       at most this many pairs are traded: the best by formation p-value, symbol-disjoint
 * @param maxPValue      a pair is cointegrated when its Engle-Granger p-value is {@code <= maxPValue}
 * @param formationBars  grid bars of the formation window (selection) and of each re-test's trailing window
 * @param price          price scale of the test, the hedge ratio and the spread
 * @param hedge          hedge ratio estimator (rolling OLS over {@code lookback} pair bars, or Kalman)
 * @param zLookback      pair bars of the spread's z-score window
 * @param entryZ         open when {@code entryZ <= |z| < stopZ}
 * @param exitZ          close when z crosses back to {@code exitZ} (short spread: {@code z <= exitZ};
 *                       long spread: {@code z >= -exitZ})
 * @param stopZ          stop when {@code |z| >= stopZ} on the trade's side
 * @param maxHoldingBars time stop in grid bars after the entry fill; 0 for none
 * @param sizing         dollar- or beta-neutral legs
 * @param legWeight      fraction of equity of the y leg (and of the x leg when dollar-neutral)
 * @param retestBars     grid bars between cointegration re-tests; 0 for none
 * @param onBreak        what a failed re-test does to an open trade
 */
public record PairTradingParams(List<PairSpec> pairs, int topPairs, double maxPValue, int formationBars,
                                PriceScale price, HedgeRatio hedge, int zLookback, double entryZ, double exitZ,
                                double stopZ, int maxHoldingBars, LegSizing sizing, double legWeight, int retestBars,
                                OnBreak onBreak) {
    /**
     * Fewest common bars a formation test uses: from 21 observations on, Engle-Granger's ADF lag search
     * (up to {@code 12 (n/100)^(1/4)} lags) always has more rows than coefficients.
     */
    public static final int MIN_TEST_BARS = 21;

    /** Smallest formation window. */
    public static final int MIN_FORMATION_BARS = 30;

    public PairTradingParams {
        pairs = List.copyOf(pairs);
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(hedge, "hedge");
        Objects.requireNonNull(sizing, "sizing");
        Objects.requireNonNull(onBreak, "onBreak");
        Set<String> used = new HashSet<>();
        for (PairSpec p : pairs) {
            if (!used.add(p.y()) || !used.add(p.x())) {
                throw new IllegalArgumentException("pairs must not share a symbol (a symbol holds one pair trade at a time), got "
                        + pairs);
            }
        }
        if (topPairs < 1 || (!pairs.isEmpty() && topPairs > pairs.size())) {
            throw new IllegalArgumentException("top_pairs must be in [1, " + (pairs.isEmpty() ? "n" : pairs.size())
                    + "], got " + topPairs);
        }
        if (!(maxPValue > 0 && maxPValue <= 1)) {
            throw new IllegalArgumentException("max_pvalue must be in (0, 1], got " + maxPValue);
        }
        if (formationBars < MIN_FORMATION_BARS) {
            throw new IllegalArgumentException("formation_bars must be >= " + MIN_FORMATION_BARS + ", got " + formationBars);
        }
        if (zLookback < 2) {
            throw new IllegalArgumentException("z_lookback must be >= 2, got " + zLookback);
        }
        if (!(exitZ >= 0 && exitZ < entryZ && entryZ < stopZ) || Double.isInfinite(stopZ)) {
            throw new IllegalArgumentException("need 0 <= exit_z < entry_z < stop_z (finite), got exit_z " + exitZ
                    + ", entry_z " + entryZ + ", stop_z " + stopZ);
        }
        if (maxHoldingBars < 0 || retestBars < 0) {
            throw new IllegalArgumentException("max_holding_bars and retest_bars must be >= 0, got " + maxHoldingBars
                    + " and " + retestBars);
        }
        if (!(legWeight > 0 && legWeight <= 1)) {
            throw new IllegalArgumentException("leg_weight must be in (0, 1], got " + legWeight);
        }
    }

    /** Pair bars before a pair's z-score exists: the hedge warm-up plus {@code zLookback - 1}. */
    public int warmupPairBars() {
        return hedge.warmupBars() + zLookback - 1;
    }
}
