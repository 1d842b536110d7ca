package io.quantlake.sim;

import io.quantlake.ledger.PositionSide;
import io.quantlake.market.Interval;
import io.quantlake.panel.Panel;
import io.quantlake.strategy.CandleWindow;
import io.quantlake.strategy.MarketSnapshot;
import io.quantlake.strategy.PortfolioState;
import java.util.Arrays;

/**
 * The engine's {@link MarketSnapshot} and {@link PortfolioState}: one flyweight re-pointed at each
 * decision bar. Each symbol's own bars are laid out once, compacted (CLI.md: "SMAs, returns and
 * momentum use each symbol's own bars", §12.9), so a window is a range of those arrays.
 */
final class EngineView implements MarketSnapshot, PortfolioState {
    private final SimState s;
    private final Panel panel;
    /** Own index per grid cell ({@code t * N + i}, -1 without a bar); only for symbols with gaps, else null. */
    private final int[] ownIndex;
    /** Symbols with gaps: their own bars copied, compacted; null for a symbol viewed in place. */
    private final long[][] ownTimes;
    private final double[][][] own;
    /** A symbol without gaps between its first and last bar is viewed in place in the panel's arrays. */
    private final boolean[] inPlace;
    private final CandleWindow[] windows;
    private final SignalExecutor pending;
    private int t;
    private double equity;

    EngineView(SimState s, SignalExecutor pending) {
        this.s = s;
        this.panel = s.panel;
        this.pending = pending;
        int n = s.n;
        this.ownTimes = new long[n][];
        this.own = new double[n][][];
        this.inPlace = new boolean[n];
        this.windows = new CandleWindow[n];
        boolean anyGaps = false;
        for (int i = 0; i < n; i++) {
            int first = panel.firstBar(i);
            inPlace[i] = first < 0 || panel.barCount(i) == panel.lastBar(i) - first + 1;
            anyGaps |= !inPlace[i];
            windows[i] = new CandleWindow();
        }
        this.ownIndex = anyGaps ? new int[s.bars * n] : null;
        double[][] src = {panel.open(), panel.high(), panel.low(), panel.close(), panel.volume()};
        for (int i = 0; i < n && anyGaps; i++) {
            if (inPlace[i]) {
                continue;
            }
            int count = panel.barCount(i);
            ownTimes[i] = new long[count];
            own[i] = new double[5][];
            for (int c = 0; c < 5; c++) {
                own[i][c] = new double[count];
            }
            int k = 0;
            for (int b = 0; b < s.bars; b++) {
                if (s.hasBar(b, i)) {
                    ownTimes[i][k] = s.times[b];
                    for (int c = 0; c < 5; c++) {
                        own[i][c][k] = src[c][b * n + i];
                    }
                    ownIndex[b * n + i] = k++;
                } else {
                    ownIndex[b * n + i] = -1;
                }
            }
        }
    }

    /** Own bars of symbol {@code k} up to and including grid bar {@code t}, where it has a bar at {@code t}. */
    int ownSize(int t, int k) {
        return inPlace[k] ? t - panel.firstBar(k) + 1 : ownIndex[t * s.n + k] + 1;
    }

    /** Points {@code w} at symbol {@code k}'s first {@code size} own bars. */
    CandleWindow point(CandleWindow w, int k, int size) {
        if (inPlace[k]) {
            int first = panel.firstBar(k);
            return w.reset(symbol(k), s.times, first, panel.open(), panel.high(), panel.low(), panel.close(),
                    panel.volume(), first * s.n + k, s.n, size);
        }
        double[][] o = own[k];
        return w.reset(symbol(k), ownTimes[k], o[0], o[1], o[2], o[3], o[4], 0, size);
    }

    /** Number of own bars of symbol {@code k} in the whole run. */
    int ownTotal(int k) {
        return inPlace[k] ? (panel.firstBar(k) < 0 ? 0 : panel.lastBar(k) - panel.firstBar(k) + 1) : ownTimes[k].length;
    }

    /** Own index of symbol {@code k}'s first bar at or after grid bar {@code t}; {@link #ownTotal} when none. */
    int ownAtOrAfter(int t, int k) {
        if (inPlace[k]) {
            int first = panel.firstBar(k);
            return first < 0 ? 0 : Math.min(Math.max(t - first, 0), ownTotal(k));
        }
        for (int b = t; b < s.bars; b++) {
            int own = ownIndex[b * s.n + k];
            if (own >= 0) {
                return own;
            }
        }
        return ownTimes[k].length;
    }

    /** Grid bar of symbol {@code k}'s own bar {@code own} ({@code 0 <= own < ownTotal(k)}). */
    int gridBar(int k, int own) {
        return inPlace[k] ? panel.firstBar(k) + own : Arrays.binarySearch(s.times, ownTimes[k][own]);
    }

    /** Re-points the view at decision bar {@code t} with equity {@code e}. */
    EngineView reset(int t, double e) {
        this.t = t;
        this.equity = e;
        return this;
    }

    /** The decision bar's row in the current panel ({@link #bar()} is its grid index). */
    int row() {
        return t;
    }

    @Override
    public int bar() {
        return s.offset + t;
    }

    @Override
    public long time() {
        return s.times[t];
    }

    @Override
    public Interval interval() {
        return panel.interval();
    }

    @Override
    public int symbolCount() {
        return s.n;
    }

    @Override
    public String symbol(int k) {
        return panel.symbols()[k];
    }

    @Override
    public boolean valid(int k) {
        return s.hasBar(t, k) && panel.exists(t, k);
    }

    @Override
    public CandleWindow window(int k) {
        if (!valid(k)) {
            throw new IllegalStateException(symbol(k) + " has no valid bar at " + java.time.Instant.ofEpochMilli(time()));
        }
        return point(windows[k], k, ownSize(t, k));
    }

    @Override
    public double feature(String name, int k) {
        double[] f = panel.features().get(name);
        return f == null ? Double.NaN : f[t * s.n + k];
    }

    @Override
    public double equity() {
        return equity;
    }

    @Override
    public double cash() {
        return s.account.cash();
    }

    @Override
    public double quantity(int k, PositionSide side) {
        return s.account.lot(Account.slot(k, side));
    }

    @Override
    public boolean pending(int k) {
        return pending.hasPending(k);
    }

    @Override
    public int heldCount() {
        return s.account.symbolsHeld();
    }

    @Override
    public int pendingCount() {
        if (!pending.anyPending()) {
            return 0;
        }
        int c = 0;
        for (int i = 0; i < s.n; i++) {
            c += !s.account.held(i) && pending.hasPending(i) ? 1 : 0;
        }
        return c;
    }
}
