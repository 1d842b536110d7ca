package io.quantlake.portfolio;

import io.quantlake.ledger.Ledger;
import io.quantlake.ledger.Reason;
import io.quantlake.ledger.TradeEventType;
import io.quantlake.market.Market;
import io.quantlake.panel.Panel;
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
        boolean hooked = (risk != null && risk.any()) || hedge != null || optimize;
        if (!hooked) {
            return new ManagedRun(Simulator.run(panel, config, StrategyInput.weights(sized)), report(null, null));
        }
        if (hedge != null && config.market() == Market.SPOT) {
            throw new IllegalArgumentException("hedge: needs market usdm (a spot account cannot short "
                    + hedge.symbol() + ")");
        }
        boolean spot = config.market() == Market.SPOT;
        RiskRules rules = risk == null ? RiskRules.NONE : risk;
        RiskManager manager = rules.any() ? new RiskManager(rules, panel) : null;
        PositionOptimizer optimizer = optimize ? new PositionOptimizer(config.rebalance(), rules, spot) : null;
        BetaHedge overlay = hedge == null ? null : new BetaHedge(hedge, panel);
        PortfolioHook hook = new PortfolioHook(panel.symbolCount(), manager, optimizer, overlay, spot);
        SimConfig kernel = optimizer == null ? config : config.withRebalance(RebalanceRule.NONE);
        var result = Simulator.run(panel, kernel, StrategyInput.weights(sized), hook);
        return new ManagedRun(result, report(hook, result.ledger()));
    }

    /**
     * Runs a signal strategy (tier 2) behind the sections that act on signals: {@code sizing} through
     * {@link SignalSizer}, then the risk caps through {@link SignalRiskGate}. The optimizer's counts stay 0 (it
     * plans target weights); the hedge overlay needs target weights and is refused.
     */
    public ManagedRun run(Panel panel, SimConfig config, SignalStrategy strategy) {
        Objects.requireNonNull(panel, "panel");
        Objects.requireNonNull(config, "config");
        if (hedge != null) {
            throw new IllegalArgumentException("hedge: the beta-hedge overlay trades against target weights; "
                    + "it needs a weight strategy");
        }
        SignalStrategy sized = sizing == null ? strategy : new SignalSizer(strategy, sizing);
        SignalRiskGate gate = risk != null && risk.any() ? new SignalRiskGate(sized, new RiskManager(risk, panel)) : null;
        BacktestResult result = Simulator.run(panel, config, StrategyInput.signals(gate == null ? sized : gate));
        return new ManagedRun(result, report(null, gate == null ? Map.of() : gate.capped(), result.ledger()));
    }

    /** Runs a legacy strategy through {@link LegacySignalAdapter} (its capacity rule kept) as a signal strategy. */
    public ManagedRun run(Panel panel, SimConfig config, LegacyStrategy strategy, int maxPositions) {
        return run(panel, config, new LegacySignalAdapter(strategy, maxPositions));
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
