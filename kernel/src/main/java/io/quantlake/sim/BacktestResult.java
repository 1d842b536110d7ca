package io.quantlake.sim;

import io.quantlake.ledger.Ledger;
import io.quantlake.market.Interval;
import io.quantlake.strategy.TargetWeights;
import java.util.Objects;
import java.util.function.DoubleConsumer;

/**
 * The outcome of one backtest: one equity row per grid bar (values as of the bar's close, after
 * a liquidation), the ledger and the recorded targets.
 *
 * <p>The equity rows are either given as arrays or, for a run that only records the account's
 * state where it changes ({@link AccountPath}), computed on first access to any of them with the
 * bar loop's own mark-to-market arithmetic (the same operations in the same order, so the same
 * doubles), or, for a run in time blocks, held in a scratch file ({@link EquitySpill}) with the ledger's and the
 * recorded targets' rows ({@link Ledger#spillTo}, {@link RecordedTargets}): read them in ranges of bars with
 * {@link #readRows}, which holds no array over all bars; the whole-array accessors ({@link #equity()} …) read
 * every row into arrays kept by the result. The arrays returned are the result's own: callers must treat them
 * as read-only.
 */
public final class BacktestResult {
    private final Interval interval;
    private final long[] times;
    private final String[] symbols;
    private final double capital;
    private final Ledger ledger;
    private final RecordedTargets targets;
    /** The targets as a matrix, once read ({@link #targets()}). */
    private volatile TargetWeights matrix;
    /** The rows given to the constructor, else null. */
    private final Rows given;
    /** The compact account path the rows are computed from; null when they are given. */
    private final AccountPath path;
    /** The rows written to a scratch file by a run in time blocks; null otherwise. */
    private final EquitySpill spilled;
    /** The rows computed from {@link #path} or read from {@link #spilled}, once read. */
    private volatile Rows computed;

    /** The six equity columns. */
    record Rows(double[] equity, double[] cash, double[] gross, double[] net, double[] leverage, boolean[] invested) {
    }

    /**
     * @param interval the bar interval
     * @param times    bar open times, UTC epoch ms (the panel's array, shared: read-only)
     * @param symbols  the universe in order
     * @param capital  initial cash
     * @param equity   {@code E_t = C_t + Σ q_i close_i,t} (last known close where missing)
     * @param cash     {@code C_t}
     * @param gross    {@code G_t = Σ |q_i| close_i,t}
     * @param net      {@code Σ q_i close_i,t}
     * @param leverage {@code G_t / E_t}
     * @param invested whether any net quantity {@code q_i} is non-zero after bar {@code t} (R28)
     * @param ledger   every position or cash change
     * @param targets  weight path: the decided targets after R6/R7 forcing; other paths: no decision
     */
    public BacktestResult(Interval interval, long[] times, String[] symbols, double capital, double[] equity,
                          double[] cash, double[] gross, double[] net, double[] leverage, boolean[] invested,
                          Ledger ledger, TargetWeights targets) {
        this(interval, times, symbols, capital, equity, cash, gross, net, leverage, invested, ledger,
                RecordedTargets.of(targets));
    }

    /** A result with its recorded targets as decision rows ({@link RecordedTargets}); the rest as above. */
    public BacktestResult(Interval interval, long[] times, String[] symbols, double capital, double[] equity,
                          double[] cash, double[] gross, double[] net, double[] leverage, boolean[] invested,
                          Ledger ledger, RecordedTargets targets) {
        this(interval, times, symbols, capital, ledger, targets, new Rows(equity, cash, gross, net, leverage, invested),
                null, null);
        int t = times.length;
        if (equity.length != t || cash.length != t || gross.length != t || net.length != t || leverage.length != t
                || invested.length != t) {
            throw new IllegalArgumentException("equity columns must have one value per bar (" + t + ")");
        }
    }

    /** A result whose equity rows are computed from {@code path} on first access. */
    BacktestResult(Interval interval, long[] times, String[] symbols, double capital, AccountPath path, Ledger ledger,
                   RecordedTargets targets) {
        this(interval, times, symbols, capital, ledger, targets, null, Objects.requireNonNull(path, "path"), null);
    }

    /** A result whose equity rows are in {@code spilled} (one per bar of {@code times}), read back on access. */
    BacktestResult(Interval interval, long[] times, String[] symbols, double capital, EquitySpill spilled,
                   Ledger ledger, RecordedTargets targets) {
        this(interval, times, symbols, capital, ledger, targets, null, null, Objects.requireNonNull(spilled, "spilled"));
        if (spilled.rows() != times.length) {
            throw new IllegalArgumentException("equity rows must have one value per bar (" + times.length + "), "
                    + spilled.rows() + " were written");
        }
    }

    private BacktestResult(Interval interval, long[] times, String[] symbols, double capital, Ledger ledger,
                           RecordedTargets targets, Rows given, AccountPath path, EquitySpill spilled) {
        this.interval = Objects.requireNonNull(interval, "interval");
        this.times = Objects.requireNonNull(times, "times");
        this.symbols = Objects.requireNonNull(symbols, "symbols");
        this.capital = capital;
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.targets = Objects.requireNonNull(targets, "targets");
        if (targets.bars() != times.length || targets.symbols() != symbols.length) {
            throw new IllegalArgumentException("recorded targets are " + targets.bars() + " bars × "
                    + targets.symbols() + " symbols but the run is " + times.length + " × " + symbols.length);
        }
        this.given = given;
        this.path = path;
        this.spilled = spilled;
    }

    private Rows rows() {
        if (given != null) {
            return given;
        }
        Rows r = computed;
        if (r == null) {
            synchronized (this) {
                r = computed;
                if (r == null) {
                    r = path != null ? path.rows() : readAll();
                    computed = r;
                }
            }
        }
        return r;
    }

    /** Every spilled row as arrays. */
    private Rows readAll() {
        int t = times.length;
        Rows r = new Rows(new double[t], new double[t], new double[t], new double[t], new double[t], new boolean[t]);
        spilled.read(0, t, r.equity(), r.cash(), r.gross(), r.net(), r.leverage(), r.invested());
        return r;
    }

    /**
     * Copies the equity rows of bars {@code [from, to)} into the arrays from index 0 (a null array is skipped):
     * the way to read a run in time blocks chunk by chunk without arrays over all its bars (the other results
     * copy from their arrays).
     */
    public void readRows(int from, int to, double[] equity, double[] cash, double[] gross, double[] net,
                         double[] leverage, boolean[] invested) {
        if (from < 0 || to > times.length || from > to) {
            throw new IndexOutOfBoundsException("equity rows [" + from + ", " + to + ") of " + times.length + " bars");
        }
        Rows r = spilled != null ? computed : rows();
        if (r == null) {
            spilled.read(from, to, equity, cash, gross, net, leverage, invested);
            return;
        }
        int len = to - from;
        if (equity != null) {
            System.arraycopy(r.equity(), from, equity, 0, len);
        }
        if (cash != null) {
            System.arraycopy(r.cash(), from, cash, 0, len);
        }
        if (gross != null) {
            System.arraycopy(r.gross(), from, gross, 0, len);
        }
        if (net != null) {
            System.arraycopy(r.net(), from, net, 0, len);
        }
        if (leverage != null) {
            System.arraycopy(r.leverage(), from, leverage, 0, len);
        }
        if (invested != null) {
            System.arraycopy(r.invested(), from, invested, 0, len);
        }
    }

    /** Bars per chunk of {@link #forEachEquity} and of readers going through the rows chunk by chunk. */
    public static final int CHUNK_BARS = 8192;

    /** Gives each bar's equity {@code E_t} to {@code each} in bar order, read chunk by chunk ({@link #readRows}). */
    public void forEachEquity(DoubleConsumer each) {
        int t = times.length;
        double[] e = new double[Math.min(t, CHUNK_BARS)];
        for (int from = 0; from < t; from += CHUNK_BARS) {
            int to = Math.min(t, from + CHUNK_BARS);
            readRows(from, to, e, null, null, null, null, null);
            for (int k = 0; k < to - from; k++) {
                each.accept(e[k]);
            }
        }
    }

    /**
     * Whether the equity rows, the ledger's full blocks and the recorded targets' full chunks are in scratch files
     * (a run in time blocks): read the rows chunk by chunk ({@link #readRows}, {@link #forEachEquity}) and the
     * ledger in row order to keep the heap flat.
     */
    public boolean spilled() {
        return spilled != null;
    }

    /**
     * Whether arrays over all bars of the equity rows are held (given, computed, or read back by a whole-array
     * accessor); for the heap checks of a run in time blocks.
     */
    public boolean rowsInMemory() {
        return given != null || computed != null;
    }

    /** The bar interval. */
    public Interval interval() {
        return interval;
    }

    /** Bar open times, UTC epoch ms (the panel's array, shared: read-only). */
    public long[] times() {
        return times;
    }

    /** The universe in order. */
    public String[] symbols() {
        return symbols;
    }

    /** Initial cash (quote currency). */
    public double capital() {
        return capital;
    }

    /** {@code E_t = C_t + Σ q_i close_i,t} after bar {@code t} (last known close where missing). */
    public double[] equity() {
        return rows().equity();
    }

    /** Cash {@code C_t} after bar {@code t}. */
    public double[] cash() {
        return rows().cash();
    }

    /** Gross exposure {@code G_t = Σ |q_i| close_i,t}. */
    public double[] gross() {
        return rows().gross();
    }

    /** Net exposure {@code Σ q_i close_i,t}. */
    public double[] net() {
        return rows().net();
    }

    /** Leverage {@code G_t / E_t}. */
    public double[] leverage() {
        return rows().leverage();
    }

    /** Whether any net quantity {@code q_i} is non-zero after bar {@code t} (R28). */
    public boolean[] invested() {
        return rows().invested();
    }

    /** Every position or cash change. */
    public Ledger ledger() {
        return ledger;
    }

    /**
     * Weight path: the decided targets after R6/R7 forcing, one row per decision bar; other paths: no decision
     * (no row). What targets.csv writes; read-only.
     */
    public RecordedTargets recordedTargets() {
        return targets;
    }

    /**
     * {@link #recordedTargets()} as a {@code bars × symbols} matrix (NaN at bars without a decision; read-only):
     * the strategy's own matrix for a weight run over one panel, else built on first call
     * ({@code 8 · bars · symbols} bytes, which a run in time blocks otherwise never holds).
     */
    public TargetWeights targets() {
        TargetWeights m = matrix;
        if (m == null) {
            synchronized (this) {
                m = matrix;
                if (m == null) {
                    m = targets.matrix();
                    matrix = m;
                }
            }
        }
        return m;
    }

    /**
     * This result with {@code targets} as its recorded targets; the equity rows (given or still to be computed
     * from the account path), the ledger and every other field are kept.
     */
    public BacktestResult withTargets(TargetWeights targets) {
        return new BacktestResult(interval, times, symbols, capital, ledger, RecordedTargets.of(targets),
                given != null ? given : computed, path, spilled);
    }

    public int bars() {
        return times.length;
    }

    /** Equity after the last bar. */
    public double finalEquity() {
        double[] e = new double[1];
        readRows(times.length - 1, times.length, e, null, null, null, null, null);
        return e[0];
    }

    @Override
    public String toString() {
        return "BacktestResult[interval=" + interval + ", bars=" + times.length + ", symbols=" + symbols.length
                + ", capital=" + capital + ", ledger rows=" + ledger.size() + "]";
    }
}
