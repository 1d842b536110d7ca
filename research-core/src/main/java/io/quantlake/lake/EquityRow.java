package io.quantlake.lake;

/**
 * One row of a backtest's equity curve (CLI.md {@code equity.csv}): {@code time} is the bar's open
 * time (UTC epoch ms), values in quote currency (leverage a ratio) as of that bar's close.
 */
public record EquityRow(long time, double equity, double cash, double gross, double net, double leverage) {
}
