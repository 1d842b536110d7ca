package io.quantlake.sweep;

import io.quantlake.backtest.Backtest;
import io.quantlake.config.BacktestConfig;
import io.quantlake.panel.Panel;
import io.quantlake.sim.FundingSchedule;
import io.quantlake.sim.SymbolFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Evaluates parameter sets on one panel (pure Java, no Spark: one instance per Spark task, or used
 * directly). Each set is simulated ONCE over the whole panel with {@link Backtest#run}; the fold
 * windows only select which bars' returns enter each metric row.
 *
 * <p>Warm-up: a strategy's lookback warms up from the panel's first bar, never inside a window, so
 * a test window's first bars already carry positions decided on earlier data — which is no
 * look-ahead because strategies are causal (SIMULATION.md §2: a decision at bar t uses data up to
 * t). The price is path dependence: a window's returns depend on positions and costs carried in
 * from before it, as they would in live trading.
 */
public final class SetEvaluator {
    private final Panel panel;
    private final BacktestConfig base;
    private final Map<String, FundingSchedule> funding;
    private final Map<String, SymbolFilter> filters;
    private final List<Fold> folds;

    public SetEvaluator(Panel panel, BacktestConfig base, Map<String, FundingSchedule> funding,
                        Map<String, SymbolFilter> filters, List<Fold> folds) {
        this.panel = panel;
        this.base = base;
        this.funding = funding;
        this.filters = filters;
        this.folds = List.copyOf(folds);
    }

    /** Simulates {@code set} and computes its metrics rows. */
    public SetResult evaluate(ParameterSet set) {
        BacktestConfig config = base.withParams(SweepConfig.REGISTRY, set.params(),
                "parameter set " + set.index() + " " + set.hash());
        EquityPath path = EquityPath.of(Backtest.run(panel, config, funding, filters).result());
        List<WindowMetrics> in = new ArrayList<>(folds.size());
        List<WindowMetrics> out = new ArrayList<>(folds.size());
        for (Fold f : folds) {
            in.add(WindowMetrics.of(path, f.inSample()));
            out.add(WindowMetrics.of(path, f.outOfSample()));
        }
        return new SetResult(set, WindowMetrics.of(path, BarWindow.of(0, panel.bars())), in, out, path.returns());
    }
}
