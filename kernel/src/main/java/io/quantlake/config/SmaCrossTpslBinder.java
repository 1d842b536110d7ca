package io.quantlake.config;

import io.quantlake.schedule.RebalanceRule;
import io.quantlake.strategy.ConfiguredStrategy;
import io.quantlake.strategy.reference.SmaCrossTpslStrategy;

/**
 * {@code sma_cross_tpsl} (CLI.md): {@code fast}, {@code slow} (>= 1), {@code take_profit} (> 0),
 * {@code stop_loss} (in (0, 1)), {@code max_positions} (>= 1); a legacy strategy, no band.
 */
final class SmaCrossTpslBinder implements StrategyBinder {
    @Override
    public Bound bind(ConfigNode p) {
        p.allowOnly("fast", "slow", "take_profit", "stop_loss", "max_positions");
        SmaCrossTpslStrategy s = new SmaCrossTpslStrategy(p.integer("fast", 1, Integer.MAX_VALUE),
                p.integer("slow", 1, Integer.MAX_VALUE), p.number("take_profit", Range.above(0)),
                p.number("stop_loss", Range.open(0, 1)), p.integer("max_positions", 1, Integer.MAX_VALUE));
        return new Bound(new ConfiguredStrategy.Legacy("sma_cross_tpsl", s, s.maxPositions()), RebalanceRule.NONE);
    }
}
