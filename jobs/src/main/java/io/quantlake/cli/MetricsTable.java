package io.quantlake.cli;

import io.quantlake.backtest.BacktestOutcome;
import io.quantlake.metrics.Metrics;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Backtests' metrics side by side, one column per run, for the console. */
final class MetricsTable {
    private MetricsTable() {
    }

    private record Line(String name, String format, ToDoubleFunction<Metrics> value) {
    }

    private static final Line[] LINES = {
        new Line("total_return", "%.2f%%", m -> 100 * m.totalReturn()),
        new Line("cagr", "%.2f%%", m -> 100 * m.cagr()),
        new Line("volatility", "%.2f%%", m -> 100 * m.volatility()),
        new Line("sharpe", "%.3f", Metrics::sharpe),
        new Line("sortino", "%.3f", Metrics::sortino),
        new Line("max_drawdown", "%.2f%%", m -> 100 * m.maxDrawdown()),
        new Line("calmar", "%.3f", Metrics::calmar),
        new Line("turnover", "%.2f", Metrics::turnover),
        new Line("mean_leverage", "%.3f", Metrics::meanLeverage),
        new Line("time_in_market", "%.2f%%", m -> 100 * m.timeInMarket()),
        new Line("trades", "%.0f", m -> m.trades()),
        new Line("win_rate", "%.2f%%", m -> 100 * m.winRate()),
        new Line("profit_factor", "%.3f", Metrics::profitFactor),
        new Line("fees", "%.2f", Metrics::fees),
        new Line("funding", "%.2f", Metrics::funding),
    };

    static String of(Map<String, BacktestOutcome> runs) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-16s", "metric"));
        for (String name : runs.keySet()) {
            out.append(String.format(Locale.ROOT, " %18s", name));
        }
        out.append('\n');
        for (Line line : LINES) {
            out.append(String.format(Locale.ROOT, "%-16s", line.name()));
            for (BacktestOutcome o : runs.values()) {
                double v = line.value().applyAsDouble(o.metrics());
                String cell = Double.isFinite(v) ? String.format(Locale.ROOT, line.format(), v) : "n/a";
                out.append(String.format(Locale.ROOT, " %18s", cell));
            }
            out.append('\n');
        }
        return out.toString();
    }
}
