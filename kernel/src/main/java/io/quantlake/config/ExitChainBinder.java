package io.quantlake.config;

import io.quantlake.exit.AverageTrueRange;
import io.quantlake.exit.ConditionalExitStrategy;
import io.quantlake.exit.ExitCondition;
import io.quantlake.exit.ExitStrategy;
import io.quantlake.exit.TPSLExitStrategy;
import io.quantlake.exit.TPSLExitStrategy.BothHit;
import io.quantlake.exit.TPSLExitStrategy.Level;
import io.quantlake.exit.TimeBasedExitStrategy;
import io.quantlake.exit.TrailingStopExitStrategy;
import io.quantlake.factorspec.FactorRef;
import io.quantlake.strategy.reference.CrossSectionalScore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code strategy.exits}: the exit chain a config attaches to every OPEN of a signal or legacy strategy
 * (SIMULATION.md §7), rules in priority order (at a bar the first rule that fires wins):
 *
 * <pre>
 * exits:
 *   - {type: take_profit, levels: [{at: 0.03, close: 0.5}, {at: 0.06}]}  # or {type: take_profit, at: 0.05}
 *   - {type: stop_loss, at: 0.04}                       # a fraction below a long's fill price (above a short's)
 *   - {type: trailing_stop, trail: 0.05}                # or atr: {k: 3, lookback: 14} / atr: {k: 3, feature: my_atr}
 *   - {type: time_exit, bars: 10}
 *   - {type: conditional_exit, feature: carry, above: 2}  # or factor: mom_20_0, below: 0
 * </pre>
 *
 * <ul>
 *   <li>{@code take_profit} / {@code stop_loss}: distances {@code at} as fractions of the lot's fill price;
 *       {@code levels} makes a ladder, each level but the last closing {@code close} of the opening quantity
 *       ({@code PARTIAL_CLOSE}), the last closing the rest. A chain has at most one of each; together they
 *       are ONE TP/SL rule at the place of the first of them, so a bar touching both follows §7
 *       ({@code both_hit: stop_first} by default, {@code tp_first} on either item).</li>
 *   <li>{@code trailing_stop}: {@code trail} (a fraction), or {@code atr: {k, lookback}} with Wilder's ATR
 *       computed from the candles ({@link AverageTrueRange}, panel feature {@code atr_wilder_<lookback>}), or
 *       {@code atr: {k, feature}} reading a panel feature as the ATR.</li>
 *   <li>{@code time_exit}: closes the lot {@code bars} grid bars after its fill (TIME_EXIT).</li>
 *   <li>{@code conditional_exit}: fires at a close where the value is strictly {@code above} or {@code below}
 *       the level (NaN never fires; CONDITIONAL_EXIT). The value is a panel feature ({@code feature}: a column
 *       the run's panel carries, e.g. a factor joined in a notebook) or a research factor ({@code factor: mom_20_0},
 *       any name {@link io.quantlake.factorspec.FactorName} accepts, or {@code factor: {name}} as in the
 *       {@code factor} strategy), whose values Spark computes over the lake and attaches as the feature of that
 *       name.</li>
 * </ul>
 *
 * <p>The chain follows the strategy's own exits: {@code sma_cross_tpsl}'s built-in TP/SL stays first, then
 * these rules; a legacy strategy with exits runs through the signal path (same rules as the legacy event
 * loop). A weight strategy with {@code exits} is an error naming the key.
 *
 * <p>The chain is bound once with the strategy ({@link BacktestConfig#bind}), kept in
 * {@link StrategyConfig#exits()} and attached to the built strategy ({@link ExitChain#attach}); a sweep's
 * parameter set keeps the base config's chain ({@link BacktestConfig#withStrategy}).
 */
public final class ExitChainBinder {
    private static final String EXITS = "a non-empty list of exit rules such as {type: time_exit, bars: 10}";
    private static final String LEVELS = "a non-empty list of levels such as {at: 0.03, close: 0.5}";

    private ExitChainBinder() {
    }

    /**
     * Binds {@code strategy.exits} of the {@code strategy} section {@code section} ({@link ExitChain#NONE} when
     * absent); errors name the key path, the accepted values and the file.
     */
    public static ExitChain bind(ConfigNode section) {
        List<ConfigNode> items = section.objectList("exits", EXITS);
        if (items.isEmpty()) {
            return ExitChain.NONE;
        }
        List<ExitStrategy> rules = new ArrayList<>();
        Map<String, CrossSectionalScore> computed = new LinkedHashMap<>();
        List<ExitChain.PanelFeature> features = new ArrayList<>();
        List<FactorRef> factors = new ArrayList<>();
        ConfigNode takeProfit = null;
        ConfigNode stopLoss = null;
        int tpslAt = -1;
        for (ConfigNode e : items) {
            String type = e.choice("type", "take_profit", "stop_loss", "trailing_stop", "time_exit", "conditional_exit");
            switch (type) {
                case "take_profit", "stop_loss" -> {
                    boolean tp = type.equals("take_profit");
                    if ((tp ? takeProfit : stopLoss) != null) {
                        throw e.invalid("type", "at most one " + type + " rule per chain (a ladder is `levels`)",
                                type);
                    }
                    if (tp) {
                        takeProfit = e;
                    } else {
                        stopLoss = e;
                    }
                    if (tpslAt < 0) {
                        tpslAt = rules.size();
                        rules.add(null); // the TP/SL rule, built once both legs are known
                    }
                }
                case "trailing_stop" -> rules.add(trailing(e, computed, features));
                case "time_exit" -> {
                    e.allowOnly("type", "bars");
                    rules.add(new TimeBasedExitStrategy(e.integer("bars", 1, Integer.MAX_VALUE)));
                }
                default -> rules.add(conditional(e, factors, features));
            }
        }
        if (tpslAt >= 0) {
            rules.set(tpslAt, tpsl(takeProfit, stopLoss));
        }
        return new ExitChain(section, rules, computed, features, factors);
    }

    private static TPSLExitStrategy tpsl(ConfigNode takeProfit, ConfigNode stopLoss) {
        BothHit bothHit = null;
        for (ConfigNode e : new ConfigNode[] {takeProfit, stopLoss}) {
            if (e == null) {
                continue;
            }
            e.allowOnly("type", "at", "levels", "both_hit");
            if (e.has("both_hit")) {
                BothHit b = e.choice("both_hit", BothHit.class);
                if (bothHit != null && b != bothHit) {
                    throw e.invalid("both_hit", "the take_profit rule's " + bothHit.name().toLowerCase(Locale.ROOT),
                            e.require("both_hit"));
                }
                bothHit = b;
            }
        }
        return new TPSLExitStrategy(takeProfit == null ? List.of() : levels(takeProfit, Range.above(0)),
                stopLoss == null ? List.of() : levels(stopLoss, Range.open(0, 1)),
                bothHit == null ? BothHit.STOP_FIRST : bothHit, TPSLExitStrategy.PriceBasis.RELATIVE);
    }

    /** {@code at} (one level closing the lot) or a {@code levels} ladder, distances strictly increasing. */
    private static List<Level> levels(ConfigNode e, Range distance) {
        if (oneOf(e, "at", "levels", "`at` is one level, `levels` a ladder",
                "a ladder such as [{at: 0.03, close: 0.5}, {at: 0.06}]")) {
            return List.of(new Level(e.number("at", distance), 1));
        }
        List<ConfigNode> items = e.objectList("levels", LEVELS);
        List<Level> out = new ArrayList<>();
        double previous = 0;
        double closed = 0;
        for (int k = 0; k < items.size(); k++) {
            ConfigNode l = items.get(k);
            boolean last = k == items.size() - 1;
            if (last && l.has("close")) {
                throw l.invalid("close", "absent on the last level (it closes what is left of the lot)",
                        l.require("close"));
            }
            l.allowOnly("at", "close");
            double at = l.number("at", distance);
            if (!(at > previous)) {
                throw l.invalid("at", "greater than the previous level's " + previous, l.require("at"));
            }
            previous = at;
            double close = last ? 1 : l.number("close", Range.open(0, 1));
            closed += last ? 0 : close;
            if (closed >= 1) {
                throw l.invalid("close", "such that the levels before the last close less than the whole lot "
                        + "(sum < 1)", l.require("close"));
            }
            out.add(new Level(at, close));
        }
        return out;
    }

    private static TrailingStopExitStrategy trailing(ConfigNode e, Map<String, CrossSectionalScore> computed,
                                                     List<ExitChain.PanelFeature> features) {
        e.allowOnly("type", "trail", "atr");
        if (oneOf(e, "trail", "atr", "a trailing stop is percent or ATR", "e.g. atr: {k: 3, lookback: 14}")) {
            return TrailingStopExitStrategy.percent(e.number("trail", Range.open(0, 1)));
        }
        ConfigNode atr = e.object("atr");
        atr.allowOnly("k", "lookback", "feature");
        double k = atr.number("k", Range.above(0));
        if (!oneOf(atr, "lookback", "feature", "the ATR is computed or read", "a panel feature holding the ATR")) {
            String name = atr.string("feature");
            features.add(new ExitChain.PanelFeature(atr, "feature", name));
            return TrailingStopExitStrategy.atr(k, name);
        }
        int lookback = atr.integer("lookback", 1, Integer.MAX_VALUE);
        String name = "atr_wilder_" + lookback;
        computed.put(name, panel -> AverageTrueRange.wilder(panel, lookback));
        return TrailingStopExitStrategy.atr(k, name);
    }

    private static ConditionalExitStrategy conditional(ConfigNode e, List<FactorRef> factors,
                                                       List<ExitChain.PanelFeature> features) {
        e.allowOnly("type", "feature", "factor", "above", "below");
        boolean above = oneOf(e, "above", "below", "one threshold per rule", "the level the value must cross to exit");
        double level = e.number(above ? "above" : "below", Range.finite());
        String name;
        if (oneOf(e, "feature", "factor", "the value is a panel feature or a factor",
                "a research factor such as mom_20_0")) {
            name = e.string("feature");
            features.add(new ExitChain.PanelFeature(e, "feature", name));
        } else {
            FactorRef factor;
            if (e.require("factor").isTextual()) {
                factor = FactorBinder.factorName(e, "factor", e.string("factor"), Optional.empty());
            } else {
                ConfigNode f = e.object("factor");
                if (f.has("weight")) {
                    throw f.invalid("weight", "absent (an exit reads one factor's value)", f.require("weight"));
                }
                factor = FactorBinder.oneFactor(f);
            }
            name = factor.name();
            factors.add(factor);
        }
        return new ConditionalExitStrategy(ExitCondition.featureThreshold(name, above, level));
    }

    /**
     * Whether {@code node} has {@code a} rather than {@code b}; exactly one of them must be present.
     *
     * @param why  why they exclude each other, for the error when both are given
     * @param hint an example of {@code b}, for the error when neither is
     */
    private static boolean oneOf(ConfigNode node, String a, String b, String why, String hint) {
        if (node.has(a) && node.has(b)) {
            throw node.invalid(b, "absent when `" + a + "` is given (" + why + ")", node.require(b));
        }
        if (!node.has(a) && !node.has(b)) {
            throw node.missing(a, " or `" + b + "` (" + hint + ")");
        }
        return node.has(a);
    }
}
