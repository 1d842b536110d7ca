package io.quantlake.strategy.reference;

import io.quantlake.panel.Panel;
import java.util.Objects;

/**
 * A per-bar score of every symbol, ranked by {@link MarketNeutralStrategy}: a
 * {@code double[bars × symbols]} matrix indexed {@code t * N + i}, NaN = not valid at {@code t}.
 * The score at {@code t} must use only data with {@code open_time <= times[t]} (no look-ahead).
 */
@FunctionalInterface
public interface CrossSectionalScore {
    /** The score matrix over {@code panel}'s grid and universe. */
    double[] scores(Panel panel);

    /**
     * Own bars of history before a bar that its score reads at most ({@link io.quantlake.strategy.WeightStrategy#warmupBars});
     * default {@link io.quantlake.strategy.WeightStrategy#UNDECLARED}.
     */
    default int warmupBars() {
        return io.quantlake.strategy.WeightStrategy.UNDECLARED;
    }

    /** A precomputed matrix (e.g. a factor from the Spark side); its shape is checked at use. */
    static CrossSectionalScore matrix(double[] scores) {
        Objects.requireNonNull(scores, "scores");
        return panel -> scores;
    }

    /** The panel's feature matrix {@code name} (see Panel#withFeature). */
    static CrossSectionalScore feature(String name) {
        Objects.requireNonNull(name, "name");
        return new CrossSectionalScore() {
            @Override
            public double[] scores(Panel panel) {
                return panel.feature(name);
            }

            /** A feature's row {@code t} is the score at {@code t}: no history read here. */
            @Override
            public int warmupBars() {
                return 0;
            }
        };
    }
}
