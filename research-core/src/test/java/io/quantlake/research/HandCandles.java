package io.quantlake.research;

import io.quantlake.ingest.CandleBar;
import io.quantlake.market.Interval;
import io.quantlake.market.Market;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A small hand-built daily universe for the research tests: 30 grid bars from 2024-01-01, seven
 * symbols as own-bar arrays.
 * <ul>
 *   <li>BBBUSDT = 2 × AAAUSDT at every bar (exact ties with AAA in every return-based value);</li>
 *   <li>CCCUSDT = 4 × AAAUSDT up to grid bar 14, its own walk after (ties early, none later);</li>
 *   <li>DDDUSDT misses grid bars 10–12 (a gap: its returns span it);</li>
 *   <li>EEEUSDT is listed at grid bar 8; EEE and FFF are flat over grid bars 20–22 (ties at 0);</li>
 *   <li>GGGUSDT trades from grid bar 3 to 17 (listed late, delisted early).</li>
 * </ul>
 * Powers of two keep the scaled copies' ratios bit-identical, so the ties are exact.
 */
final class HandCandles {
    static final long DAY = 86_400_000L;
    static final long T0 = 1_704_067_200_000L; // 2024-01-01T00:00Z
    static final int GRID = 30;
    static final String[] SYMBOLS = {"AAAUSDT", "BBBUSDT", "CCCUSDT", "DDDUSDT", "EEEUSDT", "FFFUSDT", "GGGUSDT"};

    /** Per symbol: grid indices of its own bars and their closes. */
    final int[][] grid = new int[SYMBOLS.length][];
    final double[][] close = new double[SYMBOLS.length][];

    /**
     * The universe from {@code seed}; every close at a grid bar after {@code perturbAfter} is multiplied
     * by a factor from a second random stream (pass GRID for none).
     */
    HandCandles(long seed, int perturbAfter) {
        double[] a = walk(new Random(seed), 100.0);
        double[] c = walk(new Random(seed + 3), 400.0);
        double[][] path = {a, times(a, 2.0), c, walk(new Random(seed + 4), 50.0), walk(new Random(seed + 5), 8.0),
            walk(new Random(seed + 6), 20.0), walk(new Random(seed + 7), 3.0)};
        for (int t = 0; t <= 14; t++) {
            path[2][t] = a[t] * 4.0;
        }
        for (int t = 21; t <= 22; t++) {
            path[4][t] = path[4][20];
            path[5][t] = path[5][20];
        }
        Random perturb = new Random(seed * 31 + 11);
        for (int t = perturbAfter + 1; t < GRID; t++) {
            for (double[] p : path) {
                p[t] *= Math.exp(0.05 * perturb.nextGaussian());
            }
        }
        for (int s = 0; s < SYMBOLS.length; s++) {
            List<Integer> own = new ArrayList<>();
            for (int t = 0; t < GRID; t++) {
                boolean missing = (s == 3 && t >= 10 && t <= 12) || (s == 4 && t < 8) || (s == 6 && (t < 3 || t > 17));
                if (!missing) {
                    own.add(t);
                }
            }
            grid[s] = new int[own.size()];
            close[s] = new double[own.size()];
            for (int k = 0; k < own.size(); k++) {
                grid[s][k] = own.get(k);
                close[s][k] = path[s][own.get(k)];
            }
        }
    }

    private static double[] walk(Random r, double start) {
        double[] p = new double[GRID];
        double price = start;
        for (int t = 0; t < GRID; t++) {
            price *= Math.exp(0.04 * r.nextGaussian());
            p[t] = price;
        }
        return p;
    }

    private static double[] times(double[] x, double k) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] * k;
        }
        return out;
    }

    static long time(int gridIndex) {
        return T0 + gridIndex * DAY;
    }

    /** The universe as candle records (spot, 1d); open/high/low around the close, no quote volume. */
    List<CandleBar> bars() {
        List<CandleBar> out = new ArrayList<>();
        for (int s = 0; s < SYMBOLS.length; s++) {
            for (int k = 0; k < grid[s].length; k++) {
                double px = close[s][k];
                out.add(new CandleBar(Market.SPOT, Interval.D1, SYMBOLS[s], time(grid[s][k]), px, px * 1.01, px * 0.99, px,
                        10.0, Double.NaN, -1, Double.NaN, Double.NaN));
            }
        }
        return out;
    }
}
