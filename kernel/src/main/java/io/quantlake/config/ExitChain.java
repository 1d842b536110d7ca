package io.quantlake.config;

import io.quantlake.exit.ExitStrategy;
import io.quantlake.factorspec.FactorRef;
import io.quantlake.market.Market;
import io.quantlake.panel.Panel;
import io.quantlake.sim.LegacySignalAdapter;
import io.quantlake.strategy.ConfiguredStrategy;
import io.quantlake.strategy.reference.CrossSectionalScore;
import io.quantlake.strategy.reference.ExitChainStrategy;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code strategy.exits} bound ({@link ExitChainBinder}): the exit rules a config attaches to every OPEN of a
 * signal or legacy strategy, and the panel features they read.
 *
 * @param section       the {@code strategy} section, for the errors on {@code exits} and its features
 * @param rules         the configured rules in priority order (empty: no {@code exits} key)
 * @param computed      features the rules read that are computed from the candles, by feature name
 * @param panelFeatures the panel features the rules read as they are, with the key that names each
 * @param factors       the research factors the rules read (a conditional exit's {@code factor}): panel features
 *                      named by the factor, computed by Spark and attached before the run
 */
public record ExitChain(ConfigNode section, List<ExitStrategy> rules, Map<String, CrossSectionalScore> computed,
                        List<PanelFeature> panelFeatures, List<FactorRef> factors) {
    /** No {@code exits} key. */
    public static final ExitChain NONE = new ExitChain(null, List.of(), Map.of(), List.of(), List.of());

    /** A panel feature a rule reads, named by key {@code key} of {@code node}. */
    public record PanelFeature(ConfigNode node, String key, String name) {
    }

    public ExitChain {
        rules = List.copyOf(rules);
        computed = Collections.unmodifiableMap(new LinkedHashMap<>(computed));
        panelFeatures = List.copyOf(panelFeatures);
        factors = List.copyOf(factors);
        if (!rules.isEmpty()) {
            Objects.requireNonNull(section, "section");
        }
    }

    /**
     * Own bars up to a bar that the features the rules compute read ({@link CrossSectionalScore#warmupBars}): 0
     * without computed features, {@link io.quantlake.strategy.WeightStrategy#UNDECLARED} when one does not declare
     * it (Wilder's ATR is an expanding recursion: its value depends on every earlier bar).
     */
    public int warmupBars() {
        int w = 0;
        for (CrossSectionalScore c : computed.values()) {
            w = io.quantlake.strategy.WeightStrategy.maxWarmup(w, c.warmupBars());
        }
        return w;
    }

    /** Whether the config has no exit rules. */
    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /**
     * {@code strategy} (named {@code name}) with this chain appended to the exits of every OPEN it signals
     * ({@link ExitChainStrategy}); a legacy strategy becomes a signal strategy over {@link LegacySignalAdapter}
     * (its capacity rule and built-in TP/SL kept). A weight strategy with exits is an error naming
     * {@code strategy.exits} and the file.
     */
    public ConfiguredStrategy attach(ConfiguredStrategy strategy, String name) {
        if (isEmpty()) {
            return strategy;
        }
        if (strategy instanceof ConfiguredStrategy.Weight) {
            throw section.invalid("exits", "absent for weight strategy " + name
                    + " (exits attach to the OPEN signals of signal and legacy strategies; a weight strategy's "
                    + "positions follow its target weights)", section.require("exits"));
        }
        if (strategy instanceof ConfiguredStrategy.Signal s) {
            return new ConfiguredStrategy.Signal(s.name(), new ExitChainStrategy(s.strategy(), rules), s.markets());
        }
        ConfiguredStrategy.Legacy l = (ConfiguredStrategy.Legacy) strategy;
        return new ConfiguredStrategy.Signal(l.name(), new ExitChainStrategy(
                new LegacySignalAdapter(l.strategy(), l.maxPositions()), rules), Set.of(Market.values()));
    }

    /**
     * {@code panel} with the features the rules compute from the candles; fails, naming the key and the
     * file, when a rule reads a panel feature the panel does not carry, and naming the factor when a rule reads a
     * factor whose values the panel does not carry ({@link FactorRef#values}).
     */
    public Panel withFeatures(Panel panel) {
        for (FactorRef f : factors) {
            f.values(panel);
        }
        for (PanelFeature f : panelFeatures) {
            if (!panel.features().containsKey(f.name())) {
                throw f.node().invalid(f.key(), panel.features().isEmpty()
                        ? "a feature of the run's panel, which carries none (a research factor computed by Spark is "
                        + "`factor: mom_20_0`)"
                        : "a feature of the run's panel, one of " + String.join(", ", panel.features().keySet()),
                        f.name());
            }
        }
        Panel out = panel;
        for (Map.Entry<String, CrossSectionalScore> c : computed.entrySet()) {
            out = out.withFeature(c.getKey(), c.getValue().scores(panel));
        }
        return out;
    }
}
