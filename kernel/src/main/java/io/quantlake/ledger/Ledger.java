package io.quantlake.ledger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The ledger of one backtest, stored columnar: one primitive array per column, in blocks of
 * {@value #BLOCK_ROWS} rows, so appending a row in the bar loop allocates nothing except a new
 * block every {@value #BLOCK_ROWS} rows, and nothing written is ever copied. {@link #get(int)} and
 * {@link #events()} give a {@link TradeEvent} record view. Symbols are stored as indexes into the
 * universe given at construction.
 */
public final class Ledger {
    /** Rows per block of columns (about 130 KB a block): most backtests fill one. */
    private static final int BLOCK_ROWS = 2048;
    private static final int SHIFT = Integer.numberOfTrailingZeros(BLOCK_ROWS);
    private static final int MASK = BLOCK_ROWS - 1;

    /** One block of rows, column by column. */
    private static final class Block {
        /** Row times, UTC epoch ms; with a {@link #grid}, the rows' bar indexes. */
        final long[] time = new long[BLOCK_ROWS];
        final int[] symbol = new int[BLOCK_ROWS];
        final byte[] side = new byte[BLOCK_ROWS];
        final byte[] type = new byte[BLOCK_ROWS];
        final byte[] reason = new byte[BLOCK_ROWS];
        final double[] qty = new double[BLOCK_ROWS];
        final double[] price = new double[BLOCK_ROWS];
        final double[] fee = new double[BLOCK_ROWS];
        final double[] cashFlow = new double[BLOCK_ROWS];
        final double[] realizedPnl = new double[BLOCK_ROWS];
        final double[] positionAfter = new double[BLOCK_ROWS];
    }

    private final String[] symbols;
    /** The grid of a ledger written by bar index ({@link #addAtBar}): {@link Block#time} holds indexes into it; else null. */
    private final long[] grid;
    private int size;
    private Block[] blocks = new Block[4];
    /** The block that row {@link #size} goes to (null until the first row). */
    private Block last;

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
        int row = size & MASK;
        if (row == 0) {
            int b = size >>> SHIFT;
            if (b == blocks.length) {
                blocks = Arrays.copyOf(blocks, 2 * b);
            }
            last = new Block();
            blocks[b] = last;
        }
        Block k = last;
        k.time[row] = t;
        k.symbol[row] = symbolIndex;
        k.side[row] = (byte) s.ordinal();
        k.type[row] = (byte) ty.ordinal();
        k.reason[row] = (byte) r.ordinal();
        k.qty[row] = q;
        k.price[row] = p;
        k.fee[row] = f;
        k.cashFlow[row] = cf;
        k.realizedPnl[row] = pnl;
        k.positionAfter[row] = after;
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
        long v = block(k).time[k & MASK];
        return grid == null ? v : grid[(int) v];
    }

    public int symbolIndex(int k) {
        return block(k).symbol[k & MASK];
    }

    public String symbol(int k) {
        return symbols[symbolIndex(k)];
    }

    public PositionSide side(int k) {
        return PositionSide.of(block(k).side[k & MASK]);
    }

    public TradeEventType type(int k) {
        return TradeEventType.of(block(k).type[k & MASK]);
    }

    public Reason reason(int k) {
        return Reason.of(block(k).reason[k & MASK]);
    }

    public double qty(int k) {
        return block(k).qty[k & MASK];
    }

    public double price(int k) {
        return block(k).price[k & MASK];
    }

    public double fee(int k) {
        return block(k).fee[k & MASK];
    }

    public double cashFlow(int k) {
        return block(k).cashFlow[k & MASK];
    }

    public double realizedPnl(int k) {
        return block(k).realizedPnl[k & MASK];
    }

    public double positionAfter(int k) {
        return block(k).positionAfter[k & MASK];
    }

    /** Row {@code k} as a record. */
    public TradeEvent get(int k) {
        return new TradeEvent(time(k), symbol(k), side(k), type(k), reason(k), qty(k), price(k), fee(k), cashFlow(k),
                realizedPnl(k), positionAfter(k));
    }

    /** All rows as records, in ledger order (a new unmodifiable list). */
    public List<TradeEvent> events() {
        List<TradeEvent> out = new ArrayList<>(size);
        for (int k = 0; k < size; k++) {
            out.add(get(k));
        }
        return Collections.unmodifiableList(out);
    }

    /** The block holding row {@code k}, after checking that the row exists. */
    private Block block(int k) {
        if (k < 0 || k >= size) {
            throw new IndexOutOfBoundsException("ledger row " + k + " outside [0, " + size + ")");
        }
        return blocks[k >>> SHIFT];
    }
}
