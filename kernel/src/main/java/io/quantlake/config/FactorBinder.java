package io.quantlake.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quantlake.strategy.quant.CompositeScore;
import io.quantlake.strategy.quant.Factor;
import io.quantlake.strategy.quant.FactorStrategy;
import io.quantlake.strategy.quant.RollingBeta;
import io.quantlake.strategy.reference.Selection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code factor}: {@code factors} (required list of {@code {name, weight, …}}: {@code momentum} with
 * {@code lookback}, {@code skip} (default 0); {@code reversal} with {@code lookback}; {@code low_vol} with
 * {@code lookback}; {@code feature} with {@code feature} (a panel feature name); {@code weight} default 1),
 * {@code mode} (long_short | long_only, required), the selection ({@link SelectionBinding}; bottom absent in
 * long_only), long_short: {@code long_ratio}, {@code short_ratio} (required), {@code neutral} (dollar | beta,
 * default dollar) with {@code beta_lookback}, {@code beta_index}; long_only: {@code weighting} (equal | score,
 * default equal); {@code schedule} (required), {@code band} (default 0).
 */
final class FactorBinder implements StrategyBinder {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public Bound bind(ConfigNode p) {
        String mode = p.choice("mode", "long_short", "long_only");
        CompositeScore score = new CompositeScore(factors(p));
        FactorStrategy.Mode m;
        if (mode.equals("long_short")) {
            p.allowOnly("factors", "mode", "top", "bottom", "top_quantile", "bottom_quantile", "long_ratio",
                    "short_ratio", "neutral", "beta_lookback", "beta_index", "schedule", "band");
            Selection selection = SelectionBinding.bind(p, false);
            double longRatio = p.number("long_ratio", MarketNeutralBinder.RATIO);
            double shortRatio = p.number("short_ratio", MarketNeutralBinder.RATIO);
            Optional<RollingBeta> beta = MarketNeutralBetaBinder.neutral(p, "dollar");
            MarketNeutralBetaBinder.twoSided(p, beta, selection, longRatio, shortRatio);
            m = new FactorStrategy.LongShort(selection, longRatio, shortRatio, beta);
        } else {
            p.allowOnly("factors", "mode", "top", "top_quantile", "weighting", "schedule", "band");
            m = new FactorStrategy.LongOnly(SelectionBinding.bind(p, true),
                    p.choiceOr("weighting", "equal", "equal", "score").equals("score"));
        }
        FactorStrategy s = new FactorStrategy(score, m, StrategyBinder.schedule(p, "schedule"));
        return StrategyBinder.weight(s, p, 0, s.schedule().threshold());
    }

    private static List<CompositeScore.Component> factors(ConfigNode p) {
        JsonNode list = p.require("factors");
        String expected = "a non-empty list of mappings such as {name: momentum, lookback: 30, skip: 1, weight: 1}";
        if (!list.isArray() || list.isEmpty()) {
            throw p.invalid("factors", expected, list);
        }
        List<CompositeScore.Component> out = new ArrayList<>();
        for (int k = 0; k < list.size(); k++) {
            if (!list.get(k).isObject()) {
                throw p.invalid("factors", expected, list);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> m = MAPPER.convertValue(list.get(k), LinkedHashMap.class);
            ConfigNode f = ConfigNode.of(m, p.keyPath("factors") + "[" + k + "]", p.origin());
            Factor factor = oneFactor(f);
            double weight = f.number("weight", Range.finite(), 1);
            if (weight == 0) {
                throw f.invalid("weight", "a non-zero number", f.require("weight"));
            }
            out.add(new CompositeScore.Component(factor, weight));
        }
        return out;
    }

    /**
     * One factor mapping {@code {name: momentum|reversal|low_vol|feature, lookback, skip, feature, weight}} of
     * {@code strategy.params.factors} (also read by a conditional exit's {@code factor}, {@link ExitChainBinder}).
     */
    static Factor oneFactor(ConfigNode f) {
        String name = f.choice("name", "momentum", "reversal", "low_vol", "feature");
        switch (name) {
            case "momentum": {
                f.allowOnly("name", "lookback", "skip", "weight");
                int lookback = f.integer("lookback", 1, Integer.MAX_VALUE);
                return new Factor.Momentum(lookback, f.integer("skip", 0, lookback - 1, 0));
            }
            case "reversal":
                f.allowOnly("name", "lookback", "weight");
                return new Factor.Reversal(f.integer("lookback", 1, Integer.MAX_VALUE));
            case "low_vol":
                f.allowOnly("name", "lookback", "weight");
                return new Factor.LowVolatility(f.integer("lookback", 2, Integer.MAX_VALUE));
            default:
                f.allowOnly("name", "feature", "weight");
                return new Factor.Feature(f.string("feature"));
        }
    }
}
