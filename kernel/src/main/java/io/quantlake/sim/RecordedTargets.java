package io.quantlake.sim;

import io.quantlake.spill.SpillFile;
import io.quantlake.strategy.TargetWeights;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * The targets a run recorded (targets.csv, SIMULATION.md §12.8, R25): the weight path's decided targets after the
 * R6/R7 0-forcing, one row of {@code symbols} weights per decision bar, in bar order; the signal paths record
 * none. Held either as the run's {@code bars × symbols} matrix (a run over one panel: the strategy's own matrix,
 * shared) or as the decision rows alone (a run in time blocks appends each block's rows, so its heap grows with
 * the decisions, not with the bars; no decision holds no row at all). A run in time blocks also writes every full
 * chunk of rows to a scratch file ({@link SpillFile}, about {@value #CHUNK_CELLS} weights a chunk) and reads chunks
 * back when they are read, so it holds the chunk being filled and one chunk read back whatever the decisions; read
 * such targets from one thread at a time. Read-only once the run has returned.
 */
public final class RecordedTargets {
    private final int bars;
    private final int symbols;
    /** The matrix the rows are read from; null when they are held row by row. */
    private final TargetWeights matrix;
    /** Weights per spilled chunk, at most (a chunk holds at least one row). */
    static final int CHUNK_CELLS = 1 << 15;
    /** The decision bars in increasing order; spilling, those of the chunk being filled. */
    private int[] decisionBars;
    /** Row {@code k}'s weights at {@code [k · symbols, (k + 1) · symbols)}; null with a matrix; spilling, the chunk being filled. */
    private double[] rows;
    private int count;
    /** Where full chunks of {@link #chunkRows} rows go; null: every row stays in {@link #rows}. */
    private final SpillFile spill;
    private final int chunkRows;
    /** Rows in the spill file (a multiple of {@link #chunkRows}). */
    private int spilledRows;
    /** The chunk read back last ({@link #cachedChunk}, -1: none): its decision bars and weights. */
    private int cachedChunk = -1;
    private int[] cachedBars;
    private double[] cachedRows;

    private RecordedTargets(int bars, int symbols, TargetWeights matrix, int[] decisionBars, double[] rows,
                            int count) {
        this(bars, symbols, matrix, decisionBars, rows, count, null, 0);
    }

    private RecordedTargets(int bars, int symbols, TargetWeights matrix, int[] decisionBars, double[] rows,
                            int count, SpillFile spill, int chunkRows) {
        if (bars < 0 || symbols < 0) {
            throw new IllegalArgumentException("recorded targets need bars and symbols >= 0, got " + bars + " × "
                    + symbols);
        }
        this.bars = bars;
        this.symbols = symbols;
        this.matrix = matrix;
        this.decisionBars = decisionBars;
        this.rows = rows;
        this.count = count;
        this.spill = spill;
        this.chunkRows = chunkRows;
    }

    /** The rows of {@code targets}' decision bars, read from its matrix (shared, not copied). */
    public static RecordedTargets of(TargetWeights targets) {
        Objects.requireNonNull(targets, "targets");
        boolean[] decision = targets.decision();
        int[] at = new int[decision.length];
        int k = 0;
        for (int t = 0; t < decision.length; t++) {
            if (decision[t]) {
                at[k++] = t;
            }
        }
        return new RecordedTargets(targets.bars(), targets.symbols(), targets, Arrays.copyOf(at, k), null, k);
    }

    /** No decision over {@code bars} bars of {@code symbols} symbols (the signal paths): no row is held. */
    public static RecordedTargets none(int bars, int symbols) {
        return new RecordedTargets(bars, symbols, null, new int[0], new double[0], 0);
    }

    /** An empty set of rows that {@link #append} fills in bar order. */
    static RecordedTargets rows(int bars, int symbols) {
        return new RecordedTargets(bars, symbols, null, new int[16], new double[16 * symbols], 0);
    }

    /**
     * An empty set of rows that {@link #append} fills in bar order, full chunks of about {@value #CHUNK_CELLS}
     * weights going to a scratch file (a run in time blocks).
     */
    static RecordedTargets spilling(int bars, int symbols) {
        return spilling(bars, symbols, Math.max(1, CHUNK_CELLS / Math.max(1, symbols)));
    }

    /** {@link #spilling(int, int)} with chunks of {@code chunkRows} rows. */
    static RecordedTargets spilling(int bars, int symbols, int chunkRows) {
        int first = Math.min(16, chunkRows);
        return new RecordedTargets(bars, symbols, null, new int[first], new double[first * symbols], 0,
                SpillFile.create("targets"), chunkRows);
    }

    /**
     * Appends the decision rows of {@code block} (the targets of a block panel's rows) at rows {@code [from, to)},
     * as grid bars {@code row + offset}; they must come after every row appended so far.
     */
    void append(TargetWeights block, int from, int to, int offset) {
        if (matrix != null) {
            throw new IllegalStateException("recorded targets read from a matrix take no rows");
        }
        boolean[] decision = block.decision();
        double[] w = block.weights();
        for (int t = from; t < to; t++) {
            if (!decision[t]) {
                continue;
            }
            int g = t + offset;
            int previous = count > 0 ? decisionBar(count - 1) : -1;
            if (g >= bars || g <= previous) {
                throw new IllegalArgumentException("decision at grid bar " + g + " after bar " + previous
                        + " of a grid of " + bars + " bars");
            }
            int at = count - spilledRows;
            if (spill != null && at == chunkRows) {
                spillChunk();
                at = 0;
            } else if (at == decisionBars.length) {
                int grown = spill != null ? Math.min(chunkRows, 2 * at) : 2 * count;
                decisionBars = Arrays.copyOf(decisionBars, grown);
                rows = Arrays.copyOf(rows, grown * symbols);
            }
            decisionBars[at] = g;
            System.arraycopy(w, t * symbols, rows, at * symbols, symbols);
            count++;
        }
    }

    /** Bytes of one spilled chunk: its decision bars, then its weights. */
    private int chunkBytes() {
        return chunkRows * (4 + 8 * symbols);
    }

    /** Writes the full chunk being filled to the spill file. */
    private void spillChunk() {
        ByteBuffer b = ByteBuffer.allocate(chunkBytes());
        b.asIntBuffer().put(decisionBars, 0, chunkRows);
        b.position(4 * chunkRows);
        b.asDoubleBuffer().put(rows, 0, chunkRows * symbols);
        b.clear();
        spill.append(b);
        spilledRows += chunkRows;
    }

    /** The index in {@link #cachedBars} / {@link #cachedRows} of spilled row {@code k}, its chunk read back if need be. */
    private int cached(int k) {
        int c = k / chunkRows;
        if (cachedChunk != c) {
            if (cachedBars == null) {
                cachedBars = new int[chunkRows];
                cachedRows = new double[chunkRows * symbols];
            }
            cachedChunk = -1;
            ByteBuffer b = ByteBuffer.allocate(chunkBytes());
            spill.read((long) c * chunkBytes(), b);
            b.flip();
            b.asIntBuffer().get(cachedBars);
            b.position(4 * chunkRows);
            b.asDoubleBuffer().get(cachedRows);
            cachedChunk = c;
        }
        return k - c * chunkRows;
    }

    /** Number of grid bars T. */
    public int bars() {
        return bars;
    }

    /** Number of universe symbols N. */
    public int symbols() {
        return symbols;
    }

    /** Number of decision bars (rows). */
    public int decisions() {
        return count;
    }

    /** The grid bar of decision {@code k} ({@code 0 <= k < decisions()}), increasing in {@code k}. */
    public int decisionBar(int k) {
        if (k < 0 || k >= count) {
            throw new IndexOutOfBoundsException("decision " + k + " of " + count);
        }
        if (k >= spilledRows) {
            return decisionBars[k - spilledRows];
        }
        int j = cached(k); // before reading the field: the first call allocates the cache
        return cachedBars[j];
    }

    /** The target weight of symbol {@code i} at decision {@code k} (NaN: no opinion, keep the position). */
    public double weight(int k, int i) {
        int t = decisionBar(k);
        if (i < 0 || i >= symbols) {
            throw new IndexOutOfBoundsException("symbol " + i + " of " + symbols);
        }
        if (matrix != null) {
            return matrix.weights()[t * symbols + i];
        }
        if (k >= spilledRows) {
            return rows[(k - spilledRows) * symbols + i];
        }
        int j = cached(k);
        return cachedRows[j * symbols + i];
    }

    /**
     * The doubles this object holds of its own, {@code 8 ·} decision rows {@code · symbols} (plus spare capacity)
     * for rows appended (the chunk being filled and a chunk read back when spilling), 0 for a shared matrix; for
     * the block run's heap checks.
     */
    long ownCells() {
        return (rows == null ? 0 : rows.length) + (cachedRows == null ? 0 : cachedRows.length);
    }

    /**
     * The targets as a {@code bars × symbols} matrix ({@link TargetWeights}, NaN at every bar without a decision):
     * the shared matrix itself, else a new one built from the rows ({@code 8 · bars · symbols} bytes).
     */
    public TargetWeights matrix() {
        if (matrix != null) {
            return matrix;
        }
        TargetWeights out = TargetWeights.none(bars, symbols);
        for (int k = 0; k < count; k++) {
            int t = decisionBar(k);
            out.decision()[t] = true;
            for (int i = 0; i < symbols; i++) {
                out.weights()[t * symbols + i] = weight(k, i);
            }
        }
        return out;
    }
}
