package com.example;

import io.quantlake.panel.Panel;
import io.quantlake.strategy.TargetWeights;
import io.quantlake.strategy.WeightStrategy;

/**
 * A Donchian-channel breakout, long only, each position sized to a volatility target: a turtle-style trend
 * follower written as a user's own {@link WeightStrategy} (tier 3), run by a config such as
 * <pre>
 * strategy:
 *   class: com.example.DonchianBreakout
 *   band: 0.02          # no-trade band (weight fraction): the vol-scaled weights move a little every bar
 *   params: {entry_bars: 20, exit_bars: 10, vol_lookback: 20, target_vol: 0.4, max_weight: 0.25}
 * </pre>
 * The record's components are the params (in snake_case); the compact constructor checks them, and its message
 * is what a config with a bad value prints.
 *
 * <p>At every bar {@code t} (decided at its close, filled per {@code execution.price}), for symbol {@code i}, over
 * its own bars (grid bars where it has a candle), {@code p} being bar {@code t}'s position among them:
 * <ul>
 *   <li>upper channel {@code U = max high} of own bars {@code p − entryBars … p − 1}, lower channel
 *       {@code L = min low} of own bars {@code p − exitBars … p − 1} (both exclude bar {@code t});</li>
 *   <li>a flat symbol goes long when {@code close_t > U}; a long one goes flat when {@code close_t < L};</li>
 *   <li>a long's weight is {@code min(maxWeight, (targetVol / N) / σ)}, {@code N} the universe size (each symbol's
 *       share of the risk budget) and {@code σ} the annualised volatility: the sample standard deviation (ddof 1)
 *       of the last {@code volLookback} log returns {@code ln(close_k / close_{k−1})} up to {@code t}, times
 *       {@code √(bars per year)} of the interval ({@code σ = 0}: {@code maxWeight});</li>
 *   <li>when the weights sum above 1 (spot cannot lever), all are scaled down to sum to 1.</li>
 * </ul>
 * A symbol that does not exist at {@code t} (before its listing, from its delisting bar), has no candle at
 * {@code t}, or has fewer than {@code max(entryBars, exitBars, volLookback) + 1} own bars up to {@code t} is 0
 * and flat. Every bar is a decision. Only bars up to {@code t} are read: no look-ahead.
 *
 * @param entryBars   breakout channel length, own bars, {@code >= 1}
 * @param exitBars    exit channel length, own bars, {@code >= 1}
 * @param volLookback returns in the volatility estimate, {@code >= 2}
 * @param targetVol   annualised volatility target of the whole book, a fraction ({@code 0.4} = 40 % a year), {@code > 0}
 * @param maxWeight   cap of one symbol's weight, a fraction of equity in {@code (0, 1]}
 */
public record DonchianBreakout(int entryBars, int exitBars, int volLookback, double targetVol, double maxWeight)
        implements WeightStrategy {
    public DonchianBreakout {
        if (entryBars < 1 || exitBars < 1) {
            throw new IllegalArgumentException("entry_bars and exit_bars must be >= 1, got " + entryBars + ", " + exitBars);
        }
        if (volLookback < 2) {
            throw new IllegalArgumentException("vol_lookback must be >= 2 returns (ddof 1), got " + volLookback);
        }
        if (!(targetVol > 0) || Double.isInfinite(targetVol)) {
            throw new IllegalArgumentException("target_vol must be a finite fraction > 0, got " + targetVol);
        }
        if (!(maxWeight > 0 && maxWeight <= 1)) {
            throw new IllegalArgumentException("max_weight must be in (0, 1], got " + maxWeight);
        }
    }

    @Override
    public String name() {
        return "donchian_breakout";
    }

    /** Own bars a symbol needs up to {@code t} before it can be long. */
    public int warmupBars() {
        return Math.max(Math.max(entryBars, exitBars), volLookback) + 1;
    }

    @Override
    public TargetWeights targets(Panel panel) {
        int n = panel.symbolCount();
        int bars = panel.bars();
        double[] high = panel.high();
        double[] low = panel.low();
        double[] close = panel.close();
        double annualise = Math.sqrt(panel.interval().periodsPerYear());
        int[][] own = new int[n][]; // own[i][k]: grid bar of symbol i's k-th own bar, filled as t advances
        int[] count = new int[n];
        for (int i = 0; i < n; i++) {
            own[i] = new int[panel.barCount(i)];
        }
        boolean[] holding = new boolean[n];
        boolean[] decision = new boolean[bars];
        double[] w = new double[bars * n];
        for (int t = 0; t < bars; t++) {
            decision[t] = true;
            double gross = 0;
            for (int i = 0; i < n; i++) {
                if (!panel.hasBar(t, i)) {
                    holding[i] = false;
                    continue;
                }
                own[i][count[i]++] = t;
                int p = count[i] - 1;
                if (!panel.exists(t, i) || p + 1 < warmupBars()) {
                    holding[i] = false;
                    continue;
                }
                double c = close[panel.at(t, i)];
                if (!holding[i] && c > extreme(high, panel, own[i], i, p - entryBars, p, true)) {
                    holding[i] = true;
                } else if (holding[i] && c < extreme(low, panel, own[i], i, p - exitBars, p, false)) {
                    holding[i] = false;
                }
                if (holding[i]) {
                    double sigma = volatility(close, panel, own[i], i, p) * annualise;
                    double weight = sigma > 0 ? Math.min(maxWeight, targetVol / n / sigma) : maxWeight;
                    w[panel.at(t, i)] = weight;
                    gross += weight;
                }
            }
            if (gross > 1) {
                for (int i = 0; i < n; i++) {
                    w[panel.at(t, i)] /= gross;
                }
            }
        }
        return new TargetWeights(bars, n, decision, w);
    }

    /** Max ({@code max}) or min of {@code values} over own bars {@code [from, to)} of symbol {@code i}. */
    private static double extreme(double[] values, Panel panel, int[] own, int i, int from, int to, boolean max) {
        double out = max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        for (int k = from; k < to; k++) {
            double v = values[panel.at(own[k], i)];
            out = max ? Math.max(out, v) : Math.min(out, v);
        }
        return out;
    }

    /** Sample standard deviation (ddof 1) of the last {@code volLookback} log returns ending at own bar {@code p}. */
    private double volatility(double[] close, Panel panel, int[] own, int i, int p) {
        double sum = 0;
        double[] r = new double[volLookback];
        for (int k = 0; k < volLookback; k++) {
            int b = p - volLookback + 1 + k;
            r[k] = Math.log(close[panel.at(own[b], i)] / close[panel.at(own[b - 1], i)]);
            sum += r[k];
        }
        double mean = sum / volLookback;
        double ss = 0;
        for (double x : r) {
            ss += (x - mean) * (x - mean);
        }
        return Math.sqrt(ss / (volLookback - 1));
    }
}
