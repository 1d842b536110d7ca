package io.quantlake.lake;

import java.util.Objects;

/**
 * One row of a backtest's ledger (CLI.md {@code ledger.csv}, SIMULATION.md §6): {@code time} is the
 * fill bar's open time (UTC epoch ms), {@code qty} signed (buy > 0) in base asset, price, fee,
 * cash flow and realized PnL in quote currency.
 */
public record LedgerRow(long time, String symbol, String side, String type, String reason, double qty,
                        double price, double fee, double cashFlow, double realizedPnl, double positionAfter) {
    public LedgerRow {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
    }
}
