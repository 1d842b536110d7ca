package io.quantlake.sim;

import io.quantlake.strategy.TargetWeights;
import java.util.Arrays;
import java.util.Objects;

/**
 * The targets a run recorded (targets.csv, SIMULATION.md §12.8, R25): the weight path's decided targets after the
 * R6/R7 0-forcing, one row of {@code symbols} weights per decision bar, in bar order; the signal paths record
 * none. Held either as the run's {@code bars × symbols} matrix (a run over one panel: the strategy's own matrix,
 * shared) or as the decision rows alone (a run in time blocks appends each block's rows, so its heap grows with
 * the decisions, not with the bars; no decision holds no row at all). Read-only once the run has returned.
 */
public final class RecordedTargets {
    private final int bars;
    private final int symbols;
    /** The matrix the rows are read from; null when they are held row by row. */
    private final TargetWeights matrix;
    /** The decision bars in increasing order ({@link #decisions()} of them). */
    private int[] decisionBars;
    /** Row {@code k}'s weights at {@code [k · symbols, (k + 1) · symbols)}; null with a matrix. */
    private double[] rows;
    private int count;

    private RecordedTargets(int bars, int symbols, TargetWeights matrix, int[] decisionBars, double[] rows,
                            int count) {
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

    /** An empty set of rows that {@link #append} fills in bar order (a run in time blocks). */
    static RecordedTargets rows(int bars, int symbols) {
        return new RecordedTargets(bars, symbols, null, new int[16], new double[16 * symbols], 0);
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
            if (g >= bars || (count > 0 && g <= decisionBars[count - 1])) {
                throw new IllegalArgumentException("decision at grid bar " + g + " after bar "
                        + (count > 0 ? decisionBars[count - 1] : -1) + " of a grid of " + bars + " bars");
            }
            if (count == decisionBars.length) {
                decisionBars = Arrays.copyOf(decisionBars, 2 * count);
                rows = Arrays.copyOf(rows, 2 * count * symbols);
            }
            decisionBars[count] = g;
            System.arraycopy(w, t * symbols, rows, count * symbols, symbols);
            count++;
        }
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
        return decisionBars[k];
    }

    /** The target weight of symbol {@code i} at decision {@code k} (NaN: no opinion, keep the position). */
    public double weight(int k, int i) {
        int t = decisionBar(k);
        if (i < 0 || i >= symbols) {
            throw new IndexOutOfBoundsException("symbol " + i + " of " + symbols);
        }
        return matrix != null ? matrix.weights()[t * symbols + i] : rows[k * symbols + i];
    }

    /**
     * The doubles this object holds of its own, {@code 8 ·} decision rows {@code · symbols} (plus spare capacity)
     * for rows appended, 0 for a shared matrix; for the block run's heap checks.
     */
    long ownCells() {
        return rows == null ? 0 : rows.length;
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
            out.decision()[decisionBars[k]] = true;
            System.arraycopy(rows, k * symbols, out.weights(), decisionBars[k] * symbols, symbols);
        }
        return out;
    }
}
