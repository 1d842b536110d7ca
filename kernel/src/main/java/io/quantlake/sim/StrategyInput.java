package io.quantlake.sim;

import io.quantlake.panel.Panel;
import io.quantlake.strategy.LegacyStrategy;
import io.quantlake.strategy.SignalStrategy;
import io.quantlake.strategy.TargetWeights;
import io.quantlake.strategy.WeightStrategy;
import java.util.Objects;

/** What drives a backtest: one of the three strategy tiers (DESIGN.md), all run by one engine. */
public sealed interface StrategyInput permits StrategyInput.Weights, StrategyInput.Legacy, StrategyInput.Signals {

    /** Tier 3: a target-weight matrix (the band and threshold flag are {@code SimConfig.rebalance()}). */
    record Weights(TargetWeights targets) implements StrategyInput {
        public Weights {
            Objects.requireNonNull(targets, "targets");
        }
    }

    /**
     * Tier 1: a legacy per-symbol BUY strategy with the legacy portfolio manager's capacity
     * {@code maxPositions} (CLI.md {@code sma_cross_tpsl}, R19); run through {@link LegacySignalAdapter}.
     */
    record Legacy(LegacyStrategy strategy, int maxPositions) implements StrategyInput {
        public Legacy {
            Objects.requireNonNull(strategy, "strategy");
            if (maxPositions < 1) {
                throw new IllegalArgumentException("strategy.params.max_positions must be >= 1, got " + maxPositions);
            }
        }
    }

    /** Tier 2: a signal strategy. */
    record Signals(SignalStrategy strategy) implements StrategyInput {
        public Signals {
            Objects.requireNonNull(strategy, "strategy");
        }
    }

    static Weights weights(TargetWeights targets) {
        return new Weights(targets);
    }

    /** Computes the strategy's targets over {@code panel}. */
    static Weights weights(WeightStrategy strategy, Panel panel) {
        return new Weights(strategy.targets(panel));
    }

    static Legacy legacy(LegacyStrategy strategy, int maxPositions) {
        return new Legacy(strategy, maxPositions);
    }

    static Signals signals(SignalStrategy strategy) {
        return new Signals(strategy);
    }
}
