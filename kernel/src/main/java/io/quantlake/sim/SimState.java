package io.quantlake.sim;

import io.quantlake.market.Market;
import io.quantlake.panel.BlockContext;
import io.quantlake.panel.Panel;
import java.util.Arrays;

/**
 * The mutable state of one run shared by the steps of the bar loop: the account, the last known
 * closes (R9), the symbol filters as primitive arrays, the circuit-breaker state and scratch
 * arrays. Package-private: one instance per {@link Simulator#run} call.
 */
final class SimState {
    /** §13 preamble: an order whose notional is below this fraction of {@code E'} is skipped. */
    static final double DUST = 1e-9;

    /** The panel the bars are read from: the whole panel, or in a block run the current block ({@link #point}). */
    Panel panel;
    final SimConfig config;
    final Account account;
    final int n;
    /** Rows of {@link #panel}: bar indices {@code t} below are rows of it, {@code [0, bars)}. */
    int bars;
    /** {@link #panel}'s open times (UTC epoch ms). */
    long[] times;
    double[] open;
    double[] close;
    /** The whole grid's open times (the panel's own in a one-panel run) and the grid index of {@link #panel}'s row 0. */
    final long[] gridTimes;
    int offset;
    final boolean spot;
    final boolean atClose;
    /**
     * Last known close per symbol (R9), NaN before the symbol's first bar; read it through
     * {@link #lastClose(int)}. While {@link #lastCloseRow} is set, the array lags behind that row.
     */
    private final double[] lastClose;
    /**
     * {@code t · n} when the last known closes are exactly the closes of the complete bar row {@code t}
     * ({@link #takeCloses} at a bar where every symbol has a bar) and {@link #lastClose} has not been brought up to
     * date yet; -1 when {@link #lastClose} is current. Saves copying a row per bar when nobody reads it.
     */
    private int lastCloseRow = -1;
    /** Scratch: execution prices of the current execution step. */
    final double[] px;
    /** Per symbol: the row of its delisting bar (R5), {@link Integer#MAX_VALUE} when it has none (it may be negative in a block after it). */
    final int[] delistBar;
    final double[] stepSize;
    final double[] minNotional;
    /** Circuit breaker: symbols whose lots must be closed at their next execution. */
    final boolean[] flatten;
    /** {@link Panel#exists}: symbol {@code i} exists at rows {@code [existsFrom[i], existsTo[i])}. */
    final int[] existsFrom;
    final int[] existsTo;
    /** From this row on every symbol has had a bar, so {@link #lastClose} and {@link #px} are finite. */
    int allListedFrom;
    /** The symbols with a delisting bar (R5), in universe order. */
    final int[] delisting;
    /** Row of the last circuit-breaker trip and last row of its cooldown (entries refused at rows {@code (tripBar, cooldownEnd]}). */
    int cooldownEnd = -1;
    int tripBar = -1;
    /** The grid's listing bounds in a block run; null for a one-panel run. */
    private final BlockContext context;

    SimState(Panel panel, SimConfig config) {
        this(panel, config, null);
    }

    /**
     * The state of a run over {@code panel}, or with a {@code context} of a block run whose first block is
     * {@code panel} (a block panel of that context, {@link Panel#asBlock}).
     */
    SimState(Panel panel, SimConfig config, BlockContext context) {
        this.config = config;
        this.context = context;
        this.n = panel.symbolCount();
        this.gridTimes = context != null ? context.times() : panel.times();
        this.spot = config.market() == Market.SPOT;
        this.atClose = config.executionPrice() == ExecutionPrice.CLOSE;
        this.account = new Account(panel.symbols(), gridTimes, config);
        this.lastClose = new double[n];
        Arrays.fill(lastClose, Double.NaN);
        this.px = new double[n];
        this.delistBar = new int[n];
        this.stepSize = new double[n];
        this.minNotional = new double[n];
        this.flatten = new boolean[n];
        this.existsFrom = new int[n];
        this.existsTo = new int[n];
        int delisted = 0;
        for (int i = 0; i < n; i++) {
            int d = context != null ? context.delistingBar(i) : panel.delistingBar(i);
            delisted += d >= 0 ? 1 : 0;
            SymbolFilter f = config.filter(panel.symbols()[i]);
            stepSize[i] = f.stepSize();
            minNotional[i] = f.minNotional();
        }
        this.delisting = new int[delisted];
        for (int i = 0, k = 0; i < n; i++) {
            if ((context != null ? context.delistingBar(i) : panel.delistingBar(i)) >= 0) {
                delisting[k++] = i;
            }
        }
        point(panel);
    }

    /**
     * Points the state at {@code panel}: the whole panel, or the next block of a block run (its rows follow the
     * previous block's). Bar indices kept across bars (the breaker's trip, the lots' fill bars) move to the new
     * block's rows; the last known closes (R9) are kept.
     */
    void point(Panel panel) {
        int shift = panel.offset() - offset;
        if (this.panel != null) {
            materializeLastClose();
            tripBar -= shift;
            cooldownEnd -= shift;
            account.shiftBars(shift);
        }
        this.panel = panel;
        this.offset = panel.offset();
        this.bars = panel.bars();
        this.times = panel.times();
        this.open = panel.open();
        this.close = panel.close();
        int listed = 0;
        for (int i = 0; i < n; i++) {
            int first;
            int d;
            if (context != null) {
                first = context.firstBar(i) < 0 ? Integer.MAX_VALUE : context.firstBar(i) - offset;
                d = context.delistingBar(i) < 0 ? Integer.MAX_VALUE : context.delistingBar(i) - offset;
            } else {
                first = panel.firstBar(i) < 0 ? Integer.MAX_VALUE : panel.firstBar(i);
                d = panel.delistingBar(i) < 0 ? Integer.MAX_VALUE : panel.delistingBar(i);
            }
            delistBar[i] = d;
            existsFrom[i] = first;
            existsTo[i] = d;
            listed = Math.max(listed, first);
        }
        this.allListedFrom = listed;
        this.account.barOffset(offset);
    }

    /** The open time (UTC epoch ms) of the grid bar after row {@code t}, or {@code t}'s open plus one interval after the grid's last bar (R4). */
    long nextOpen(int t) {
        int g = offset + t + 1;
        return g < gridTimes.length ? gridTimes[g] : times[t] + panel.interval().millis();
    }

    /**
     * The bar's closes become the last known closes (R9) where it has one: at the end of step 2 of
     * §12.2 (the exits inside the bar still see the previous ones). A complete row is only noted
     * ({@link #lastCloseRow}), not copied.
     */
    void takeCloses(int t) {
        int row = t * n;
        if (panel.complete(t)) {
            lastCloseRow = row;
            return;
        }
        materializeLastClose();
        for (int i = 0; i < n; i++) {
            double c = close[row + i];
            if (c == c) {
                lastClose[i] = c;
            }
        }
    }

    /**
     * {@link #takeCloses} for the bars {@code [from, to)} at once, which no step reads in between
     * (the legacy event loop skips them): each symbol's last close before {@code to}.
     */
    void takeClosesOfSkippedBars(int from, int to) {
        materializeLastClose();
        takeCloses(close, n, from, to, lastClose);
    }

    /**
     * Brings {@code last} from the last known closes before bar {@code from} to those before bar
     * {@code to} (R9), {@code close[b · n + i]} the close of symbol {@code i} at bar {@code b} (NaN: none).
     */
    static void takeCloses(double[] close, int n, int from, int to, double[] last) {
        for (int i = 0; i < n; i++) {
            for (int b = to - 1; b >= from; b--) {
                double c = close[b * n + i];
                if (c == c) {
                    last[i] = c;
                    break;
                }
            }
        }
    }

    /** Brings {@link #lastClose} up to date with the row noted in {@link #lastCloseRow}. */
    private void materializeLastClose() {
        if (lastCloseRow >= 0) {
            System.arraycopy(close, lastCloseRow, lastClose, 0, n);
            lastCloseRow = -1;
        }
    }

    /** The last known close of symbol {@code i} (R9) after the latest {@link #takeCloses}; NaN before its first bar. */
    double lastClose(int i) {
        return lastCloseRow >= 0 ? close[lastCloseRow + i] : lastClose[i];
    }

    /** Equity {@code C + Σ q_i · lastClose_i} (R9), summed as {@link Account#equity(double[])}. */
    double equityAtLastCloses() {
        return lastCloseRow >= 0 ? account.equity(close, lastCloseRow) : account.equity(lastClose, 0);
    }

    /**
     * Step 6: marks the account to the last known closes after bar {@code t}'s step 2, straight from
     * the panel's close row when it is a complete row (the same numbers, no copy).
     */
    void markToMarket(int t) {
        if (lastCloseRow >= 0) {
            account.mark(close, lastCloseRow, true);
        } else {
            account.mark(lastClose, 0, allListed(t));
        }
    }

    /** Whether every symbol has had a bar at or before {@code t} (the last closes are then all finite). */
    boolean allListed(int t) {
        return t >= allListedFrom;
    }

    /** {@link Panel#exists(int, int)} from the cached bounds. */
    boolean exists(int t, int i) {
        return t >= existsFrom[i] && t < existsTo[i];
    }

    boolean hasBar(int t, int i) {
        return !Double.isNaN(close[t * n + i]);
    }

    /** Whether symbol {@code i} is at or after its delisting bar at {@code t} (R6: its orders are dropped). */
    boolean delisted(int t, int i) {
        return t >= delistBar[i];
    }

    /** Fills {@link #px} with execution prices: the bar's open (or close) where it has one, else the last close (R9). */
    void executionPrices(int t, boolean useClose) {
        double[] src = useClose ? close : open;
        if (panel.complete(t)) {
            System.arraycopy(src, t * n, px, 0, n);
            return;
        }
        double[] last = lastCloseRow >= 0 ? close : lastClose;
        int off = Math.max(lastCloseRow, 0);
        for (int i = 0; i < n; i++) {
            int k = t * n + i;
            px[i] = Double.isNaN(close[k]) ? last[off + i] : src[k];
        }
    }

    /** Whether entries (orders that open or increase a lot) are refused at bar {@code t} (§9 cooldown). */
    boolean entriesBlocked(int t) {
        return t > tripBar && t <= cooldownEnd;
    }

    /**
     * Applies the order filters to {@code dq} at price {@code p}: rounding toward zero to the step
     * size, the minimum notional, and the dust rule ({@code |dq| p < 1e-9 E'}, §13). Returns the
     * order to place, 0 when it is skipped.
     */
    double filter(int i, double dq, double p, double eRef) {
        double step = stepSize[i];
        if (!Double.isNaN(step)) {
            dq = Math.copySign(Math.floor(Math.abs(dq) / step) * step, dq);
        }
        double notional = Math.abs(dq) * p;
        if (notional < minNotional[i] || notional < DUST * eRef) {
            return 0;
        }
        return dq;
    }

    /** Closes every lot of symbol {@code i} at raw price {@code p} by market orders (long lot first). */
    void closeSymbol(int t, int i, double p, io.quantlake.ledger.TradeEventType type, io.quantlake.ledger.Reason reason) {
        account.closeAtMarket(t, 2 * i, p, type, reason);
        account.closeAtMarket(t, 2 * i + 1, p, type, reason);
    }
}
