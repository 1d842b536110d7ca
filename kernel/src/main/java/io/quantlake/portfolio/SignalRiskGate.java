package io.quantlake.portfolio;

import io.quantlake.ledger.PositionSide;
import io.quantlake.risk.RiskManager;
import io.quantlake.risk.RiskRule;
import io.quantlake.strategy.MarketSnapshot;
import io.quantlake.strategy.PortfolioState;
import io.quantlake.strategy.Signal;
import io.quantlake.strategy.SignalStrategy;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code risk:} caps for signal and legacy strategies (issue 4 item 5; DESIGN.md "signals or weights →
 * RiskManager"): wraps a {@link SignalStrategy} and, at each bar where it decides something, caps the book its
 * signals would leave with {@link RiskManager} — the same rules, in the same order, as for target weights.
 *
 * <p>At decision bar {@code t} with equity {@code E_t > 0}: each valid symbol's book weight after the signals is
 * {@code p_i = (q_long + q_short) · close / E_t}, minus what its CLOSE signals take off, with its REBALANCE
 * targets, plus its entries ({@code OPEN LONG} positive, {@code OPEN SHORT} negative; a quantity converted at
 * the close). HEDGE lots and symbols without a bar at {@code t} are left out (held weight 0, signals passed
 * through). The risk manager caps {@code p} to {@code w}; for each symbol it reduced, by
 * {@code r = |p_i| − |w_i|}:
 * <ol>
 *   <li>its entries in the direction of {@code p_i} shrink first (all by one factor; dropped at 0);</li>
 *   <li>what is left of {@code r} is taken off the held lot on that side by a CLOSE of
 *       {@code r · E_t / close} units with reason {@code risk_<rule>} (a {@code PARTIAL_CLOSE} row, or
 *       {@code CLOSE} when it takes the whole lot), filled with the bar's other orders.</li>
 * </ol>
 * The signals of one bar are read as one net change per lot, in list order; a bar that both closes and reopens
 * the same lot is read as close-then-open, while the kernel fills sells before buys (a short lot's OPEN, a sell,
 * before its CLOSE, a buy), so such a bar can end with other weights than the caps assumed. Bars without
 * signals are not checked (as the weight path caps at its decisions only), so a position that
 * drifts above a cap is trimmed at the strategy's next decision. Counts of symbols capped per rule are kept for
 * the {@link PortfolioReport}.
 */
public final class SignalRiskGate extends SignalLayer {
    /** Reductions below this fraction of equity are not traded (the kernel's dust rule, §13). */
    private static final double DUST = 1e-9;

    private final RiskManager risk;
    private final Map<RiskRule, Long> capped = new EnumMap<>(RiskRule.class);

    public SignalRiskGate(SignalStrategy strategy, RiskManager risk) {
        super(strategy);
        this.risk = Objects.requireNonNull(risk, "risk");
    }

    /** Symbols whose book weight each rule reduced, summed over decisions (first rule that fired). */
    public Map<RiskRule, Long> capped() {
        return Map.copyOf(capped);
    }

    @Override
    public List<Signal> generateSignals(MarketSnapshot snapshot, PortfolioState state) {
        List<Signal> signals = strategy.generateSignals(snapshot, state);
        double equity = state.equity();
        if (signals.isEmpty() || !(equity > 0)) {
            return signals;
        }
        int n = snapshot.symbolCount();
        double[] price = new double[n];
        double[] longW = new double[n];
        double[] shortW = new double[n];
        double[] book = new double[n];
        for (int i = 0; i < n; i++) {
            if (snapshot.valid(i)) {
                price[i] = snapshot.window(i).lastClose();
                longW[i] = state.quantity(i, PositionSide.LONG) * price[i] / equity;
                shortW[i] = state.quantity(i, PositionSide.SHORT) * price[i] / equity;
                book[i] = longW[i] + shortW[i];
            }
        }
        double[] entry = new double[n];
        int[] index = new int[signals.size()];
        for (int m = 0; m < signals.size(); m++) {
            Signal s = signals.get(m);
            int i = index[m] = s.side() == Signal.Side.HEDGE ? -1 : validIndex(snapshot, s.symbol());
            if (i < 0) {
                continue;
            }
            boolean isLong = s.side() == Signal.Side.LONG;
            double lot = isLong ? longW[i] : shortW[i];
            double sign = isLong ? 1 : -1;
            double after = switch (s.action()) {
                case OPEN -> lot;
                case CLOSE -> s.size() instanceof Signal.All ? 0
                        : lot - sign * Math.min(weight(s.size(), price[i], equity), Math.abs(lot));
                case REBALANCE -> sign * weight(s.size(), price[i], equity);
            };
            if (s.action() == Signal.Action.OPEN) {
                entry[i] += sign * weight(s.size(), price[i], equity);
            }
            book[i] += after - lot;
            if (isLong) {
                longW[i] = after;
            } else {
                shortW[i] = after;
            }
        }
        double[] proposed = new double[n];
        for (int i = 0; i < n; i++) {
            proposed[i] = book[i] + entry[i];
        }
        double[] w = proposed.clone();
        RiskRule[] fired = new RiskRule[n];
        risk.apply(snapshot.bar(), w, fired);
        double[] entryFactor = new double[n];
        java.util.Arrays.fill(entryFactor, 1);
        List<Signal> out = new ArrayList<>(signals.size() + 1);
        for (int i = 0; i < n; i++) {
            if (fired[i] == null) {
                continue;
            }
            capped.merge(fired[i], 1L, Long::sum);
            double r = Math.abs(proposed[i]) - Math.abs(w[i]);
            double along = entry[i] * proposed[i] > 0 ? Math.abs(entry[i]) : 0;
            double cut = Math.min(r, along);
            if (along > 0) {
                entryFactor[i] = (along - cut) / along;
            }
            r -= cut;
            double lot = proposed[i] > 0 ? longW[i] : shortW[i]; // the lot left by the strategy's own signals
            if (r > DUST && lot * proposed[i] > 0) {
                Signal.Side side = proposed[i] > 0 ? Signal.Side.LONG : Signal.Side.SHORT;
                boolean whole = r >= Math.abs(lot) * (1 - 1e-9); // no dust lot left by the weight round trip
                out.add(whole ? new Signal(snapshot.symbol(i), side, Signal.Action.CLOSE, new Signal.All(), List.of(),
                        fired[i].reason()) : Signal.reduce(snapshot.symbol(i), side, r * equity / price[i],
                        fired[i].reason()));
            }
        }
        for (int m = 0; m < signals.size(); m++) {
            Signal s = signals.get(m);
            int i = index[m];
            if (i < 0 || s.action() != Signal.Action.OPEN || entryFactor[i] == 1) {
                out.add(s);
            } else if (entryFactor[i] > 0) {
                out.add(s.withSize(new Signal.Weight(weight(s.size(), price[i], equity) * entryFactor[i])));
            }
        }
        return out;
    }

}
