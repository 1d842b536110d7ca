package io.quantlake.cli;

import io.quantlake.backtest.BacktestOutcome;
import io.quantlake.config.PortfolioSections;
import io.quantlake.metrics.Metrics;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.ToDoubleFunction;

/** Backtests' metrics side by side for the console: a run per row, metrics in columns, within 120 columns. */
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

    /** The console width the table fits in: a 120-column terminal. */
    static final int WIDTH = 120;

    /**
     * One row per run (in the map's order) and one column per metric; the metric columns are laid
     * out in as many blocks as it takes for every line to fit {@value #WIDTH} characters (a run's
     * name is never cut), followed by the portfolio-layer lines.
     */
    static String of(Map<String, BacktestOutcome> runs) {
        return of(runs, WIDTH);
    }

    static String of(Map<String, BacktestOutcome> runs, int width) {
        List<String> names = List.copyOf(runs.keySet());
        int nameWidth = "strategy".length();
        for (String name : names) {
            nameWidth = Math.max(nameWidth, name.length());
        }
        String[][] cells = new String[LINES.length][names.size()];
        int[] columnWidth = new int[LINES.length];
        int r = 0;
        for (BacktestOutcome o : runs.values()) {
            for (int c = 0; c < LINES.length; c++) {
                double v = LINES[c].value().applyAsDouble(o.metrics());
                cells[c][r] = Double.isFinite(v) ? String.format(Locale.ROOT, LINES[c].format(), v) : "n/a";
                columnWidth[c] = Math.max(columnWidth[c], Math.max(cells[c][r].length(), LINES[c].name().length()));
            }
            r++;
        }
        StringBuilder out = new StringBuilder();
        int first = 0;
        while (first < LINES.length) {
            int used = nameWidth;
            int last = first;
            while (last < LINES.length && (last == first || used + 2 + columnWidth[last] <= width)) {
                used += 2 + columnWidth[last];
                last++;
            }
            if (first > 0) {
                out.append('\n');
            }
            appendBlock(out, names, cells, columnWidth, nameWidth, first, last);
            first = last;
        }
        out.append(portfolioLayer(runs));
        return out.toString();
    }

    /** Metric columns {@code [first, last)}: a header line, then one line per run. */
    private static void appendBlock(StringBuilder out, List<String> names, String[][] cells, int[] columnWidth,
                                    int nameWidth, int first, int last) {
        out.append(pad("strategy", nameWidth, false));
        for (int c = first; c < last; c++) {
            out.append("  ").append(pad(LINES[c].name(), columnWidth[c], true));
        }
        out.append('\n');
        for (int r = 0; r < names.size(); r++) {
            out.append(pad(names.get(r), nameWidth, false));
            for (int c = first; c < last; c++) {
                out.append("  ").append(pad(cells[c][r], columnWidth[c], true));
            }
            out.append('\n');
        }
    }

    private static String pad(String text, int width, boolean right) {
        String fill = " ".repeat(Math.max(0, width - text.length()));
        return right ? fill + text : text + fill;
    }

    /**
     * One line per run with a {@code risk} cap, {@code sizing} or {@code hedge} section: the sizing method, the
     * risk manager's ledger rows by rule, the optimizer's orders and turnover against naive rebalancing, and the
     * hedge overlay's rows (portfolio.json of each run has the full report). Empty when no run has one.
     */
    static String portfolioLayer(Map<String, BacktestOutcome> runs) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, BacktestOutcome> e : runs.entrySet()) {
            PortfolioSections sections = e.getValue().config().portfolio();
            if (!sections.any()) {
                continue;
            }
            StringJoiner line = new StringJoiner(" · ");
            if (sections.sizing() != null) {
                line.add("sizing " + sections.sizing().method().code());
            }
            e.getValue().portfolio().ifPresent(r -> {
                StringJoiner rows = new StringJoiner(", ");
                r.riskInterventions().forEach((rule, n) -> {
                    if (n > 0) {
                        rows.add(rule + " " + n);
                    }
                });
                if (sections.risk() != null) {
                    line.add("risk rows: " + (rows.length() == 0 ? "none" : rows));
                }
                if (r.decisions() > 0) {
                    line.add(String.format(Locale.ROOT, "orders %d (naive %d, saved %d) · turnover %.2f (naive %.2f)",
                            r.orders(), r.naiveOrders(), r.ordersSaved(), r.turnover(), r.naiveTurnover()));
                }
                if (sections.hedge() != null) {
                    line.add("hedge rows " + r.hedgeRows() + " (" + r.hedgeAdjustments() + " adjustments)");
                }
            });
            out.append(wrap(String.format(Locale.ROOT, "  %-28s %s", e.getKey(), line), WIDTH)).append('\n');
        }
        return out.length() == 0 ? "" : "portfolio layer (risk, sizing and hedge sections; full report in portfolio.json)\n"
                + out;
    }

    /** {@code line} broken before a {@code " · "} separator wherever it would pass {@code width}; continuations indented. */
    static String wrap(String line, int width) {
        StringBuilder out = new StringBuilder();
        int lineStart = 0;
        for (String part : line.split(" · ")) {
            boolean firstPart = out.length() == 0;
            if (!firstPart && out.length() - lineStart + 3 + part.length() > width) {
                out.append("\n     ");
                lineStart = out.length() - 5;
            } else if (!firstPart) {
                out.append(" · ");
            }
            out.append(part);
        }
        return out.toString();
    }
}
