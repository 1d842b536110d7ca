package io.quantlake.sim;

import io.quantlake.exit.TPSLExitStrategy;
import io.quantlake.market.Interval;
import io.quantlake.strategy.CandleWindow;
import io.quantlake.strategy.LegacyDecision;
import io.quantlake.strategy.LegacyStrategy;
import io.quantlake.strategy.MarketSnapshot;
import io.quantlake.strategy.PortfolioState;
import io.quantlake.strategy.SeriesLegacyStrategy;
import io.quantlake.strategy.Signal;
import io.quantlake.strategy.SignalStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs a {@link LegacyStrategy} through the signal path with the legacy portfolio manager's
 * rules (CLI.md {@code sma_cross_tpsl}, R19): at each decision bar, {@code decide} is called in
 * universe order for every valid symbol with at least {@code warmupBars()} own bars (valid: a bar
 * at {@code t}, existing, R6/R7); a BUY is ignored when the symbol is held or has a pending BUY,
 * and accepted while held positions plus accepted BUYs not yet filled stay below
 * {@code maxPositions}. An accepted BUY becomes {@code OPEN LONG} sized {@code 1/maxPositions} of
 * the decision equity (the engine then cuts it to the cash at the fill) with the exit chain
 * {@code TPSL(tp, sl, stop_first)} (R21).
 */
public final class LegacySignalAdapter implements SignalStrategy {
    private final LegacyStrategy strategy;
    private final int maxPositions;
    /** The size of every accepted BUY: {@code 1 / maxPositions} of the decision equity. */
    private final Signal.Weight entrySize;
    /** Whether a {@link SeriesLegacyStrategy}'s prepared deciders are used (false: its {@code decide} at every bar). */
    private final boolean useDeciders;
    /** The run whose deciders are prepared (the fast path of a {@link SeriesLegacyStrategy}). */
    private EngineView preparedFor;
    private SeriesLegacyStrategy.Decider[] deciders;

    public LegacySignalAdapter(LegacyStrategy strategy, int maxPositions) {
        this(strategy, maxPositions, true);
    }

    /** {@code deciders} false: the plain path, {@link LegacyStrategy#decide} on a window at every valid bar. */
    LegacySignalAdapter(LegacyStrategy strategy, int maxPositions, boolean deciders) {
        this.useDeciders = deciders;
        this.strategy = Objects.requireNonNull(strategy, "strategy");
        if (maxPositions < 1) {
            throw new IllegalArgumentException("max_positions must be >= 1, got " + maxPositions);
        }
        this.maxPositions = maxPositions;
        this.entrySize = new Signal.Weight(1.0 / maxPositions);
    }

    @Override
    public List<Signal> generateSignals(MarketSnapshot snapshot, PortfolioState state) {
        Signal first = null;
        List<Signal> more = null;
        int capacity = maxPositions - state.heldCount() - state.pendingCount();
        // The engine's own view with a SeriesLegacyStrategy: ask each symbol's prepared decider.
        EngineView view = useDeciders && strategy instanceof SeriesLegacyStrategy && snapshot instanceof EngineView v ? v : null;
        int warmup = strategy.warmupBars();
        for (int k = 0; k < snapshot.symbolCount(); k++) {
            if (!snapshot.valid(k)) {
                continue;
            }
            LegacyDecision d;
            if (view != null) {
                int size = view.ownSize(view.row(), k);
                if (size < warmup) {
                    continue;
                }
                d = decider(view, k).decide(size);
            } else {
                CandleWindow w = snapshot.window(k);
                if (w.size() < warmup) {
                    continue;
                }
                d = strategy.decide(w, snapshot.interval());
            }
            if (d == null || state.held(k) || state.pending(k) || capacity <= 0) {
                continue;
            }
            Signal buy = Signal.open(snapshot.symbol(k), Signal.Side.LONG, entrySize,
                    List.of(TPSLExitStrategy.absolute(d.takeProfit(), d.stopLoss(), TPSLExitStrategy.BothHit.STOP_FIRST)));
            if (first == null) {
                first = buy;
            } else {
                if (more == null) {
                    more = new ArrayList<>();
                    more.add(first);
                }
                more.add(buy);
            }
            capacity--;
        }
        return first == null ? List.of() : more == null ? List.of(first) : more;
    }

    /**
     * The first grid bar {@code >= from} at which {@link #generateSignals} may act on symbol {@code k}
     * in {@code view}'s run: a BUY or a decider's side effect, or with {@code ignored} (its BUYs are
     * ignored, {@link #buysIgnored}) a side effect only. At the valid bars of {@code k} in between,
     * the call has no effect. {@code from} itself for a strategy without a prepared decider;
     * {@link Integer#MAX_VALUE} when none is left.
     */
    int nextDecisionBar(EngineView view, int k, int from, boolean ignored) {
        if (!(strategy instanceof SeriesLegacyStrategy)) {
            return from;
        }
        int total = view.ownTotal(k);
        int size = Math.max(view.ownAtOrAfter(from, k) + 1, strategy.warmupBars());
        if (size > total) {
            return Integer.MAX_VALUE;
        }
        SeriesLegacyStrategy.Decider d = decider(view, k);
        int next = ignored ? d.nextSideEffect(size) : d.nextDecision(size);
        return next > total ? Integer.MAX_VALUE : Math.max(from, view.gridBar(k, next - 1));
    }

    /** Whether {@link #generateSignals} ignores a BUY of symbol {@code k} in {@code state}: held, pending, or no capacity left. */
    boolean buysIgnored(PortfolioState state, int k) {
        return state.held(k) || state.pending(k) || maxPositions - state.heldCount() - state.pendingCount() <= 0;
    }

    /** Symbol {@code k}'s decider over its whole own series in {@code view}'s run, prepared on first use. */
    private SeriesLegacyStrategy.Decider decider(EngineView view, int k) {
        if (preparedFor != view) {
            preparedFor = view;
            deciders = new SeriesLegacyStrategy.Decider[view.symbolCount()];
        }
        SeriesLegacyStrategy.Decider d = deciders[k];
        if (d == null) {
            CandleWindow series = view.point(new CandleWindow(), k, view.ownTotal(k));
            d = ((SeriesLegacyStrategy) strategy).prepare(series, view.interval());
            deciders[k] = d;
        }
        return d;
    }

    /** The wrapped strategy's own decision, so the adapter can also stand as a LegacyStrategy. */
    @Override
    public LegacyDecision decide(CandleWindow window, Interval interval) {
        return strategy.decide(window, interval);
    }

    @Override
    public int warmupBars() {
        return strategy.warmupBars();
    }
}
