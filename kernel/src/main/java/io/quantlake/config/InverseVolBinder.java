package io.quantlake.config;

import io.quantlake.strategy.reference.InverseVolStrategy;

/** {@code inverse_vol} (CLI.md): {@code lookback} (>= 2, required), {@code schedule} (required), {@code band} (default 0). */
final class InverseVolBinder implements StrategyBinder {
    @Override
    public Bound bind(ConfigNode p) {
        p.allowOnly("lookback", "schedule", "band");
        InverseVolStrategy s = new InverseVolStrategy(p.integer("lookback", 2, Integer.MAX_VALUE),
                StrategyBinder.schedule(p, "schedule"));
        return StrategyBinder.weight(s, p, 0, s.schedule().threshold());
    }
}
