package io.quantlake.config;

import io.quantlake.strategy.reference.MonthlyRebalanceStrategy;

/** {@code monthly_rebalance} (CLI.md): {@code target_weights} (required), {@code day} (1–31, default 1), {@code band} (default 0.01). */
final class MonthlyRebalanceBinder implements StrategyBinder {
    @Override
    public Bound bind(ConfigNode p) {
        p.allowOnly("target_weights", "day", "band");
        MonthlyRebalanceStrategy s = new MonthlyRebalanceStrategy(p.numberMap("target_weights", Range.finite()),
                p.integer("day", 1, 31, 1));
        return StrategyBinder.weight(s, p, 0.01, false);
    }
}
