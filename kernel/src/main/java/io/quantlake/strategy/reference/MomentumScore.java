package io.quantlake.strategy.reference;

import io.quantlake.panel.Panel;
import java.util.Arrays;

/**
 * Momentum over {@code lookback} own bars skipping the last {@code skip}, as a fraction:
 * {@code m_i(t) = close_{t−skip} / close_{t−lookback} − 1}, where {@code t − k} is the symbol's
 * {@code k}-th own bar before its bar at {@code t} (§12.9). Valid (R7, R22) only where the symbol
 * has a bar at {@code t} and {@code lookback + 1} own bars up to {@code t}; NaN elsewhere.
 *
 * @param lookback L >= 1
 * @param skip     S in [0, L)
 */
public record MomentumScore(int lookback, int skip) implements CrossSectionalScore {
    public MomentumScore {
        if (lookback < 1) {
            throw new IllegalArgumentException("momentum lookback must be >= 1, got " + lookback);
        }
        if (skip < 0 || skip >= lookback) {
            throw new IllegalArgumentException("momentum skip must be in [0, lookback=" + lookback + "), got " + skip);
        }
    }

    /** Own bars a symbol needs up to {@code t} before its score is defined: {@code lookback + 1} closes. */
    @Override
    public int warmupBars() {
        return lookback + 1;
    }

    /** A new matrix (a copy of the shared one, which callers may then change). */
    @Override
    public double[] scores(Panel panel) {
        return shared(panel).clone();
    }

    /** The score matrix over {@code panel}, computed once per panel and parameters ({@link Panel#derived()}); read-only. */
    double[] shared(Panel panel) {
        return panel.derived().computeIfAbsent(this, (long) panel.bars() * panel.symbolCount(), this::compute);
    }

    private double[] compute(Panel panel) {
        int n = panel.symbolCount();
        OwnBars own = OwnBars.of(panel);
        double[] m = new double[panel.bars() * n];
        Arrays.fill(m, Double.NaN);
        for (int t = 0; t < panel.bars(); t++) {
            for (int i = 0; i < n; i++) {
                int p = own.position(t, i);
                if (p >= lookback) {
                    m[t * n + i] = own.close(i, p - skip) / own.close(i, p - lookback) - 1;
                }
            }
        }
        return m;
    }
}
