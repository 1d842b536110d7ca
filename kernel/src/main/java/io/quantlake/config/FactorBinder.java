package io.quantlake.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quantlake.factorspec.FactorName;
import io.quantlake.factorspec.FactorRef;
import io.quantlake.strategy.quant.CompositeScore;
import io.quantlake.strategy.quant.FactorStrategy;
import io.quantlake.strategy.quant.RollingBeta;
import io.quantlake.strategy.reference.Selection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code factor}: {@code factors} (required list of {@code {name, weight}}: {@code name} a research factor name
 * such as {@code mom_30_1}, {@code rev_3}, {@code rvol_30} (any name {@link FactorName} accepts, the names of
 * {@code research factors}), {@code weight} default 1, non-zero; an entry may carry {@code expr}, a user factor
 * expression passed through unchanged to the Spark side), {@code mode} (long_short | long_only, required), the
 * selection ({@link SelectionBinding}; bottom absent in long_only), long_short: {@code long_ratio},
 * {@code short_ratio} (required), {@code neutral} (dollar | beta, default dollar) with {@code beta_lookback},
 * {@code beta_index}; long_only: {@code weighting} (equal | score, default equal); {@code schedule} (required),
 * {@code band} (default 0). The factors' values are computed by Spark over the lake and read from the panel
 * ({@link FactorRef#values}). The forms before one factor library ({@code momentum}, {@code reversal},
 * {@code low_vol}, {@code feature}) fail with one line naming their replacement.
 */
final class FactorBinder implements StrategyBinder {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The factor names before one factor library, each failing with its replacement. */
    private static final List<String> OLD_FORMS = List.of("momentum", "reversal", "low_vol", "feature");

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
        String expected = "a non-empty list of mappings such as {name: mom_30_1, weight: 1}";
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
            FactorRef factor = oneFactor(f);
            double weight = f.number("weight", Range.finite(), 1);
            if (weight == 0) {
                throw f.invalid("weight", "a non-zero number", f.require("weight"));
            }
            out.add(new CompositeScore.Component(factor, weight));
        }
        return out;
    }

    /**
     * One factor mapping {@code {name, expr, weight}} of {@code strategy.params.factors} (also a conditional exit's
     * {@code factor: {name}}, {@link ExitChainBinder}): a research factor name, or with {@code expr} a user factor
     * whose expression the Spark side reads. An old form ({@code name: momentum|reversal|low_vol|feature}) fails
     * with its replacement.
     */
    static FactorRef oneFactor(ConfigNode f) {
        String name = f.string("name");
        if (OLD_FORMS.contains(name) && !f.has("expr")) {
            throw new ConfigException("config key `" + f.keyPath("name") + "`: the factor form {name: " + name
                    + ", ...} was removed (one factor library: the research factors' names); " + replacement(f, name)
                    + " (" + f.origin() + ")");
        }
        f.allowOnly("name", "expr", "weight");
        Optional<String> expr = f.has("expr") ? Optional.of(f.string("expr")) : Optional.empty();
        return factorName(f, "name", name, expr);
    }

    /** The replacement of an old factor form, e.g. {@code write name: mom_60_5}. */
    private static String replacement(ConfigNode f, String name) {
        String lookback = f.has("lookback") ? ConfigNode.render(f.require("lookback")) : "<lookback>";
        switch (name) {
            case "momentum": {
                String skip = f.has("skip") ? ConfigNode.render(f.require("skip")) : "0";
                return "write `name: mom_" + lookback + "_" + skip + "` (momentum lookback " + lookback + " skip " + skip
                        + ")";
            }
            case "reversal":
                return "write `name: rev_" + lookback + "` (reversal lookback " + lookback + ")";
            case "low_vol": {
                String weight = f.has("weight") ? ConfigNode.render(f.require("weight")) : "1";
                String negated = weight.startsWith("-") ? weight.substring(1) : "-" + weight;
                return "write `{name: rvol_" + lookback + ", weight: " + negated + "}` (low_vol lookback " + lookback
                        + " is minus the realized volatility over " + lookback + " returns: the weight negated)";
            }
            default:
                return "name a research factor (" + FactorName.FORMS + ") or a user factor {name, expr}";
        }
    }

    /** {@code name} (with {@code expr}) as a factor ref; a name outside the grammar names {@code key} and the file. */
    static FactorRef factorName(ConfigNode node, String key, String name, Optional<String> expr) {
        try {
            return new FactorRef(name, expr);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("config key `" + node.keyPath(key) + "`: " + e.getMessage() + " (" + node.origin()
                    + ")", e);
        }
    }
}
