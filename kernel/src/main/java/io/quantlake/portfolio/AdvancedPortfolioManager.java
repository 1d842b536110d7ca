package io.quantlake.portfolio;

import io.quantlake.ledger.Ledger;
import io.quantlake.ledger.Reason;
import io.quantlake.ledger.TradeEventType;
import io.quantlake.market.Market;
import io.quantlake.panel.Panel;
import io.quantlake.panel.PanelBlocks;
import io.quantlake.risk.RiskManager;
import io.quantlake.risk.RiskRule;
import io.quantlake.risk.RiskRules;
import io.quantlake.schedule.RebalanceRule;
import io.quantlake.sim.BacktestResult;
import io.quantlake.sim.LegacySignalAdapter;
import io.quantlake.sim.SimConfig;
import io.quantlake.sim.Simulator;
import io.quantlake.sim.StrategyInput;
import io.quantlake.strategy.LegacyStrategy;
import io.quantlake.strategy.SignalStrategy;
import io.quantlake.strategy.TargetWeights;
import io.quantlake.strategy.WeightStrategy;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The portfolio layer in front of the kernel (issue 4 item 7; DESIGN.md "risk manager → position optimizer →
 * simulation kernel"), usable from notebooks:
 *
 * <pre>{@code
 * ManagedRun run = AdvancedPortfolioManager.builder()
 *         .sizing(SizingSpec.of(SizingMethod.INVERSE_VOL).withLookback(30))
 *         .risk(RiskRules.NONE.withMaxWeight(0.3).withMaxGross(1).withCluster(0.5, 0.7, 60))
 *         .hedge(HedgeSpec.btc(0.1, 30))
 *         .build()
 *         .run(panel, simConfig, strategy);
 * }</pre>
 *
 * Pipeline per run: the strategy's target matrix → {@link WeightSizer} (whole matrix, causal per row) → the
 * kernel with a {@link PortfolioHook} that at each decision applies {@link RiskManager} (clusters from
 * {@link io.quantlake.risk.CorrelationTracker}), {@link PositionOptimizer} and {@link BetaHedge}. The circuit
 * breaker, leverage cap and liquidation stay the kernel's ({@link SimConfig}). When the optimizer is on it
 * applies the run's {@link RebalanceRule} itself (box {@code [w ± band]}; a symbol outside its band trades to its
 * target with {@code rebalance.to: target}, to the band edge with {@code band_edge}; with the {@code threshold}
 * schedule every symbol trades to its target when one must, as in the kernel) and the kernel trades to the planned
 * weights ({@link RebalanceRule#NONE}); otherwise the kernel applies the rule to the capped targets. The optimizer is
 * on by default whenever risk caps are set. With nothing configured the kernel runs exactly as without this
 * layer (no hook).
 */
public final class AdvancedPortfolioManager {
    private final SizingSpec sizing;
    private final RiskRules risk;
    private final HedgeSpec hedge;
    private final boolean optimize;

    private AdvancedPortfolioManager(Builder b) {
        this.sizing = b.sizing;
        this.risk = b.risk;
        this.hedge = b.hedge;
        this.optimize = b.optimize == null ? risk != null && risk.any() : b.optimize;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Whether any section is configured (else {@link #run} is the bare kernel). */
    public boolean active() {
        return sizing != null || (risk != null && risk.any()) || hedge != null || optimize;
    }

    /** Runs {@code strategy} over {@code panel}. */
    public ManagedRun run(Panel panel, SimConfig config, WeightStrategy strategy) {
        return run(panel, config, strategy.targets(panel));
    }

    /** Runs a target matrix over {@code panel}. */
    public ManagedRun run(Panel panel, SimConfig config, TargetWeights targets) {
        Objects.requireNonNull(panel, "panel");
        Objects.requireNonNull(config, "config");
        TargetWeights sized = sizing == null ? targets : new WeightSizer(sizing).apply(panel, targets);
        if (!hooked()) {
            return new ManagedRun(Simulator.run(panel, config, StrategyInput.weights(sized)), report(null, null));
        }
        PortfolioHook hook = hook(config, panel.symbols());
        hook.block(panel);
        var result = Simulator.run(panel, kernelConfig(config), StrategyInput.weights(sized), hook);
        return new ManagedRun(result, report(hook, result.ledger()));
    }

    /**
     * Runs a weight strategy over {@code blocks} (a run in time blocks, each block with at least {@link #warmupBars}
     * own bars of warm-up besides the strategy's), with the same results bit for bit as {@link #run(Panel,
     * SimConfig, TargetWeights)} over the whole panel: {@code targets} makes the strategy's targets over each block
     * panel, sized per block; the risk manager's correlation tracker, the EWMA betas, the hedge weight and the
     * report's counters live across blocks, the rolling windows are read from each block's warm-up.
     */
    public ManagedRun run(PanelBlocks blocks, SimConfig config, Function<Panel, TargetWeights> targets) {
        Objects.requireNonNull(blocks, "blocks");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(targets, "targets");
        WeightSizer sizer = sizing == null ? null : new WeightSizer(sizing);
        Function<Panel, TargetWeights> sized = sizer == null ? targets : p -> sizer.apply(p, targets.apply(p));
        if (!hooked()) {
            return new ManagedRun(Simulator.run(blocks, config, p -> StrategyInput.weights(sized.apply(p))),
                    report(null, null));
        }
        PortfolioHook hook = hook(config, blocks.source().symbols());
        BacktestResult result = Simulator.run(blocks, kernelConfig(config), p -> {
            hook.block(p);
            return StrategyInput.weights(sized.apply(p));
        }, hook);
        return new ManagedRun(result, report(hook, result.ledger()));
    }

    /**
     * Own bars up to a decision that a run in time blocks must give these sections besides the strategy's warm-up
     * ({@link io.quantlake.strategy.WeightStrategy#warmupBars}): sizing reads {@code lookback} returns ({@code
     * lookback + 1} bars; fixed_fraction none), the cluster cap 2 ({@link RiskManager#warmupBars}), the hedge
     * overlay {@link BetaHedge#warmupBars}.
     */
    public int warmupBars() {
        int w = 0;
        if (sizing != null && sizing.method() != SizingMethod.FIXED_FRACTION) {
            w = sizing.lookback() + 1;
        }
        if (risk != null) {
            w = Math.max(w, RiskManager.warmupBars(risk));
        }
        if (hedge != null) {
            w = Math.max(w, BetaHedge.warmupBars(hedge));
        }
        return w;
    }

    /** Whether the kernel runs with a {@link PortfolioHook} (risk caps, hedge or optimizer). */
    private boolean hooked() {
        return (risk != null && risk.any()) || hedge != null || optimize;
    }

    /** The run's hook over the universe {@code symbols}, not yet pointed at a panel ({@link PortfolioHook#block}). */
    private PortfolioHook hook(SimConfig config, String[] symbols) {
        if (hedge != null && config.market() == Market.SPOT) {
            throw new IllegalArgumentException("hedge: needs market usdm (a spot account cannot short "
                    + hedge.symbol() + ")");
        }
        boolean spot = config.market() == Market.SPOT;
        RiskRules rules = risk == null ? RiskRules.NONE : risk;
        RiskManager manager = rules.any() ? new RiskManager(rules, symbols.length) : null;
        PositionOptimizer optimizer = optimize ? new PositionOptimizer(config.rebalance(), rules, spot) : null;
        BetaHedge overlay = hedge == null ? null : new BetaHedge(hedge, symbols);
        return new PortfolioHook(symbols.length, manager, optimizer, overlay, spot);
    }

    /** The kernel's config: with the optimizer on it applies the rebalance rule itself ({@link RebalanceRule#NONE}). */
    private SimConfig kernelConfig(SimConfig config) {
        return optimize ? config.withRebalance(RebalanceRule.NONE) : config;
    }

    /**
     * Runs a signal strategy (tier 2) behind the sections that act on signals: {@code sizing} through
     * {@link SignalSizer}, then the risk caps through {@link SignalRiskGate}. The optimizer's counts stay 0 (it
     * plans target weights); the hedge overlay needs target weights and is refused.
     */
    public ManagedRun run(Panel panel, SimConfig config, SignalStrategy strategy) {
        Objects.requireNonNull(panel, "panel");
        Objects.requireNonNull(config, "config");
        RiskManager manager = signalRisk(panel.symbolCount());
        Gate gate = gate(strategy, manager);
        if (manager != null) {
            manager.block(panel);
        }
        BacktestResult result = Simulator.run(panel, config, StrategyInput.signals(gate.top()));
        return new ManagedRun(result, report(null, gate.capped(), result.ledger()));
    }

    /**
     * Runs a signal strategy over {@code blocks} (a run in time blocks with {@link #warmupBars} besides the
     * strategy's), bit for bit as {@link #run(Panel, SimConfig, SignalStrategy)} over the whole panel: the sizing
     * reads each block's candle windows, the risk gate's correlation tracker lives across blocks.
     */
    public ManagedRun run(PanelBlocks blocks, SimConfig config, SignalStrategy strategy) {
        Objects.requireNonNull(blocks, "blocks");
        Objects.requireNonNull(config, "config");
        RiskManager manager = signalRisk(blocks.source().symbols().length);
        Gate gate = gate(strategy, manager);
        BacktestResult result = Simulator.run(blocks, config, p -> {
            if (manager != null) {
                manager.block(p);
            }
            return StrategyInput.signals(gate.top());
        });
        return new ManagedRun(result, report(null, gate.capped(), result.ledger()));
    }

    /** Runs a legacy strategy through {@link LegacySignalAdapter} (its capacity rule kept) as a signal strategy. */
    public ManagedRun run(Panel panel, SimConfig config, LegacyStrategy strategy, int maxPositions) {
        return run(panel, config, new LegacySignalAdapter(strategy, maxPositions));
    }

    /** Runs a legacy strategy over {@code blocks} as {@link #run(PanelBlocks, SimConfig, SignalStrategy)}. */
    public ManagedRun run(PanelBlocks blocks, SimConfig config, LegacyStrategy strategy, int maxPositions) {
        return run(blocks, config, new LegacySignalAdapter(strategy, maxPositions));
    }

    /** The risk manager of a signal run (null without risk caps); refuses the hedge overlay. */
    private RiskManager signalRisk(int symbols) {
        if (hedge != null) {
            throw new IllegalArgumentException("hedge: the beta-hedge overlay trades against target weights; "
                    + "it needs a weight strategy");
        }
        return risk != null && risk.any() ? new RiskManager(risk, symbols) : null;
    }

    /** The signal layers in front of {@code strategy}: sizing, then the risk gate of {@code manager} (if any). */
    private Gate gate(SignalStrategy strategy, RiskManager manager) {
        SignalStrategy sized = sizing == null ? strategy : new SignalSizer(strategy, sizing);
        return new Gate(sized, manager == null ? null : new SignalRiskGate(sized, manager));
    }

    /** A signal run's layers: the sized strategy and the risk gate in front of it (null without risk caps). */
    private record Gate(SignalStrategy sized, SignalRiskGate risk) {
        SignalStrategy top() {
            return risk == null ? sized : risk;
        }

        Map<RiskRule, Long> capped() {
            return risk == null ? Map.of() : risk.capped();
        }
    }

    private static PortfolioReport report(PortfolioHook hook, Ledger ledger) {
        return report(hook, hook == null ? Map.of() : hook.capped, ledger);
    }

    private static PortfolioReport report(PortfolioHook hook, Map<RiskRule, Long> cappedByRule, Ledger ledger) {
        Map<String, Long> rows = new TreeMap<>();
        Map<String, Long> capped = new TreeMap<>();
        for (RiskRule r : RiskRule.values()) {
            rows.put(r.reason().code(), 0L);
            capped.put(r.reason().code(), cappedByRule.getOrDefault(r, 0L));
        }
        long hedgeRows = 0;
        if (ledger != null) {
            for (int k = 0; k < ledger.size(); k++) {
                Reason reason = ledger.reason(k);
                if (reason.isRisk()) {
                    rows.merge(reason.code(), 1L, Long::sum);
                }
                hedgeRows += ledger.type(k) == TradeEventType.HEDGE ? 1 : 0;
            }
        }
        if (hook == null) {
            return new PortfolioReport(rows, capped, 0, 0, 0, 0, 0, 0, hedgeRows);
        }
        return new PortfolioReport(rows, capped, hook.decisions, hook.orders, hook.turnover, hook.naiveOrders,
                hook.naiveTurnover, hook.hedgeAdjustments, hedgeRows);
    }

    /** Builder; every section optional. */
    public static final class Builder {
        private SizingSpec sizing;
        private RiskRules risk;
        private HedgeSpec hedge;
        private Boolean optimize;

        private Builder() {
        }

        public Builder sizing(SizingSpec v) {
            sizing = v;
            return this;
        }

        public Builder risk(RiskRules v) {
            risk = v;
            return this;
        }

        public Builder hedge(HedgeSpec v) {
            hedge = v;
            return this;
        }

        /** Turns the minimum-trade optimizer on or off (default: on when risk caps are set). */
        public Builder optimizer(boolean v) {
            optimize = v;
            return this;
        }

        public AdvancedPortfolioManager build() {
            return new AdvancedPortfolioManager(this);
        }
    }
}
