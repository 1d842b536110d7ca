package io.quantlake.config;

import io.quantlake.strategy.ConfiguredStrategy;
import io.quantlake.strategy.quant.BetaNeutralStrategy;
import io.quantlake.strategy.quant.MarketIndex;
import io.quantlake.strategy.quant.RollingBeta;
import io.quantlake.strategy.reference.MarketNeutralStrategy;
import io.quantlake.strategy.reference.Selection;
import java.util.Arrays;
import java.util.Optional;

/**
 * {@code market_neutral_beta}: every param of {@code market_neutral} ({@link MarketNeutralBinder}'s typed
 * strategy), plus {@code neutral} (beta | dollar, default beta; dollar gives plain market_neutral),
 * {@code beta_lookback} (>= 2, required with beta) and {@code beta_index} (equal_weight or a universe symbol such
 * as BTCUSDT, default equal_weight).
 */
final class MarketNeutralBetaBinder implements StrategyBinder {
    private static final String[] KEYS = concat(MarketNeutralBinder.KEYS, "neutral", "beta_lookback", "beta_index");

    @Override
    public Bound bind(ConfigNode p) {
        p.allowOnly(KEYS);
        Optional<RollingBeta> beta = neutral(p, "beta");
        MarketNeutralStrategy mn = MarketNeutralBinder.strategy(p);
        Bound dollarNeutral = StrategyBinder.weight(mn, p, 0, mn.schedule().threshold());
        twoSided(p, beta, mn.selection(), mn.longRatio(), mn.shortRatio());
        return beta.isEmpty() ? dollarNeutral
                : new Bound(new ConfiguredStrategy.Weight(new BetaNeutralStrategy(mn, beta.get())), dollarNeutral.rule());
    }

    /** {@code neutral} (default {@code def}), {@code beta_lookback}, {@code beta_index}: empty for dollar-neutral. */
    static Optional<RollingBeta> neutral(ConfigNode p, String def) {
        if (p.choiceOr("neutral", def, "dollar", "beta").equals("dollar")) {
            StrategyBinder.absentUnless(p, "beta_lookback", "neutral: beta");
            StrategyBinder.absentUnless(p, "beta_index", "neutral: beta");
            return Optional.empty();
        }
        String index = p.string("beta_index", "equal_weight");
        return Optional.of(new RollingBeta(p.integer("beta_lookback", 2, Integer.MAX_VALUE),
                index.equals("equal_weight") ? new MarketIndex.EqualWeight() : new MarketIndex.Symbol(index)));
    }

    /** Beta neutrality needs both books: the error is on {@code neutral}. */
    static void twoSided(ConfigNode p, Optional<RollingBeta> beta, Selection s, double longRatio, double shortRatio) {
        if (beta.isEmpty()) {
            return;
        }
        try {
            BetaNeutralStrategy.requireTwoSided(s, longRatio, shortRatio);
        } catch (IllegalArgumentException e) {
            throw p.invalid("neutral", "dollar when a book is empty (" + e.getMessage() + ")",
                    p.has("neutral") ? ConfigNode.render(p.require("neutral")) : "beta (the default)");
        }
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
