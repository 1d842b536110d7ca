package io.quantlake.strategy.quant;

import io.quantlake.panel.Panel;
import io.quantlake.strategy.reference.CrossSectionalScore;
import io.quantlake.strategy.reference.MomentumScore;
import java.util.Arrays;
import java.util.Objects;

/**
 * A per-bar score of every symbol for {@link CompositeScore}, higher = more attractive: a
 * {@code bars × symbols} matrix, NaN where undefined. The built-in factors are computed in plain
 * Java on each symbol's own bars (SIMULATION.md §12.9), so they need no Spark; each is defined only
 * where the symbol has a bar at {@code t} and the own bars its formula needs (its warm-up), and uses
 * closes up to {@code t} only.
 */
public sealed interface Factor extends CrossSectionalScore {
    /**
     * Momentum {@code close_{t−skip} / close_{t−lookback} − 1}, a fraction ({@link MomentumScore}).
     *
     * @param lookback L >= 1 own bars
     * @param skip     S in [0, L)
     */
    record Momentum(int lookback, int skip) implements Factor {
        public Momentum {
            new MomentumScore(lookback, skip); // validates
        }

        @Override
        public double[] scores(Panel panel) {
            return new MomentumScore(lookback, skip).scores(panel);
        }
    }

    /**
     * Short-term reversal {@code −(close_t / close_{t−lookback} − 1)}: the negated return over the last
     * {@code lookback} own bars, a fraction (recent losers score high).
     *
     * @param lookback k >= 1 own bars
     */
    record Reversal(int lookback) implements Factor {
        public Reversal {
            if (lookback < 1) {
                throw new IllegalArgumentException("reversal lookback must be >= 1, got " + lookback);
            }
        }

        @Override
        public double[] scores(Panel panel) {
            double[] m = new MomentumScore(lookback, 0).scores(panel);
            for (int k = 0; k < m.length; k++) {
                m[k] = -m[k];
            }
            return m;
        }
    }

    /**
     * Low volatility {@code −σ}: {@code σ} = sample standard deviation (ddof 1) of the last
     * {@code lookback} simple own-bar returns {@code close_k / close_{k−1} − 1} ending at {@code t},
     * per bar (not annualised); needs {@code lookback + 1} own bars up to {@code t}.
     *
     * @param lookback n >= 2 returns
     */
    record LowVolatility(int lookback) implements Factor {
        public LowVolatility {
            if (lookback < 2) {
                throw new IllegalArgumentException("low_vol lookback must be >= 2 returns (ddof 1), got " + lookback);
            }
        }

        @Override
        public double[] scores(Panel panel) {
            int n = panel.symbolCount();
            int bars = panel.bars();
            double[] c = panel.close();
            double[] out = new double[bars * n];
            Arrays.fill(out, Double.NaN);
            double[] own = new double[bars];
            for (int i = 0; i < n; i++) {
                int count = 0;
                for (int t = 0; t < bars; t++) {
                    if (Double.isNaN(c[t * n + i])) {
                        continue;
                    }
                    own[count++] = c[t * n + i];
                    if (count > lookback) {
                        out[t * n + i] = -stdev(own, count - 1);
                    }
                }
            }
            return out;
        }

        /** Two-pass sample stdev of the {@code lookback} returns ending at own bar {@code p}. */
        private double stdev(double[] own, int p) {
            double sum = 0;
            for (int k = p - lookback + 1; k <= p; k++) {
                sum += own[k] / own[k - 1] - 1;
            }
            double mean = sum / lookback;
            double ss = 0;
            for (int k = p - lookback + 1; k <= p; k++) {
                double d = own[k] / own[k - 1] - 1 - mean;
                ss += d * d;
            }
            return Math.sqrt(ss / (lookback - 1));
        }
    }

    /**
     * A panel feature matrix as is ({@link Panel#feature}), e.g. a factor computed on the Spark side; it
     * must itself use data up to {@code t} only at row {@code t}.
     *
     * @param name the feature's name
     */
    record Feature(String name) implements Factor {
        public Feature {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public double[] scores(Panel panel) {
            return panel.feature(name);
        }
    }
}
