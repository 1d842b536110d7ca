package io.quantlake.tearsheet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;

/**
 * Writes a small backtest output directory in CLI.md's formats for report tests: {@code bars} daily (or
 * {@code step}) bars from 2023-11-15, an equity path from a seeded random walk, two symbols rebalanced on
 * each month's first bar, a SOLUSDT trade opened every 20 bars and closed 3 to 11 bars later (every third
 * one lost), a FUNDING row every 10 bars, targets at the rebalance bars, and metrics.json with one null.
 * Deterministic.
 */
final class SyntheticBacktestDir {
    static final long START = Instant.parse("2023-11-15T00:00:00Z").toEpochMilli();
    static final long DAY = 86_400_000L;

    private SyntheticBacktestDir() {
    }

    static Path write(Path dir, int bars) throws IOException {
        return write(dir, bars, DAY);
    }

    /** The same on bars {@code step} ms apart (e.g. 3,600,000 for 1h). */
    static Path write(Path dir, int bars, long step) throws IOException {
        Files.createDirectories(dir);
        Random random = new Random(42);
        StringBuilder equity = new StringBuilder(EquityCurve.HEADER + "\n");
        StringBuilder ledger = new StringBuilder(LedgerRows.HEADER + "\n");
        StringBuilder targets = new StringBuilder(TargetRows.HEADER + "\n");
        double e = 100_000;
        int month = -1;
        int closeAt = -1;
        for (int t = 0; t < bars; t++) {
            long time = START + t * step;
            String iso = Instant.ofEpochMilli(time).toString();
            e *= 1 + 0.0008 + 0.02 * random.nextGaussian();
            double weight = 0.5 + 0.3 * Math.sin(t / 40.0);
            double gross = e * weight;
            double net = e * (weight - 0.2);
            equity.append(iso).append(',').append(e).append(',').append(e - net).append(',').append(gross).append(',')
                    .append(net).append(',').append(gross / e).append('\n');
            int m = Instant.ofEpochMilli(time).atZone(java.time.ZoneOffset.UTC).getMonthValue();
            if (m != month) {
                month = m;
                String type = t == 0 ? "OPEN" : "REBALANCE";
                ledger.append(row(iso, "BTCUSDT", "LONG", type, "rebalance", 0.1 + 0.01 * m, 40_000 + 100 * t, 4.0,
                        0.0, 1.5));
                ledger.append(row(iso, "ETHUSDT", "LONG", type, "rebalance", -0.5, 2_000 + 5 * t, 1.0, 12.5, 3.0 + t));
                targets.append(iso).append(",BTCUSDT,").append(weight * 0.6).append('\n');
                targets.append(iso).append(",ETHUSDT,").append(weight * 0.4).append('\n');
            }
            if (t % 20 == 0 && t + 12 < bars) {
                ledger.append(row(iso, "SOLUSDT", "LONG", "OPEN", "signal", 10, 100, 1.0, 0.0, 10));
                closeAt = t + 3 + (t / 20) % 9;
            }
            if (t == closeAt) {
                double pnl = (t / 20) % 3 == 0 ? -20 - t / 10.0 : 15 + (t % 7) * 11;
                ledger.append(row(iso, "SOLUSDT", "LONG", "CLOSE", pnl > 0 ? "take_profit" : "stop_loss", -10, 108, 1.0,
                        pnl, 0));
            }
            if (t % 10 == 5) {
                ledger.append(row(iso, "BTCUSDT", "LONG", "FUNDING", "funding", 0, 40_000, 0, 0, 0.2));
            }
        }
        Files.writeString(dir.resolve(BacktestOutput.EQUITY), equity, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(BacktestOutput.LEDGER), ledger, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(BacktestOutput.TARGETS), targets, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(BacktestOutput.METRICS), "{\n  \"total_return\": 0.25,\n  \"cagr\": 0.2,\n"
                + "  \"volatility\": 0.38,\n  \"sharpe\": 0.71,\n  \"sortino\": 1.02,\n  \"max_drawdown\": 0.31,\n"
                + "  \"calmar\": 0.65,\n  \"turnover\": 3.4,\n  \"mean_leverage\": 0.5,\n  \"time_in_market\": 1.0,\n"
                + "  \"trades\": 21,\n  \"win_rate\": 0.52,\n  \"profit_factor\": null,\n  \"fees\": 123.45,\n"
                + "  \"funding\": -6.5\n}\n", StandardCharsets.UTF_8);
        return dir;
    }

    /** One ledger row; cash flow is {@code -qty * price - fee} (SIMULATION.md §4). */
    private static String row(String iso, String symbol, String side, String type, String reason, double qty,
                              double price, double fee, double pnl, double after) {
        double cash = "FUNDING".equals(type) ? -0.4 : -qty * price - fee;
        return iso + ',' + symbol + ',' + side + ',' + type + ',' + reason + ',' + qty + ',' + price + ',' + fee + ','
                + cash + ',' + pnl + ',' + after + '\n';
    }
}
