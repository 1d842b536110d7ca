package io.quantlake.sweep;

import io.quantlake.backtest.Backtest;
import io.quantlake.backtest.BacktestOutcome;
import io.quantlake.config.BacktestConfig;
import io.quantlake.panel.Panel;
import io.quantlake.panel.PanelSource;
import io.quantlake.sim.FundingSchedule;
import io.quantlake.sim.SymbolFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Evaluates parameter sets on one panel (pure Java, no Spark: one instance per Spark task, or used
 * directly). Each set is simulated ONCE over the whole panel with {@link Backtest#run} (in memory, or in time
 * blocks read from a {@link PanelSource} when the panel is over the memory budget); the fold
 * windows only select which bars' returns enter each metric row.
 *
 * <p>Warm-up: a strategy's lookback warms up from the panel's first bar, never inside a window, so
 * a test window's first bars already carry positions decided on earlier data — which is no
 * look-ahead because strategies are causal (SIMULATION.md §2: a decision at bar t uses data up to
 * t). The price is path dependence: a window's returns depend on positions and costs carried in
 * from before it, as they would in live trading.
 */
public final class SetEvaluator {
    /** The whole panel, or null when {@link #source} is read in time blocks. */
    private final Panel panel;
    private final PanelSource source;
    private final int features;
    private final long budgetBytes;
    private final BacktestConfig base;
    private final Map<String, FundingSchedule> funding;
    private final Map<String, SymbolFilter> filters;
    private final List<Fold> folds;

    /** Sets simulated over {@code panel}, whole. */
    public SetEvaluator(Panel panel, BacktestConfig base, Map<String, FundingSchedule> funding,
                        Map<String, SymbolFilter> filters, List<Fold> folds) {
        this(Objects.requireNonNull(panel, "panel"), null, 0, 0, base, funding, filters, folds);
    }

    /**
     * Sets simulated over the panel {@code source} reads ({@code features} feature columns) within a memory budget
     * of {@code budgetBytes}: in consecutive time blocks when the panel is over it ({@link Backtest#run(PanelSource,
     * BacktestConfig, Map, Map, int, long)}), with the same results bit for bit as over the whole panel. Every set's
     * strategy must declare its warm-up ({@link Backtest#blockWarmup}).
     */
    public SetEvaluator(PanelSource source, int features, long budgetBytes, BacktestConfig base,
                        Map<String, FundingSchedule> funding, Map<String, SymbolFilter> filters, List<Fold> folds) {
        this(null, Objects.requireNonNull(source, "source"), features, budgetBytes, base, funding, filters, folds);
    }

    private SetEvaluator(Panel panel, PanelSource source, int features, long budgetBytes, BacktestConfig base,
                         Map<String, FundingSchedule> funding, Map<String, SymbolFilter> filters, List<Fold> folds) {
        this.panel = panel;
        this.source = source;
        this.features = features;
        this.budgetBytes = budgetBytes;
        this.base = base;
        this.funding = funding;
        this.filters = filters;
        this.folds = List.copyOf(folds);
    }

    /** Simulates {@code set} and computes its metrics rows. */
    public SetResult evaluate(ParameterSet set) {
        BacktestConfig config = base.withParams(SweepConfig.REGISTRY, set.params(),
                "parameter set " + set.index() + " " + set.hash());
        BacktestOutcome outcome = panel != null ? Backtest.run(panel, config, funding, filters)
                : Backtest.run(source, config, funding, filters, features, budgetBytes);
        EquityPath path = EquityPath.of(outcome.result());
        List<WindowMetrics> in = new ArrayList<>(folds.size());
        List<WindowMetrics> out = new ArrayList<>(folds.size());
        for (Fold f : folds) {
            in.add(WindowMetrics.of(path, f.inSample()));
            out.add(WindowMetrics.of(path, f.outOfSample()));
        }
        int bars = panel != null ? panel.bars() : source.context().times().length;
        return new SetResult(set, WindowMetrics.of(path, BarWindow.of(0, bars)), in, out, path.returns());
    }
}
