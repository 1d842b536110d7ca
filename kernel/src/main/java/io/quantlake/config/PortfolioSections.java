package io.quantlake.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.quantlake.portfolio.AdvancedPortfolioManager;
import io.quantlake.portfolio.BetaMethod;
import io.quantlake.portfolio.HedgeSpec;
import io.quantlake.portfolio.KellyMode;
import io.quantlake.portfolio.SizingMethod;
import io.quantlake.portfolio.SizingSpec;
import io.quantlake.risk.RiskRules;
import java.util.List;

/**
 * The optional portfolio sections of a backtest config (issue 4): the risk manager's keys of {@code risk:},
 * {@code sizing:} and {@code hedge:}. Each is null when absent; with all three absent the backtest is the bare
 * kernel, bit for bit. Weight strategies take all three; signal and legacy strategies take {@code risk} and
 * {@code sizing} (on their signals, see {@link AdvancedPortfolioManager#run(io.quantlake.panel.Panel,
 * io.quantlake.sim.SimConfig, io.quantlake.strategy.SignalStrategy)}).
 *
 * <pre>
 * risk:    {max_weight, max_gross, max_net, max_cluster_weight, cluster_threshold (0.7), cluster_lookback (60),
 *           max_positions}                         (+ max_leverage, maintenance_margin, circuit_breaker)
 * sizing:  {method: fixed_fraction|kelly|inverse_vol|erc|vol_target, fraction (1), lookback (30),
 *           kelly: discrete|continuous|multi (continuous), max_weight, max_gross, shrinkage (0),
 *           target_vol (vol_target: required), max_leverage (1)}
 * hedge:   {symbol (BTCUSDT), band (required), lookback (30), method: ols|ewma (ols), vol_regime (false)}
 * </pre>
 *
 * @param risk   the risk manager's caps, null when {@code risk:} sets none of its keys
 * @param sizing the sizing transform, or null
 * @param hedge  the hedge overlay, or null
 */
public record PortfolioSections(RiskRules risk, SizingSpec sizing, HedgeSpec hedge) {
    /** Keys of {@code risk:} read by the risk manager (the others are {@link RiskLimits}'). */
    public static final List<String> RISK_KEYS = List.of("max_weight", "max_gross", "max_net", "max_cluster_weight",
            "cluster_threshold", "cluster_lookback", "max_positions");
    public static final PortfolioSections NONE = new PortfolioSections(null, null, null);

    /** Whether any section is present. */
    public boolean any() {
        return risk != null || sizing != null || hedge != null;
    }

    /** The facade configured by these sections. */
    public AdvancedPortfolioManager manager() {
        return AdvancedPortfolioManager.builder().risk(risk).sizing(sizing).hedge(hedge).build();
    }

    /** Binds the sections from the root mapping (keys {@code risk}, {@code sizing}, {@code hedge}). */
    static PortfolioSections bind(ConfigNode root, List<String> universe) {
        ConfigNode risk = root.objectOrEmpty("risk");
        RiskRules rules = null;
        for (String k : RISK_KEYS) {
            if (risk.has(k)) {
                rules = bindRisk(risk);
                break;
            }
        }
        SizingSpec sizing = root.has("sizing") ? bindSizing(root.object("sizing")) : null;
        HedgeSpec hedge = root.has("hedge") ? bindHedge(root.object("hedge"), universe) : null;
        return new PortfolioSections(rules, sizing, hedge);
    }

    private static RiskRules bindRisk(ConfigNode n) {
        RiskRules d = RiskRules.NONE;
        if ((n.has("cluster_threshold") || n.has("cluster_lookback")) && !n.has("max_cluster_weight")) {
            throw n.missing("max_cluster_weight", " cluster_threshold and cluster_lookback need max_cluster_weight");
        }
        return new RiskRules(n.number("max_weight", Range.above(0), d.maxWeight()),
                n.number("max_gross", Range.above(0), d.maxGross()),
                n.number("max_net", Range.atLeast(0), d.maxNet()),
                n.number("max_cluster_weight", Range.above(0), d.maxClusterWeight()),
                n.number("cluster_threshold", Range.closed(-1, 1), d.clusterThreshold()),
                n.integer("cluster_lookback", 2, 100_000, d.clusterLookback()),
                n.integer("max_positions", 1, Integer.MAX_VALUE, d.maxPositions()));
    }

    private static SizingSpec bindSizing(ConfigNode n) {
        n.allowOnly("method", "fraction", "lookback", "kelly", "max_weight", "max_gross", "shrinkage", "target_vol",
                "max_leverage");
        String code = n.choice("method", "fixed_fraction", "kelly", "inverse_vol", "erc", "vol_target");
        SizingMethod method = SizingMethod.valueOf(code.toUpperCase(java.util.Locale.ROOT));
        if (method == SizingMethod.VOL_TARGET && !n.has("target_vol")) {
            throw n.missing("target_vol", " sizing method vol_target needs target_vol (annualised, e.g. 0.15)");
        }
        Range fraction = method == SizingMethod.KELLY ? Range.openClosed(0, 1) : Range.openClosed(0, 10);
        try {
            return new SizingSpec(method, n.number("fraction", fraction, 1), n.integer("lookback", 2, 100_000, 30),
                    n.choice("kelly", KellyMode.CONTINUOUS), n.number("max_weight", Range.above(0),
                    Double.POSITIVE_INFINITY), n.number("max_gross", Range.above(0), Double.POSITIVE_INFINITY),
                    n.number("shrinkage", Range.closed(0, 1), 0), n.number("target_vol", Range.above(0), Double.NaN),
                    n.number("max_leverage", Range.above(0), 1));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage() + " (" + n.origin() + ")");
        }
    }

    private static HedgeSpec bindHedge(ConfigNode n, List<String> universe) {
        n.allowOnly("symbol", "band", "lookback", "method", "vol_regime");
        String symbol = n.string("symbol", "BTCUSDT");
        if (!universe.contains(symbol)) {
            throw n.invalid("symbol", "a symbol of the universe " + universe + " (the hedge trades it)", symbol);
        }
        boolean regime = false;
        if (n.has("vol_regime")) {
            JsonNode v = n.require("vol_regime");
            if (!v.isBoolean()) {
                throw n.invalid("vol_regime", "true or false", v);
            }
            regime = v.asBoolean();
        }
        return new HedgeSpec(symbol, n.number("band", Range.closed(0, 10)), n.integer("lookback", 3, 100_000, 30),
                n.choice("method", BetaMethod.OLS), regime);
    }
}
