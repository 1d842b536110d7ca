package io.quantlake.tearsheet;

import io.quantlake.ledger.Ledger;
import io.quantlake.metrics.Metrics;
import io.quantlake.sim.BacktestResult;
import io.quantlake.sim.RecordedTargets;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

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
    /** The metrics.json key of the round-trip count. */
    public static final String TRADES = "trades";

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
                writeTargets(result.recordedTargets(), result.times(), result.symbols(), w);
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

    /** {@code time,equity,cash,gross,net,leverage}, one row per bar, read chunk by chunk ({@link BacktestResult#readRows}). */
    public static void writeEquity(BacktestResult r, Writer w) throws IOException {
        w.write("time,equity,cash,gross,net,leverage\n");
        int bars = r.bars();
        int chunk = Math.min(bars, BacktestResult.CHUNK_BARS);
        double[] e = new double[chunk];
        double[] c = new double[chunk];
        double[] g = new double[chunk];
        double[] x = new double[chunk];
        double[] l = new double[chunk];
        long[] times = r.times();
        for (int from = 0; from < bars; from += chunk) {
            int to = Math.min(bars, from + chunk);
            r.readRows(from, to, e, c, g, x, l, null);
            for (int k = 0; k < to - from; k++) {
                w.write(time(times[from + k]) + "," + e[k] + "," + c[k] + "," + g[k] + "," + x[k] + "," + l[k] + "\n");
            }
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
    public static void writeTargets(RecordedTargets tw, long[] times, String[] symbols, Writer w) throws IOException {
        w.write("time,symbol,target_weight\n");
        int n = symbols.length;
        for (int k = 0; k < tw.decisions(); k++) {
            String at = time(times[tw.decisionBar(k)]);
            for (int i = 0; i < n; i++) {
                w.write(at + "," + symbols[i] + "," + tw.weight(k, i) + "\n");
            }
        }
    }

    /**
     * metrics.json's keys in CLI.md's order with their values; {@code trades} is a count (an integer in the
     * file), a non-finite value is written as {@code null}.
     */
    public static Map<String, Double> metricsByKey(Metrics m) {
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("total_return", m.totalReturn());
        out.put("cagr", m.cagr());
        out.put("volatility", m.volatility());
        out.put("sharpe", m.sharpe());
        out.put("sortino", m.sortino());
        out.put("max_drawdown", m.maxDrawdown());
        out.put("calmar", m.calmar());
        out.put("turnover", m.turnover());
        out.put("mean_leverage", m.meanLeverage());
        out.put("time_in_market", m.timeInMarket());
        out.put(TRADES, (double) m.trades());
        out.put("win_rate", m.winRate());
        out.put("profit_factor", m.profitFactor());
        out.put("fees", m.fees());
        out.put("funding", m.funding());
        return Collections.unmodifiableMap(out);
    }

    /** metrics.json: {@link #metricsByKey} as a JSON object, one key per line. */
    public static void writeMetrics(Metrics m, Writer w) throws IOException {
        w.write("{\n");
        String separator = "";
        for (Map.Entry<String, Double> e : metricsByKey(m).entrySet()) {
            double v = e.getValue();
            String value = TRADES.equals(e.getKey()) ? Long.toString(m.trades())
                    : Double.isFinite(v) ? Double.toString(v) : "null";
            w.write(separator + "  \"" + e.getKey() + "\": " + value);
            separator = ",\n";
        }
        w.write("\n}\n");
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
}
