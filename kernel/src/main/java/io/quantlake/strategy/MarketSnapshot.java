package io.quantlake.strategy;

import io.quantlake.market.Interval;

/**
 * What a {@link SignalStrategy} sees at the close of decision bar {@link #bar()}: each universe
 * symbol's own bars up to and including that bar. A flyweight the engine re-points at each bar;
 * do not keep it (or its windows) across calls.
 */
public interface MarketSnapshot {
    /** Grid index of the decision bar (in a run in time blocks, its index in the whole window's grid). */
    int bar();

    /** Open time of the decision bar, UTC epoch ms. */
    long time();

    Interval interval();

    int symbolCount();

    /** Symbol {@code k} in universe order. */
    String symbol(int k);

    /**
     * Whether symbol {@code k} can be decided on: it has a bar at the decision bar and exists
     * there (R7: listed, not at or after its delisting bar). Signals for other symbols are dropped.
     */
    boolean valid(int k);

    /** The own-bar window of symbol {@code k} ending at the decision bar; only when {@link #valid(int)}. */
    CandleWindow window(int k);

    /** Value of panel feature {@code name} for symbol {@code k} at the decision bar; NaN when absent. */
    double feature(String name, int k);

    /** A snapshot of one symbol's window, as {@link SignalStrategy#decide} builds it. */
    static MarketSnapshot of(CandleWindow window, Interval interval) {
        return new MarketSnapshot() {
            @Override
            public int bar() {
                return window.size() - 1;
            }

            @Override
            public long time() {
                return window.time(window.size() - 1);
            }

            @Override
            public Interval interval() {
                return interval;
            }

            @Override
            public int symbolCount() {
                return 1;
            }

            @Override
            public String symbol(int k) {
                java.util.Objects.checkIndex(k, 1);
                return window.symbol();
            }

            @Override
            public boolean valid(int k) {
                return k == 0;
            }

            @Override
            public CandleWindow window(int k) {
                java.util.Objects.checkIndex(k, 1);
                return window;
            }

            @Override
            public double feature(String name, int k) {
                return Double.NaN;
            }
        };
    }
}
