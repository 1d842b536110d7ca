package io.quantlake.report;

import io.quantlake.ledger.Ledger;
import io.quantlake.metrics.Metrics;
import io.quantlake.sim.BacktestResult;
import io.quantlake.strategy.TargetWeights;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Writes a backtest's output files in CLI.md's formats: {@code equity.csv}, {@code ledger.csv},
 * {@code targets.csv} and {@code metrics.json}. Times are bar open times as ISO-8601 UTC
 * ({@code 2024-01-02T00:00:00Z}); numbers are {@link Double#toString(double)} (shortest repr that
 * round-trips; {@code NaN} / {@code Infinity} in CSV), counts are integers; non-finite metrics are
 * JSON {@code null}. Lines end with {@code \n}; files are UTF-8; the same result gives
 * byte-identical files. targets.csv writes a NaN target (no opinion) as {@code NaN}.
 */
public final class BacktestFiles {
    public static final String EQUITY = "equity.csv";
    public static final String LEDGER = "ledger.csv";
    public static final String TARGETS = "targets.csv";
    public static final String METRICS = "metrics.json";

    private BacktestFiles() {
    }

    /** Writes the four files into {@code dir} (created if needed) and returns the metrics written. */
    public static Metrics write(BacktestResult result, Path dir) {
        Metrics m = Metrics.of(result);
        try {
            Files.createDirectories(dir);
            try (Writer w = open(dir.resolve(EQUITY))) {
                writeEquity(result, w);
            }
            try (Writer w = open(dir.resolve(LEDGER))) {
                writeLedger(result.ledger(), w);
            }
            try (Writer w = open(dir.resolve(TARGETS))) {
                writeTargets(result.targets(), result.times(), result.symbols(), w);
            }
            try (Writer w = open(dir.resolve(METRICS))) {
                writeMetrics(m, w);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write backtest files to " + dir + ": " + e.getMessage(), e);
        }
        return m;
    }

    private static Writer open(Path p) throws IOException {
        return new BufferedWriter(Files.newBufferedWriter(p, StandardCharsets.UTF_8));
    }

    /** ISO-8601 UTC text of epoch ms, e.g. {@code 2024-01-02T00:00:00Z}. */
    public static String time(long epochMs) {
        return Instant.ofEpochMilli(epochMs).toString();
    }

    /** {@code time,equity,cash,gross,net,leverage}, one row per bar. */
    public static void writeEquity(BacktestResult r, Writer w) throws IOException {
        w.write("time,equity,cash,gross,net,leverage\n");
        for (int t = 0; t < r.bars(); t++) {
            w.write(time(r.times()[t]) + "," + r.equity()[t] + "," + r.cash()[t] + "," + r.gross()[t] + ","
                    + r.net()[t] + "," + r.leverage()[t] + "\n");
        }
    }

    /** {@code time,symbol,side,type,reason,qty,price,fee,cash_flow,realized_pnl,position_after}. */
    public static void writeLedger(Ledger l, Writer w) throws IOException {
        w.write("time,symbol,side,type,reason,qty,price,fee,cash_flow,realized_pnl,position_after\n");
        for (int k = 0; k < l.size(); k++) {
            w.write(time(l.time(k)) + "," + l.symbol(k) + "," + l.side(k) + "," + l.type(k) + "," + l.reason(k).code()
                    + "," + l.qty(k) + "," + l.price(k) + "," + l.fee(k) + "," + l.cashFlow(k) + "," + l.realizedPnl(k)
                    + "," + l.positionAfter(k) + "\n");
        }
    }

    /** {@code time,target_weight} rows for every universe symbol at every decision bar (§12.8, R25). */
    public static void writeTargets(TargetWeights tw, long[] times, String[] symbols, Writer w) throws IOException {
        w.write("time,symbol,target_weight\n");
        int n = symbols.length;
        for (int t = 0; t < tw.bars(); t++) {
            if (!tw.decision()[t]) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                w.write(time(times[t]) + "," + symbols[i] + "," + tw.weights()[t * n + i] + "\n");
            }
        }
    }

    /** metrics.json with CLI.md's keys in CLI.md's order. */
    public static void writeMetrics(Metrics m, Writer w) throws IOException {
        w.write("{\n");
        w.write(field("total_return", m.totalReturn()) + ",\n");
        w.write(field("cagr", m.cagr()) + ",\n");
        w.write(field("volatility", m.volatility()) + ",\n");
        w.write(field("sharpe", m.sharpe()) + ",\n");
        w.write(field("sortino", m.sortino()) + ",\n");
        w.write(field("max_drawdown", m.maxDrawdown()) + ",\n");
        w.write(field("calmar", m.calmar()) + ",\n");
        w.write(field("turnover", m.turnover()) + ",\n");
        w.write(field("mean_leverage", m.meanLeverage()) + ",\n");
        w.write(field("time_in_market", m.timeInMarket()) + ",\n");
        w.write("  \"trades\": " + m.trades() + ",\n");
        w.write(field("win_rate", m.winRate()) + ",\n");
        w.write(field("profit_factor", m.profitFactor()) + ",\n");
        w.write(field("fees", m.fees()) + ",\n");
        w.write(field("funding", m.funding()) + "\n");
        w.write("}\n");
    }

    /** The text of metrics.json, e.g. for the {@code runs} table's {@code metrics} column. */
    public static String metricsJson(Metrics m) {
        java.io.StringWriter w = new java.io.StringWriter();
        try {
            writeMetrics(m, w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    private static String field(String key, double v) {
        return "  \"" + key + "\": " + (Double.isFinite(v) ? Double.toString(v) : "null");
    }
}
