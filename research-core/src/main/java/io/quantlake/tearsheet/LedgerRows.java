package io.quantlake.tearsheet;

import java.nio.file.Path;
import java.util.List;

/**
 * The rows of a backtest's {@code ledger.csv}, column by column (CLI.md; SIMULATION.md §6, R14–R16): fill
 * bar open time (UTC epoch ms), symbol, side ({@code LONG}/{@code SHORT}), event type, reason, signed
 * quantity delta (buy &gt; 0), fill price, fee, cash flow, realized PnL (fees excluded) and the position
 * after the row. The arrays are not copied; treat them as read-only.
 */
public record LedgerRows(long[] times, String[] symbols, String[] sides, String[] types, String[] reasons,
                         double[] qty, double[] price, double[] fee, double[] cashFlow, double[] realizedPnl,
                         double[] positionAfter) {
    static final String HEADER = "time,symbol,side,type,reason,qty,price,fee,cash_flow,realized_pnl,position_after";
    /** The event types of SIMULATION.md §6, in its order. */
    public static final List<String> TYPES = List.of("OPEN", "CLOSE", "PARTIAL_CLOSE", "REBALANCE", "HEDGE",
            "TIME_EXIT", "CONDITIONAL_EXIT", "LIQUIDATION", "FUNDING");
    /** The funding event type: a cash-only row, not a trade. */
    public static final String FUNDING = "FUNDING";
    private static final List<String> SIDES = List.of("LONG", "SHORT");

    public LedgerRows {
        int n = times.length;
        if (symbols.length != n || sides.length != n || types.length != n || reasons.length != n || qty.length != n
                || price.length != n || fee.length != n || cashFlow.length != n || realizedPnl.length != n
                || positionAfter.length != n) {
            throw new IllegalArgumentException("ledger columns must all have " + n + " rows");
        }
    }

    /** Number of rows. */
    public int size() {
        return times.length;
    }

    /** Whether row {@code k} is a trade (any type but {@code FUNDING}). */
    public boolean isTrade(int k) {
        return !FUNDING.equals(types[k]);
    }

    /** Reads {@code ledger.csv}; types must be SIMULATION.md §6's, sides LONG or SHORT. */
    static LedgerRows read(Path file) {
        OutputCsv csv = OutputCsv.read(file, HEADER);
        int n = csv.size();
        long[] times = new long[n];
        String[][] text = new String[4][n];
        double[][] num = new double[6][n];
        for (int r = 0; r < n; r++) {
            times[r] = csv.time(r, 0);
            text[0][r] = csv.text(r, 1);
            text[1][r] = csv.oneOf(r, 2, SIDES);
            text[2][r] = csv.oneOf(r, 3, TYPES);
            text[3][r] = csv.text(r, 4);
            for (int c = 0; c < 6; c++) {
                num[c][r] = csv.number(r, c + 5);
            }
        }
        return new LedgerRows(times, text[0], text[1], text[2], text[3], num[0], num[1], num[2], num[3], num[4],
                num[5]);
    }
}
