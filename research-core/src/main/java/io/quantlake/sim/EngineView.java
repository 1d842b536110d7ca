package io.quantlake.sim;

import io.quantlake.ledger.PositionSide;
import io.quantlake.market.Interval;
import io.quantlake.panel.Panel;
import io.quantlake.strategy.CandleWindow;
import io.quantlake.strategy.MarketSnapshot;
import io.quantlake.strategy.PortfolioState;

/**
 * The engine's {@link MarketSnapshot} and {@link PortfolioState}: one flyweight re-pointed at each
 * decision bar. Each symbol's own bars are laid out once, compacted (CLI.md: "SMAs, returns and
 * momentum use each symbol's own bars", §12.9), so a window is a range of those arrays.
 */
final class EngineView implements MarketSnapshot, PortfolioState {
    private final SimState s;
    private final Panel panel;
    private final int[] ownIndex;
    private final long[][] ownTimes;
    private final double[][][] own;
    private final CandleWindow[] windows;
    private final SignalExecutor pending;
    private int t;
    private double equity;

    EngineView(SimState s, SignalExecutor pending) {
        this.s = s;
        this.panel = s.panel;
        this.pending = pending;
        int n = s.n;
        this.ownIndex = new int[s.bars * n];
        this.ownTimes = new long[n][];
        this.own = new double[n][5][];
        this.windows = new CandleWindow[n];
        double[][] src = {panel.open(), panel.high(), panel.low(), panel.close(), panel.volume()};
        for (int i = 0; i < n; i++) {
            int count = 0;
            for (int b = 0; b < s.bars; b++) {
                count += s.hasBar(b, i) ? 1 : 0;
            }
            ownTimes[i] = new long[count];
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
            windows[i] = new CandleWindow();
        }
    }

    /** Re-points the view at decision bar {@code t} with equity {@code e}. */
    EngineView reset(int t, double e) {
        this.t = t;
        this.equity = e;
        return this;
    }

    @Override
    public int bar() {
        return t;
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
        int size = ownIndex[t * s.n + k] + 1;
        double[][] o = own[k];
        return windows[k].reset(symbol(k), ownTimes[k], o[0], o[1], o[2], o[3], o[4], 0, size);
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
        int c = 0;
        for (int i = 0; i < s.n; i++) {
            c += s.account.held(i) ? 1 : 0;
        }
        return c;
    }

    @Override
    public int pendingCount() {
        int c = 0;
        for (int i = 0; i < s.n; i++) {
            c += !s.account.held(i) && pending.hasPending(i) ? 1 : 0;
        }
        return c;
    }
}
