package io.quantlake.ledger;

import io.quantlake.spill.SpillFile;
import java.nio.ByteBuffer;
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
 *
 * <p>A ledger may {@link #spillTo spill} its full blocks to a scratch file (a run in time blocks): it then holds the
 * block being written and one block read back, whatever its size; reads in row order read each block once.
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

        /** The block's bytes in a spill file: the columns one after another. */
        static final int BYTES = BLOCK_ROWS * (8 + 4 + 3 + 6 * 8);

        void writeTo(ByteBuffer b) {
            b.clear();
            b.asLongBuffer().put(time);
            b.position(b.position() + 8 * BLOCK_ROWS);
            b.asIntBuffer().put(symbol);
            b.position(b.position() + 4 * BLOCK_ROWS);
            b.put(side).put(type).put(reason);
            for (double[] c : new double[][] {qty, price, fee, cashFlow, realizedPnl, positionAfter}) {
                b.asDoubleBuffer().put(c);
                b.position(b.position() + 8 * BLOCK_ROWS);
            }
            b.flip();
        }

        void readFrom(ByteBuffer b) {
            b.asLongBuffer().get(time);
            b.position(b.position() + 8 * BLOCK_ROWS);
            b.asIntBuffer().get(symbol);
            b.position(b.position() + 4 * BLOCK_ROWS);
            b.get(side).get(type).get(reason);
            for (double[] c : new double[][] {qty, price, fee, cashFlow, realizedPnl, positionAfter}) {
                b.asDoubleBuffer().get(c);
                b.position(b.position() + 8 * BLOCK_ROWS);
            }
        }
    }

    private final String[] symbols;
    /** The grid of a ledger written by bar index ({@link #addAtBar}): {@link Block#time} holds indexes into it; else null. */
    private final long[] grid;
    private int size;
    private Block[] blocks = new Block[4];
    /** The block that row {@link #size} goes to (null until the first row). */
    private Block last;
    /** Where full blocks go when spilling ({@link #spillTo}); null: every block stays in {@link #blocks}. */
    private SpillFile spill;
    /** The spilled block read back last ({@link #cachedIndex}), and its index (-1: none). */
    private Block cached;
    private int cachedIndex = -1;

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
            if (spill != null && b > 0) {
                spillBlock(b - 1);
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

    /**
     * From now on, every full block of rows (these already written included) goes to {@code file}, which this
     * ledger then owns, and is read back from it when a row of it is read; only the block being written stays.
     * The rows read back share one cached block: read a spilling ledger from one thread at a time.
     */
    public synchronized void spillTo(SpillFile file) {
        if (spill != null) {
            throw new IllegalStateException("this ledger already spills");
        }
        spill = file;
        for (int b = 0; b < size >>> SHIFT; b++) {
            spillBlock(b);
        }
    }

    /** Writes full block {@code b} to the spill file (it is the file's next block) and lets it go. */
    private void spillBlock(int b) {
        if (spill.size() != (long) b * Block.BYTES) {
            throw new IllegalStateException("ledger block " + b + " is not the next in its spill file of "
                    + spill.size() + " bytes");
        }
        ByteBuffer bytes = ByteBuffer.allocate(Block.BYTES);
        blocks[b].writeTo(bytes);
        spill.append(bytes);
        blocks[b] = null;
    }

    /** Rows held in memory: the block being written and a block read back (for the heap checks of a spilling run). */
    public synchronized int residentRows() {
        int held = 0;
        for (Block b : blocks) {
            held += b != null ? BLOCK_ROWS : 0;
        }
        return held + (cached != null ? BLOCK_ROWS : 0);
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

    /** The block holding row {@code k}, after checking that the row exists; read back when it was spilled. */
    private Block block(int k) {
        if (k < 0 || k >= size) {
            throw new IndexOutOfBoundsException("ledger row " + k + " outside [0, " + size + ")");
        }
        Block b = blocks[k >>> SHIFT];
        return b != null ? b : spilled(k >>> SHIFT);
    }

    /** Spilled block {@code b}, read back into the one cached block unless it is there already. */
    private synchronized Block spilled(int b) {
        if (cachedIndex != b) {
            if (cached == null) {
                cached = new Block();
            }
            cachedIndex = -1;
            ByteBuffer bytes = ByteBuffer.allocate(Block.BYTES);
            spill.read((long) b * Block.BYTES, bytes);
            bytes.flip();
            cached.readFrom(bytes);
            cachedIndex = b;
        }
        return cached;
    }
}
