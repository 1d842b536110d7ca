package io.quantlake.strategy.quant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quantlake.config.ConfigNode;
import io.quantlake.config.Range;
import io.quantlake.config.StrategyConfig;
import io.quantlake.schedule.RebalanceSchedule;
import io.quantlake.strategy.reference.ConfiguredStrategy;
import io.quantlake.strategy.reference.MarketNeutralStrategy;
import io.quantlake.strategy.reference.Selection;
import io.quantlake.strategy.reference.StrategyRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Binds {@code strategy.params} of {@code risk_parity}, {@code factor} and {@code market_neutral_beta}
 * (the factories {@link StrategyRegistry#all()} registers). Every error names the key path and
 * the file, and unknown keys are rejected with the accepted ones.
 */
public final class QuantConfigs {
    private static final Range BAND = Range.closedOpen(0, 1);
    private static final Range RATIO = Range.atLeast(0);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private QuantConfigs() {
    }

    /**
     * {@code risk_parity}: {@code method} (inverse_vol | erc, required), {@code lookback} (>= 2, required),
     * {@code covariance} (sample | ewma, default sample), {@code halflife} (bars > 0, required with ewma and
     * only then), {@code shrinkage} (none | ledoit_wolf, default none), {@code vol_target} (annualised > 0,
     * optional), {@code max_leverage} (> 0, default 1, only with vol_target), {@code schedule} (required),
     * {@code band} (default 0).
     */
    public static ConfiguredStrategy riskParity(ConfigNode p) {
        p.allowOnly("method", "lookback", "covariance", "halflife", "shrinkage", "vol_target", "max_leverage",
                "schedule", "band");
        RiskParityStrategy.Method method = p.choice("method", RiskParityStrategy.Method.class);
        int lookback = p.integer("lookback", 2, Integer.MAX_VALUE);
        String cov = p.choiceOr("covariance", "sample", "sample", "ewma");
        CovarianceModel.Estimator estimator;
        if (cov.equals("ewma")) {
            estimator = new CovarianceModel.Ewma(p.number("halflife", Range.above(0)));
        } else {
            absentUnless(p, "halflife", "covariance: ewma");
            estimator = new CovarianceModel.Sample();
        }
        CovarianceModel.Shrinkage shrinkage = p.choice("shrinkage", CovarianceModel.Shrinkage.NONE);
        Optional<VolTargeting> volTarget = Optional.empty();
        if (p.has("vol_target")) {
            volTarget = Optional.of(new VolTargeting(p.number("vol_target", Range.above(0)),
                    p.number("max_leverage", Range.above(0), 1)));
        } else {
            absentUnless(p, "max_leverage", "vol_target");
        }
        return new ConfiguredStrategy.Weight(new RiskParityStrategy(method, lookback,
                new CovarianceModel(estimator, shrinkage), volTarget, RebalanceSchedule.bind(p, "schedule"),
                p.number("band", BAND, 0)));
    }

    /**
     * {@code factor}: {@code factors} (required list of {@code {name, weight, …}}: {@code momentum}
     * with {@code lookback}, {@code skip} (default 0); {@code reversal} with {@code lookback};
     * {@code low_vol} with {@code lookback}; {@code feature} with {@code feature} (a panel feature
     * name); {@code weight} default 1), {@code mode} (long_short | long_only, required), the selection
     * {@code top}/{@code bottom} or {@code top_quantile}/{@code bottom_quantile} (bottom absent in
     * long_only), long_short: {@code long_ratio}, {@code short_ratio} (required), {@code neutral}
     * (dollar | beta, default dollar) with {@code beta_lookback}, {@code beta_index}; long_only:
     * {@code weighting} (equal | score, default equal); {@code schedule} (required), {@code band}
     * (default 0).
     */
    public static ConfiguredStrategy factor(ConfigNode p) {
        String mode = p.choice("mode", "long_short", "long_only");
        CompositeScore score = new CompositeScore(factors(p));
        FactorStrategy.Mode m;
        if (mode.equals("long_short")) {
            p.allowOnly("factors", "mode", "top", "bottom", "top_quantile", "bottom_quantile", "long_ratio",
                    "short_ratio", "neutral", "beta_lookback", "beta_index", "schedule", "band");
            Selection selection = selection(p, false);
            double longRatio = p.number("long_ratio", RATIO);
            double shortRatio = p.number("short_ratio", RATIO);
            Optional<RollingBeta> beta = neutral(p, "dollar");
            twoSided(p, beta, selection, longRatio, shortRatio);
            m = new FactorStrategy.LongShort(selection, longRatio, shortRatio, beta);
        } else {
            p.allowOnly("factors", "mode", "top", "top_quantile", "weighting", "schedule", "band");
            m = new FactorStrategy.LongOnly(selection(p, true),
                    p.choiceOr("weighting", "equal", "equal", "score").equals("score"));
        }
        return new ConfiguredStrategy.Weight(new FactorStrategy(score, m, RebalanceSchedule.bind(p, "schedule"),
                p.number("band", BAND, 0)));
    }

    /**
     * {@code market_neutral_beta}: every param of {@code market_neutral} (bound by the standard
     * registry's own binder), plus {@code neutral} (beta | dollar, default beta; dollar gives plain
     * market_neutral), {@code beta_lookback} (>= 2, required with beta) and {@code beta_index}
     * (equal_weight or a universe symbol such as BTCUSDT, default equal_weight).
     */
    public static ConfiguredStrategy marketNeutralBeta(ConfigNode p) {
        p.allowOnly("lookback", "skip", "top", "bottom", "top_quantile", "bottom_quantile", "long_ratio",
                "short_ratio", "schedule", "band", "neutral", "beta_lookback", "beta_index");
        Optional<RollingBeta> beta = neutral(p, "beta");
        @SuppressWarnings("unchecked")
        Map<String, Object> rest = MAPPER.convertValue(p.json(), LinkedHashMap.class);
        rest.remove("neutral");
        rest.remove("beta_lookback");
        rest.remove("beta_index");
        ConfiguredStrategy base = StrategyRegistry.standard().create(new StrategyConfig(p, "market_neutral",
                ConfigNode.of(rest, p.path(), p.origin())));
        if (beta.isEmpty()) {
            return base;
        }
        MarketNeutralStrategy mn = (MarketNeutralStrategy) ((ConfiguredStrategy.Weight) base).strategy();
        twoSided(p, beta, mn.selection(), mn.longRatio(), mn.shortRatio());
        return new ConfiguredStrategy.Weight(new BetaNeutralStrategy(mn, beta.get()));
    }

    /** {@code neutral}, {@code beta_lookback}, {@code beta_index}: empty for dollar-neutral. */
    private static Optional<RollingBeta> neutral(ConfigNode p, String def) {
        if (p.choiceOr("neutral", def, "dollar", "beta").equals("dollar")) {
            absentUnless(p, "beta_lookback", "neutral: beta");
            absentUnless(p, "beta_index", "neutral: beta");
            return Optional.empty();
        }
        String index = p.string("beta_index", "equal_weight");
        return Optional.of(new RollingBeta(p.integer("beta_lookback", 2, Integer.MAX_VALUE),
                index.equals("equal_weight") ? new MarketIndex.EqualWeight() : new MarketIndex.Symbol(index)));
    }

    /** Beta neutrality needs both books: the error is on {@code neutral}. */
    private static void twoSided(ConfigNode p, Optional<RollingBeta> beta, Selection s, double longRatio,
                                 double shortRatio) {
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

    /** Counts {@code top}/{@code bottom} or fractions {@code top_quantile}/{@code bottom_quantile}. */
    private static Selection selection(ConfigNode p, boolean longOnly) {
        if (p.has("top_quantile") || p.has("bottom_quantile")) {
            for (String k : new String[]{"top", "bottom"}) {
                if (p.has(k)) {
                    throw p.invalid(k, "absent when top_quantile/bottom_quantile are given", p.require(k));
                }
            }
            double top = p.number("top_quantile", Range.closed(0, 1), 0);
            double bottom = longOnly ? 0 : p.number("bottom_quantile", Range.closed(0, 1), 0);
            if (!(top + bottom > 0 && top + bottom <= 1)) {
                throw p.invalid("top_quantile", "such that 0 < top_quantile + bottom_quantile <= 1", top + " + " + bottom);
            }
            return new Selection.Quantiles(top, bottom);
        }
        int top = p.integer("top", longOnly ? 1 : 0, Integer.MAX_VALUE);
        int bottom = longOnly ? 0 : p.integer("bottom", 0, Integer.MAX_VALUE);
        if (top + bottom == 0) {
            throw p.invalid("top", "such that top + bottom >= 1", "top=0, bottom=0");
        }
        return new Selection.Counts(top, bottom);
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
     * {@code strategy.params.factors} (also read by a conditional exit's {@code factor}, ExitChainConfig).
     */
    public static Factor oneFactor(ConfigNode f) {
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

    private static void absentUnless(ConfigNode p, String key, String condition) {
        if (p.has(key)) {
            throw p.invalid(key, "absent unless " + condition, p.require(key));
        }
    }
}
