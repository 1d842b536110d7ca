package io.quantlake.sim;

import io.quantlake.exit.OpenLot;
import io.quantlake.ledger.Ledger;
import io.quantlake.ledger.PositionSide;
import io.quantlake.ledger.Reason;
import io.quantlake.ledger.TradeEventType;

/**
 * The account of one backtest (SIMULATION.md §3): cash {@code C} and, per symbol, a long lot and
 * a short lot (hedge mode; outside it at most one is open). Lot slot {@code 2i} is symbol
 * {@code i}'s long lot, {@code 2i + 1} its short lot. Every trade is one of {@link #open}, {@link #adjust} and
 * {@link #close} (or {@link #closeAtMarket}), each writing exactly one ledger row, so the ledger replays
 * to this state.
 *
 * <p>Realized PnL (R14, §12.7): the reduced part times the difference between fill price and the
 * lot's average entry (fill prices with slippage, fees excluded). An increase moves the average
 * entry to the quantity-weighted mean of the old entry and the fill price.
 */
public final class Account {
    private final int n;
    private final Ledger ledger;
    private final double takerRate;
    private final double makerRate;
    private final double slip;
    private final double[] lotQty;
    /** Net quantity per symbol, {@code lotQty[2i] + lotQty[2i + 1]}, kept by {@link #apply}. */
    private final double[] netQty;
    /** Number of symbols with a net short position ({@code netQty[i] < 0}). */
    private int shorts;
    /** Number of symbols with a non-zero net quantity. */
    private int held;
    /** Number of symbols with an open lot ({@link #held(int)}). */
    private int symbolsHeld;
    private final double[] avgEntry;
    private final OpenLot[] exits;
    private final boolean[] hedgeLot;
    private double cash;
    private double markedEquity;
    private double markedGross;
    private double markedNet;
    private boolean markedAny;
    /** Number of lots with an exit chain (the exit steps do nothing when 0). */
    private int exitLots;
    /** Grid index of bar row 0 of the current block (0 in a one-panel run): ledger rows are written at {@code barOffset + t}. */
    private int barOffset;

    Account(String[] symbols, long[] times, SimConfig config) {
        this.n = symbols.length;
        this.ledger = new Ledger(symbols, times);
        this.takerRate = config.takerBps() / 1e4;
        this.makerRate = config.makerBps() / 1e4;
        this.slip = config.slippageBps() / 1e4;
        this.lotQty = new double[2 * n];
        this.netQty = new double[n];
        this.avgEntry = new double[2 * n];
        this.exits = new OpenLot[2 * n];
        this.hedgeLot = new boolean[2 * n];
        this.cash = config.capital();
    }

    /** Bar rows {@code t} passed to the trades are grid index {@code offset + t} (a block run's current block). */
    void barOffset(int offset) {
        this.barOffset = offset;
    }

    /** Moves the fill bars of the open lots' exit chains by {@code -shift} rows (the next block starts {@code shift} grid bars later). */
    void shiftBars(int shift) {
        for (OpenLot lot : exits) {
            if (lot != null) {
                lot.shiftBars(shift);
            }
        }
    }

    /** Slot of symbol {@code i}'s lot on {@code side}. */
    static int slot(int i, PositionSide side) {
        return 2 * i + side.ordinal();
    }

    /** Side of lot {@code slot}. */
    static PositionSide side(int slot) {
        return (slot & 1) == 0 ? PositionSide.LONG : PositionSide.SHORT;
    }

    public double cash() {
        return cash;
    }

    public Ledger ledger() {
        return ledger;
    }

    /** Signed quantity of lot {@code slot}. */
    public double lot(int slot) {
        return lotQty[slot];
    }

    /** Net quantity {@code q_i}: long lot plus short lot. */
    public double net(int i) {
        return netQty[i];
    }

    /** Whether symbol {@code i} has any open lot. */
    public boolean held(int i) {
        return lotQty[2 * i] != 0 || lotQty[2 * i + 1] != 0;
    }

    /** Number of symbols with an open lot (long, short or both). */
    public int symbolsHeld() {
        return symbolsHeld;
    }

    /** Average entry price of lot {@code slot}. */
    public double averageEntry(int slot) {
        return avgEntry[slot];
    }

    OpenLot exits(int slot) {
        return exits[slot];
    }

    void setExits(int slot, OpenLot lot, boolean hedge) {
        exitLots += (lot != null ? 1 : 0) - (exits[slot] != null ? 1 : 0);
        exits[slot] = lot;
        hedgeLot[slot] = hedge;
    }

    /** Number of open lots with an exit chain. */
    int exitLots() {
        return exitLots;
    }

    boolean isHedge(int slot) {
        return hedgeLot[slot];
    }

    /** Taker fee rate (fraction). */
    double takerRate() {
        return takerRate;
    }

    double makerRate() {
        return makerRate;
    }

    /** A market order's fill price: a buy ({@code dq > 0}) at {@code p(1+s)}, a sell at {@code p(1-s)} (§4). */
    double marketPrice(double p, double dq) {
        return dq > 0 ? p * (1 + slip) : p * (1 - slip);
    }

    /** Equity {@code C + Σ q_i · prices[i]} ({@code q_i} the net quantity), summed as {@link RowValue#running}. */
    double equity(double[] prices) {
        return equity(prices, 0);
    }

    /** {@link #equity(double[])} at the prices {@code prices[offset + i]}. */
    double equity(double[] prices, int offset) {
        return RowValue.running(cash, netQty, prices, offset, false);
    }

    /**
     * Mark to market at {@code prices[offset + i]}: equity {@code C + Σ q_i p_i}, gross
     * {@code Σ |q_i| p_i}, net exposure {@code Σ q_i p_i} and whether any {@code q_i != 0} ({@code q_i}
     * the net quantity), the sums as {@link RowValue#lanes}. Read them with {@link #markedEquity()} etc.
     * {@code finite}: every price is finite and positive (see {@link RowValue#lanes}).
     */
    void mark(double[] prices, int offset, boolean finite) {
        double net = RowValue.lanes(netQty, prices, offset, finite, false);
        markedNet = net;
        // With no net short, |q_i| p_i = q_i p_i term by term, so the gross is the same sum.
        markedGross = shorts == 0 ? net : RowValue.lanes(netQty, prices, offset, finite, true);
        markedEquity = cash + net;
        markedAny = held > 0;
    }

    /**
     * {@link #mark} with the net exposure {@code net} already summed as {@link RowValue#lanes} sums it, for
     * an account with no net short ({@link #noShorts()}: the gross is then the net).
     */
    void markNet(double net) {
        if (shorts != 0) {
            throw new IllegalStateException("markNet needs an account without net shorts");
        }
        markedNet = net;
        markedGross = net;
        markedEquity = cash + net;
        markedAny = held > 0;
    }

    /**
     * Whether {@link #mark} may take the gross as the net: no symbol is net short (then
     * {@code |q_i| p_i = q_i p_i} term by term).
     */
    boolean noShorts() {
        return shorts == 0;
    }

    /** Whether any net quantity is non-zero. */
    boolean anyNet() {
        return held > 0;
    }

    double markedEquity() {
        return markedEquity;
    }

    double markedGross() {
        return markedGross;
    }

    double markedNet() {
        return markedNet;
    }

    boolean markedAny() {
        return markedAny;
    }

    /** The net quantities {@code q_i} by symbol; read-only for the executors. */
    double[] netQuantities() {
        return netQty;
    }

    /**
     * Gross exposure {@code Σ |q_i| · prices[i]} with {@code q_i} the net quantity (§3), summed as
     * {@link RowValue#running}.
     */
    double gross(double[] prices) {
        return RowValue.running(0, netQty, prices, 0, true);
    }

    /**
     * Opens lot {@code slot}, which must be flat: buys ({@code dq > 0}, long lot) or sells ({@code dq < 0},
     * short lot) {@code |dq|} units at {@code price} (quote currency per unit, slippage included) with fee
     * rate {@code feeRate} (fraction of notional); one ledger row of {@code type}. The entry price is the
     * fill price.
     */
    void open(int t, int slot, double dq, double price, double feeRate, TradeEventType type, Reason reason) {
        if (lotQty[slot] != 0) {
            throw invalid(t, slot, dq, price, "open needs a flat lot");
        }
        apply(t, slot, dq, price, feeRate, type, reason);
    }

    /**
     * Adds to or reduces open lot {@code slot} by {@code dq} units without closing it or crossing zero
     * (a sign flip is {@link #close} then {@link #open}), at {@code price} with fee rate {@code feeRate};
     * one ledger row of {@code type}. A reduction realizes PnL on the reduced part, an increase moves the
     * average entry.
     */
    void adjust(int t, int slot, double dq, double price, double feeRate, TradeEventType type, Reason reason) {
        if (lotQty[slot] == 0 || lotQty[slot] + dq == 0) {
            throw invalid(t, slot, dq, price, "adjust needs an open lot that stays open");
        }
        apply(t, slot, dq, price, feeRate, type, reason);
    }

    /**
     * Closes open lot {@code slot} entirely at {@code price} with fee rate {@code feeRate}; one ledger row
     * of {@code type}. Clears the lot's exit state.
     */
    void close(int t, int slot, double price, double feeRate, TradeEventType type, Reason reason) {
        double dq = -lotQty[slot];
        if (dq == 0) {
            throw invalid(t, slot, dq, price, "close needs an open lot");
        }
        apply(t, slot, dq, price, feeRate, type, reason);
    }

    private IllegalStateException invalid(int t, int slot, double dq, double price, String rule) {
        return new IllegalStateException("invalid fill at bar " + t + " of " + ledger.symbols()[slot / 2] + " lot "
                + side(slot) + ": lot " + lotQty[slot] + ", dq " + dq + ", price " + price + " (" + rule + ")");
    }

    /**
     * Fills {@code dq} on lot {@code slot} at {@code price} with fee rate {@code feeRate} and writes one
     * ledger row of {@code type}. {@code dq} must not cross zero. Closing a lot clears its exit state.
     */
    private void apply(int t, int slot, double dq, double price, double feeRate, TradeEventType type, Reason reason) {
        double before = lotQty[slot];
        double after = before + dq;
        boolean heldBefore = lotQty[slot & ~1] != 0 || lotQty[slot | 1] != 0;
        int sign = (slot & 1) == 0 ? 1 : -1;
        if (after * sign < 0 || dq == 0 || !(price > 0)) {
            throw invalid(t, slot, dq, price, "a fill moves the lot towards or away from zero without crossing it, "
                    + "at a positive price");
        }
        double fee = feeRate * Math.abs(dq) * price;
        double cashFlow = -dq * price - fee;
        double pnl = 0;
        if (before == 0) {
            avgEntry[slot] = price;
        } else if (Math.abs(after) < Math.abs(before)) {
            pnl = -dq * (price - avgEntry[slot]);
        } else {
            avgEntry[slot] = (before * avgEntry[slot] + dq * price) / after;
        }
        lotQty[slot] = after;
        double netBefore = netQty[slot >> 1];
        double netAfter = lotQty[slot & ~1] + lotQty[slot | 1];
        netQty[slot >> 1] = netAfter;
        shorts += (netAfter < 0 ? 1 : 0) - (netBefore < 0 ? 1 : 0);
        held += (netAfter != 0 ? 1 : 0) - (netBefore != 0 ? 1 : 0);
        symbolsHeld += (lotQty[slot & ~1] != 0 || lotQty[slot | 1] != 0 ? 1 : 0) - (heldBefore ? 1 : 0);
        cash += cashFlow;
        if (after == 0) {
            avgEntry[slot] = 0;
            if (exits[slot] != null) {
                exitLots--;
            }
            exits[slot] = null;
            hedgeLot[slot] = false;
        } else if (exits[slot] != null) {
            exits[slot].setQuantity(Math.abs(after));
        }
        ledger.addAtBar(barOffset + t, slot / 2, side(slot), type, reason, dq, price, fee, cashFlow, pnl, after);
    }

    /** Closes lot {@code slot} entirely by a market order at raw price {@code p} (taker fee, slippage). */
    void closeAtMarket(int t, int slot, double p, TradeEventType type, Reason reason) {
        double dq = -lotQty[slot];
        if (dq != 0) {
            close(t, slot, marketPrice(p, dq), takerRate, type, reason);
        }
    }

    /** Writes a FUNDING row (R16) and moves cash by {@code -q · mark · rate}. */
    void fund(int t, int i, double mark, double rate) {
        double q = net(i);
        double cf = -q * mark * rate;
        cash += cf;
        ledger.addAtBar(barOffset + t, i, PositionSide.ofQuantity(q), TradeEventType.FUNDING, Reason.FUNDING, 0, mark, 0, cf, 0, q);
    }
}
