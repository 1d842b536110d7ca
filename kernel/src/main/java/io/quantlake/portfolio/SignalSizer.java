package io.quantlake.portfolio;

import io.quantlake.ledger.PositionSide;
import io.quantlake.strategy.CandleWindow;
import io.quantlake.strategy.MarketSnapshot;
import io.quantlake.strategy.PortfolioState;
import io.quantlake.strategy.Signal;
import io.quantlake.strategy.SignalStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@code sizing:} section for signal and legacy strategies (issue 4 item 3): wraps a {@link SignalStrategy}
 * and re-sizes the entries it decides, leaving which symbols, which side, when, and every exit to the strategy.
 * A legacy strategy is wrapped through {@link io.quantlake.sim.LegacySignalAdapter} (its capacity rule still
 * decides which BUYs are taken; sizing decides how much each buys, instead of {@code 1/max_positions}).
 *
 * <p>Only {@code OPEN LONG} and {@code OPEN SHORT} signals are re-sized, to a {@link Signal.Weight} (fraction of
 * the decision equity {@code E_t}, R19); CLOSE, REBALANCE and HEDGE signals pass unchanged. Sizing never trades
 * a held lot by itself. At a decision bar with at least one entry:
 *
 * <ul>
 *   <li>{@code fixed_fraction}: each entry gets weight {@code fraction}.</li>
 *   <li>the other methods size the <i>book after the entries</i> as {@link WeightSizer} sizes one decision row:
 *       the selection is every valid symbol with an open lot or an entry, each with signed weight
 *       {@code v_j = (q_long + q_short) · close / E_t + Σ entries} (an entry's own size converted to a weight:
 *       {@code w}, or {@code q · close / E_t}; negative for SHORT), and the last {@code lookback} own-bar simple
 *       returns from its window (no look-ahead). The sized book weight {@code v*_j} of a symbol with entries gives
 *       them the part the held lots do not already have: every entry of symbol {@code j} is multiplied by
 *       {@code (v*_j − held_j) / (v_j − held_j)}; a factor {@code <= 0} (e.g. Kelly against the entry's side)
 *       drops them. With {@code vol_target} the whole book is scaled by one factor, so the entries keep the
 *       strategy's proportions (the method for strategies with hedged legs, such as {@code pair_trading}).</li>
 *   <li>An entry whose symbol has fewer than {@code lookback} returns is dropped (fixed_fraction excepted);
 *       held symbols without enough returns are left out of the selection.</li>
 *   <li>With {@code E_t <= 0} the signals pass unchanged (the engine skips weight-sized entries then).</li>
 * </ul>
 */
public final class SignalSizer extends SignalLayer {
    private final SizingSpec spec;
    private final WeightSizer sizer;

    public SignalSizer(SignalStrategy strategy, SizingSpec spec) {
        super(strategy);
        this.spec = Objects.requireNonNull(spec, "spec");
        this.sizer = new WeightSizer(spec);
    }

    @Override
    public List<Signal> generateSignals(MarketSnapshot snapshot, PortfolioState state) {
        List<Signal> signals = strategy.generateSignals(snapshot, state);
        boolean entries = false;
        for (Signal s : signals) {
            entries |= isEntry(s);
        }
        if (!entries || !(state.equity() > 0)) {
            return signals;
        }
        if (spec.method() == SizingMethod.FIXED_FRACTION) {
            List<Signal> out = new ArrayList<>(signals.size());
            for (Signal s : signals) {
                out.add(isEntry(s) ? resized(s, spec.fraction()) : s);
            }
            return out;
        }
        return sizeBook(snapshot, state, signals);
    }

    private List<Signal> sizeBook(MarketSnapshot snapshot, PortfolioState state, List<Signal> signals) {
        int n = snapshot.symbolCount();
        double equity = state.equity();
        double[] entryWeight = new double[n];
        double[] entryAbs = new double[n];
        int[] index = new int[signals.size()];
        for (int m = 0; m < signals.size(); m++) {
            Signal s = signals.get(m);
            index[m] = isEntry(s) ? validIndex(snapshot, s.symbol()) : -1;
            if (index[m] >= 0) {
                double w = weight(s.size(), snapshot.window(index[m]).lastClose(), equity);
                entryWeight[index[m]] += s.side() == Signal.Side.SHORT ? -w : w;
                entryAbs[index[m]] += w;
            }
        }
        int lb = spec.lookback();
        int[] sel = new int[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            boolean entry = entryAbs[i] > 0;
            if ((entry || state.held(i)) && snapshot.valid(i) && snapshot.window(i).size() > lb) {
                sel[k++] = i;
            }
        }
        double[] factor = new double[n];
        if (k > 0) {
            double[][] block = new double[lb][k];
            double[] v = new double[k];
            double[] held = new double[k];
            for (int j = 0; j < k; j++) {
                int i = sel[j];
                CandleWindow w = snapshot.window(i);
                held[j] = (state.quantity(i, PositionSide.LONG) + state.quantity(i, PositionSide.SHORT))
                        * w.lastClose() / equity;
                v[j] = held[j] + entryWeight[i];
                int last = w.size() - 1;
                for (int b = 0; b < lb; b++) {
                    int bar = last - lb + 1 + b;
                    block[b][j] = w.close(bar) / w.close(bar - 1) - 1;
                }
            }
            double[] sized = sizer.size(block, v, snapshot.interval().periodsPerYear());
            for (int j = 0; j < k; j++) {
                int i = sel[j];
                if (entryWeight[i] != 0) {
                    factor[i] = Math.max(0, (sized[j] - held[j]) / entryWeight[i]);
                }
            }
        }
        List<Signal> out = new ArrayList<>(signals.size());
        for (int m = 0; m < signals.size(); m++) {
            Signal s = signals.get(m);
            int i = index[m];
            if (i < 0) {
                out.add(s);
            } else if (factor[i] > 0) {
                double w = weight(s.size(), snapshot.window(i).lastClose(), equity) * factor[i];
                out.add(resized(s, w));
            }
        }
        return out;
    }

    private static boolean isEntry(Signal s) {
        return s.action() == Signal.Action.OPEN && s.side() != Signal.Side.HEDGE;
    }


    private static Signal resized(Signal s, double weight) {
        return s.withSize(new Signal.Weight(weight));
    }
}
