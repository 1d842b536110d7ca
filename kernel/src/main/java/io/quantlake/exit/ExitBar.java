package io.quantlake.exit;

import io.quantlake.panel.Panel;

/**
 * The bar an exit rule looks at: a flyweight the engine re-points at each (bar, symbol), so rules
 * must not keep it. Prices in quote currency; {@code t} is the grid index.
 */
public final class ExitBar {
    private Panel panel;
    private int t;
    private int symbol;
    private boolean executionAtClose;

    /** Re-points this view at bar {@code t} of symbol {@code symbol} (which must have a bar at {@code t}). */
    public ExitBar reset(Panel panel, int t, int symbol, boolean executionAtClose) {
        this.panel = panel;
        this.t = t;
        this.symbol = symbol;
        this.executionAtClose = executionAtClose;
        return this;
    }

    public Panel panel() {
        return panel;
    }

    /** Grid index of the bar. */
    public int t() {
        return t;
    }

    /** Universe index of the symbol. */
    public int symbol() {
        return symbol;
    }

    public double open() {
        return panel.open()[panel.at(t, symbol)];
    }

    public double high() {
        return panel.high()[panel.at(t, symbol)];
    }

    public double low() {
        return panel.low()[panel.at(t, symbol)];
    }

    public double close() {
        return panel.close()[panel.at(t, symbol)];
    }

    /** Whether the run fills at the close ({@code execution.price: close}) rather than the next open. */
    public boolean executionAtClose() {
        return executionAtClose;
    }
}
