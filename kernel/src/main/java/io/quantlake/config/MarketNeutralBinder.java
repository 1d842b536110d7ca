package io.quantlake.config;

import io.quantlake.strategy.reference.MarketNeutralStrategy;
import io.quantlake.strategy.reference.MomentumScore;

/**
 * {@code market_neutral} (CLI.md): {@code lookback} (>= 1), {@code skip} (default 0), the selection
 * ({@link SelectionBinding}: {@code top}/{@code bottom} or {@code top_quantile}/{@code bottom_quantile}),
 * {@code long_ratio}, {@code short_ratio} (>= 0), {@code schedule} (required), {@code band} (default 0).
 */
final class MarketNeutralBinder implements StrategyBinder {
    /** The params, in the order errors list them. */
    static final String[] KEYS = {"lookback", "skip", "top", "bottom", "top_quantile", "bottom_quantile",
        "long_ratio", "short_ratio", "schedule", "band"};
    static final Range RATIO = Range.atLeast(0);

    @Override
    public Bound bind(ConfigNode p) {
        p.allowOnly(KEYS);
        MarketNeutralStrategy s = strategy(p);
        return StrategyBinder.weight(s, p, 0, s.schedule().threshold());
    }

    /** The typed strategy of the {@link #KEYS} of {@code p} but the band; the caller checks for unknown keys. */
    static MarketNeutralStrategy strategy(ConfigNode p) {
        int lookback = p.integer("lookback", 1, Integer.MAX_VALUE);
        int skip = p.integer("skip", 0, lookback - 1, 0);
        return new MarketNeutralStrategy(new MomentumScore(lookback, skip), SelectionBinding.bind(p, false),
                p.number("long_ratio", RATIO), p.number("short_ratio", RATIO), StrategyBinder.schedule(p, "schedule"));
    }
}
