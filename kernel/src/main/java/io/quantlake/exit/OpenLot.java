package io.quantlake.exit;

import io.quantlake.ledger.PositionSide;
import io.quantlake.ledger.Reason;
import java.util.List;
import java.util.Objects;

/**
 * The exit-side state of one open lot: its chain, the fill that opened it and each rule's path
 * state (two doubles and two ints per rule). Allocated once when a lot with an exit chain opens,
 * never per bar. The engine keeps {@link #quantity()} up to date after every fill of the lot.
 */
public final class OpenLot {
    private final int symbol;
    private final PositionSide side;
    private final List<ExitStrategy> chain;
    private final double fillPrice;
    private int fillBar;
    private final boolean filledAtOpen;
    private final double initialQuantity;
    private final double[] doubleState;
    private final int[] intState;
    private double quantity;
    private Reason pendingExit;
    /** Whether a rule of the chain decides at the close ({@link ExitStrategy#checkAtClose}): a conditional exit. */
    private final boolean closeRule;
    /** Whether a rule of the chain updates path state after a bar ({@link ExitStrategy#afterBar}): a trailing stop. */
    private final boolean pathRule;

    /**
     * @param symbol       universe index
     * @param side         LONG or SHORT lot
     * @param chain        the exit chain, in priority order
     * @param fillPrice    the opening fill price (slippage included, fees excluded)
     * @param fillBar      grid index of the opening fill
     * @param filledAtOpen whether it filled at the bar's open (next_open) or its close
     * @param quantity     absolute opening quantity, &gt; 0 (ladder fractions refer to it)
     */
    public OpenLot(int symbol, PositionSide side, List<ExitStrategy> chain, double fillPrice, int fillBar,
                   boolean filledAtOpen, double quantity) {
        this.symbol = symbol;
        this.side = Objects.requireNonNull(side, "side");
        this.chain = List.copyOf(chain);
        this.fillPrice = fillPrice;
        this.fillBar = fillBar;
        this.filledAtOpen = filledAtOpen;
        this.initialQuantity = quantity;
        this.quantity = quantity;
        this.doubleState = new double[2 * this.chain.size()];
        this.intState = new int[2 * this.chain.size()];
        boolean close = false;
        boolean path = false;
        for (ExitStrategy r : this.chain) {
            close |= r instanceof ConditionalExitStrategy;
            path |= r instanceof TrailingStopExitStrategy;
        }
        this.closeRule = close;
        this.pathRule = path;
    }

    public int symbol() {
        return symbol;
    }

    public PositionSide side() {
        return side;
    }

    public List<ExitStrategy> chain() {
        return chain;
    }

    public double fillPrice() {
        return fillPrice;
    }

    public int fillBar() {
        return fillBar;
    }

    /**
     * Moves the fill bar by {@code -shift}: a block run re-indexes bars from each block's first row, so a lot
     * opened in an earlier block keeps its distance in grid bars ({@link TimeBasedExitStrategy}).
     */
    public void shiftBars(int shift) {
        fillBar -= shift;
    }

    public boolean filledAtOpen() {
        return filledAtOpen;
    }

    /** Absolute quantity when the lot opened. */
    public double initialQuantity() {
        return initialQuantity;
    }

    /** Absolute quantity still open. */
    public double quantity() {
        return quantity;
    }

    /** Set by the engine after a fill of this lot (absolute quantity). */
    public void setQuantity(double absQuantity) {
        this.quantity = absQuantity;
    }

    /** Whether a conditional exit fired at a close and waits for its next_open fill. */
    /** Whether any rule of the chain can fire at the close (the others' {@code checkAtClose} is always false). */
    public boolean hasCloseRule() {
        return closeRule;
    }

    /** Whether any rule of the chain keeps path state updated by {@code afterBar} (the others' is a no-op). */
    public boolean hasPathRule() {
        return pathRule;
    }

    public boolean conditionalExitPending() {
        return pendingExit != null;
    }

    /** The reason of the conditional exit waiting for its next_open fill, or null when none is pending. */
    public Reason pendingExitReason() {
        return pendingExit;
    }

    /** Flags a conditional exit with ledger reason {@code reason} for the next open; null clears the flag. */
    public void setPendingExit(Reason reason) {
        this.pendingExit = reason;
    }

    double doubleState(int rule, int k) {
        return doubleState[2 * rule + k];
    }

    void setDoubleState(int rule, int k, double v) {
        doubleState[2 * rule + k] = v;
    }

    int intState(int rule, int k) {
        return intState[2 * rule + k];
    }

    void setIntState(int rule, int k, int v) {
        intState[2 * rule + k] = v;
    }
}
