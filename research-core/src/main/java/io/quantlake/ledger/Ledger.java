package io.quantlake.ledger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The ledger of one backtest, stored columnar: one primitive array per column, grown by doubling,
 * so appending a row in the bar loop allocates nothing except on growth. {@link #get(int)} and
 * {@link #events()} give a {@link TradeEvent} record view. Symbols are stored as indexes into the
 * universe given at construction.
 */
public final class Ledger {
    /** Rows the columns hold before their first growth (about 64 KB): most backtests never grow them. */
    private static final int INITIAL_ROWS = 1024;
    private final String[] symbols;
    /** The grid of a ledger written by bar index ({@link #addAtBar}): {@link #time} holds indexes into it; else null. */
    private final long[] grid;
    private int size;
    /** Row times, UTC epoch ms; with a {@link #grid}, the rows' bar indexes. */
    private long[] time;
    private int[] symbol;
    private byte[] side;
    private byte[] type;
    private byte[] reason;
    private double[] qty;
    private double[] price;
    private double[] fee;
    private double[] cashFlow;
    private double[] realizedPnl;
    private double[] positionAfter;

    /** An empty ledger over the universe {@code symbols} (universe order). */
    public Ledger(String[] symbols) {
        this(symbols, null);
    }

    /**
     * An empty ledger over {@code symbols} whose rows are written by bar index into {@code grid}
     * (bar open times, UTC epoch ms; shared, read-only) with {@link #addAtBar}: a row's time is
     * looked up when read, so writing one does not touch the grid.
     */
    public Ledger(String[] symbols, long[] grid) {
        this.symbols = symbols.clone();
        this.grid = grid;
        allocate(INITIAL_ROWS);
    }

    private void allocate(int capacity) {
        time = Arrays.copyOf(time == null ? new long[0] : time, capacity);
        symbol = Arrays.copyOf(symbol == null ? new int[0] : symbol, capacity);
        side = Arrays.copyOf(side == null ? new byte[0] : side, capacity);
        type = Arrays.copyOf(type == null ? new byte[0] : type, capacity);
        reason = Arrays.copyOf(reason == null ? new byte[0] : reason, capacity);
        qty = grow(qty, capacity);
        price = grow(price, capacity);
        fee = grow(fee, capacity);
        cashFlow = grow(cashFlow, capacity);
        realizedPnl = grow(realizedPnl, capacity);
        positionAfter = grow(positionAfter, capacity);
    }

    private static double[] grow(double[] a, int capacity) {
        return a == null ? new double[capacity] : Arrays.copyOf(a, capacity);
    }

    /** Appends one row; see {@link TradeEvent} for the meaning and units of each column. */
    public void add(long t, int symbolIndex, PositionSide s, TradeEventType ty, Reason r, double q, double p,
                    double f, double cf, double pnl, double after) {
        if (grid != null) {
            throw new IllegalStateException("this ledger is written by bar index (addAtBar)");
        }
        append(t, symbolIndex, s, ty, r, q, p, f, cf, pnl, after);
    }

    /** {@link #add} at grid bar {@code bar} of a ledger made with a grid; the row's time is {@code grid[bar]}. */
    public void addAtBar(int bar, int symbolIndex, PositionSide s, TradeEventType ty, Reason r, double q, double p,
                         double f, double cf, double pnl, double after) {
        if (grid == null || bar < 0 || bar >= grid.length) {
            throw new IllegalStateException("bar " + bar + " outside the ledger's grid");
        }
        append(bar, symbolIndex, s, ty, r, q, p, f, cf, pnl, after);
    }

    private void append(long t, int symbolIndex, PositionSide s, TradeEventType ty, Reason r, double q, double p,
                        double f, double cf, double pnl, double after) {
        if (!(f >= 0)) {
            throw new IllegalStateException("negative fee " + f + " for " + symbols[symbolIndex] + " " + ty + " at "
                    + (grid == null ? t : grid[(int) t]));
        }
        if (size == time.length) {
            allocate(size * 2);
        }
        time[size] = t;
        symbol[size] = symbolIndex;
        side[size] = (byte) s.ordinal();
        type[size] = (byte) ty.ordinal();
        reason[size] = (byte) r.ordinal();
        qty[size] = q;
        price[size] = p;
        fee[size] = f;
        cashFlow[size] = cf;
        realizedPnl[size] = pnl;
        positionAfter[size] = after;
        size++;
    }

    public int size() {
        return size;
    }

    /** The universe, in the order of {@link #symbolIndex(int)}. */
    public String[] symbols() {
        return symbols.clone();
    }

    public long time(int k) {
        return grid == null ? time[check(k)] : grid[(int) time[check(k)]];
    }

    public int symbolIndex(int k) {
        return symbol[check(k)];
    }

    public String symbol(int k) {
        return symbols[symbol[check(k)]];
    }

    public PositionSide side(int k) {
        return PositionSide.of(side[check(k)]);
    }

    public TradeEventType type(int k) {
        return TradeEventType.of(type[check(k)]);
    }

    public Reason reason(int k) {
        return Reason.of(reason[check(k)]);
    }

    public double qty(int k) {
        return qty[check(k)];
    }

    public double price(int k) {
        return price[check(k)];
    }

    public double fee(int k) {
        return fee[check(k)];
    }

    public double cashFlow(int k) {
        return cashFlow[check(k)];
    }

    public double realizedPnl(int k) {
        return realizedPnl[check(k)];
    }

    public double positionAfter(int k) {
        return positionAfter[check(k)];
    }

    /** Row {@code k} as a record. */
    public TradeEvent get(int k) {
        check(k);
        return new TradeEvent(time(k), symbols[symbol[k]], side(k), type(k), reason(k), qty[k], price[k], fee[k],
                cashFlow[k], realizedPnl[k], positionAfter[k]);
    }

    /** All rows as records, in ledger order (a new unmodifiable list). */
    public List<TradeEvent> events() {
        List<TradeEvent> out = new ArrayList<>(size);
        for (int k = 0; k < size; k++) {
            out.add(get(k));
        }
        return Collections.unmodifiableList(out);
    }

    private int check(int k) {
        if (k < 0 || k >= size) {
            throw new IndexOutOfBoundsException("ledger row " + k + " outside [0, " + size + ")");
        }
        return k;
    }
}
