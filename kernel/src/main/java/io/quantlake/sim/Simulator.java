package io.quantlake.sim;

import io.quantlake.ledger.Reason;
import io.quantlake.ledger.TradeEventType;
import io.quantlake.market.Market;
import io.quantlake.panel.Panel;
import io.quantlake.strategy.TargetWeights;
import java.util.Objects;

/**
 * The simulation kernel: one engine for the three strategy tiers (SIMULATION.md). Pure Java over
 * the panel's primitive arrays; the weight path allocates nothing per bar.
 *
 * <p>Bar loop (§12.2), for each grid bar {@code t}:
 * <ol>
 *   <li>fills at the open of orders decided earlier ({@code next_open}): circuit-breaker closes,
 *       pending conditional exits, pending signals, pending target weights;</li>
 *   <li>exits inside the bar (TP/SL, trailing, time), universe order, long lot before short lot;</li>
 *   <li>delisting closes at the close (R5), pending orders of the symbol dropped (R6);</li>
 *   <li>funding (usdm, §8);</li>
 *   <li>decisions at the close; with {@code execution.price: close}, circuit-breaker closes and the
 *       fills of these decisions;</li>
 *   <li>mark to market at the close (last known close where missing, R9);</li>
 *   <li>liquidation check (usdm, R26);</li>
 *   <li>the equity row, then the circuit-breaker check (§9).</li>
 * </ol>
 * A legacy run that {@link LegacyEventLoop} applies to runs there instead: the same steps at the
 * bars where something can happen, the same results. In a spot weight run without circuit breaker
 * or delistings, two consecutive quiet bars (no pending order, no decision, every symbol with a
 * bar: steps 1–5 do nothing) are marked in one pass over the net quantities
 * ({@link RowValue#lanesTwoRows}), each row with its own sums in the same order.
 */
public final class Simulator {
    private Simulator() {
    }

    /** Runs one backtest of {@code input} over {@code panel} with {@code config}. */
    public static BacktestResult run(Panel panel, SimConfig config, StrategyInput input) {
        Objects.requireNonNull(panel, "panel");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(input, "input");
        SimState s = new SimState(panel, config);
        WeightExecutor weights = null;
        SignalExecutor signals = null;
        if (input instanceof StrategyInput.Weights w) {
            weights = new WeightExecutor(s, w.targets());
        } else if (input instanceof StrategyInput.Legacy l) {
            LegacySignalAdapter adapter = new LegacySignalAdapter(l.strategy(), l.maxPositions());
            signals = new SignalExecutor(s, adapter);
            if (LegacyEventLoop.applies(s, l)) {
                return LegacyEventLoop.run(s, signals, adapter);
            }
        } else {
            signals = new SignalExecutor(s, ((StrategyInput.Signals) input).strategy());
        }
        return loop(s, weights, signals);
    }

    /** {@link #run} of a legacy strategy through the bar loop, every bar (the reference for {@link LegacyEventLoop}). */
    static BacktestResult runEveryBar(Panel panel, SimConfig config, StrategyInput.Legacy input) {
        SimState s = new SimState(panel, config);
        return loop(s, null, new SignalExecutor(s, new LegacySignalAdapter(input.strategy(), input.maxPositions())));
    }

    /**
     * Runs target weights through a {@link DecisionHook} (risk manager, position optimizer, hedge
     * overlay) called at each decision; everything else is {@link #run(Panel, SimConfig, StrategyInput)}.
     */
    public static BacktestResult run(Panel panel, SimConfig config, StrategyInput.Weights input, DecisionHook hook) {
        Objects.requireNonNull(panel, "panel");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(hook, "hook");
        SimState s = new SimState(panel, config);
        return loop(s, new WeightExecutor(s, input.targets(), hook), null);
    }

    /** Key of the all-NaN targets of the signal paths among the panel's {@link Panel#derived() derived values}. */
    private record NoTargets(int bars, int n) {
    }

    /**
     * {@link TargetWeights#none} of the signal paths: an all-NaN matrix (9 MB at 1M bars), computed
     * once per panel and shared by its runs (read-only, like the panel).
     */
    static TargetWeights noTargets(SimState s) {
        return s.panel.derived().computeIfAbsent(new NoTargets(s.bars, s.n), (long) s.bars * s.n,
                p -> TargetWeights.none(s.bars, s.n));
    }

    /**
     * Step 3 (R5, R6): closes every symbol delisted at bar {@code t} at its last close and drops its pending
     * orders in the executors present (null: absent).
     */
    static void closeDelisted(SimState s, int t, WeightExecutor weights, SignalExecutor signals) {
        for (int i : s.delisting) {
            if (s.delistBar[i] == t) {
                s.closeSymbol(t, i, s.lastClose()[i], TradeEventType.CLOSE, Reason.DELISTED);
                s.flatten[i] = false;
                if (weights != null) {
                    weights.dropPending(i);
                }
                if (signals != null) {
                    signals.dropPending(i);
                }
            }
        }
    }

    /**
     * Whether bars {@code t} and {@code t + 1} can be summed in one pass ({@link RowValue#lanesTwoRows}):
     * both exist and are complete rows (every price finite), and no symbol is net short.
     */
    private static boolean completePair(SimState s, int t) {
        return t + 1 < s.bars && s.account.noShorts() && s.panel.complete(t) && s.panel.complete(t + 1);
    }

    private static BacktestResult loop(SimState s, WeightExecutor weights, SignalExecutor signals) {
        int bars = s.bars;
        int n = s.n;
        Account a = s.account;
        boolean usdm = s.config.market() == Market.USDM;
        FundingStep funding = usdm ? new FundingStep(s) : null;
        if (funding != null && !funding.active()) {
            funding = null; // no record in the window and missing funding counts as zero: nothing to charge
        }
        Breaker breaker = new Breaker(s, weights, signals);
        double mm = s.config.maintenanceMargin();
        double[] equity = new double[bars];
        double[] cash = new double[bars];
        double[] gross = new double[bars];
        double[] net = new double[bars];
        double[] leverage = new double[bars];
        boolean[] invested = new boolean[bars];
        // Quiet bars of a spot weight run without breaker or delistings (no pending order, no decision, every symbol
        // with a bar): only the mark and the row, two bars per pass over the net quantities (the same doubles).
        boolean quietPairs = weights != null && signals == null && !usdm && s.config.circuitBreaker() == null
                && s.delisting.length == 0;
        double[] pair = new double[2];
        for (int t = 0; t < bars; t++) {
            if (quietPairs && completePair(s, t) && weights.idle(t, t + 1)) {
                RowValue.lanesTwoRows(a.netQuantities(), s.close, t * n, s.close, (t + 1) * n, pair);
                s.updateLastClose(t + 1);
                double c = a.cash();
                boolean any = a.anyNet();
                for (int j = 0; j < 2; j++) {
                    double e = c + pair[j];
                    equity[t + j] = e;
                    cash[t + j] = c;
                    gross[t + j] = pair[j];
                    net[t + j] = pair[j];
                    leverage[t + j] = pair[j] / e;
                    invested[t + j] = any;
                }
                t++;
                continue;
            }
            // 1. fills at the open
            if (!s.atClose) {
                breaker.flatten(t, false);
                if (signals != null) {
                    signals.fillAtOpen(t);
                }
                if (weights != null) {
                    weights.execute(t, false);
                }
            }
            // 2. exits inside the bar
            if (signals != null) {
                signals.exitsInBar(t);
            }
            s.updateLastClose(t);
            // 3. delisting closes
            closeDelisted(s, t, weights, signals);
            // 4. funding
            if (funding != null) {
                funding.charge(t);
            }
            // 5. decisions at the close (and their fills with execution.price: close)
            if (s.atClose) {
                breaker.flatten(t, true);
            }
            if (signals != null) {
                signals.decide(t);
            }
            if (weights != null) {
                weights.decide(t);
                if (s.atClose) {
                    weights.execute(t, true);
                }
            }
            // 6. mark to market, 7. liquidation
            if (quietPairs && !s.atClose && weights.pendingOrders() && completePair(s, t)) {
                // the next bar executes orders at its open: its E' sums the same q with that open row, in this pass
                RowValue.lanesTwoRows(a.netQuantities(), s.close, t * n, s.open, (t + 1) * n, pair);
                a.markNet(pair[0]);
                weights.presetOpenValue(t + 1, pair[1]);
            } else {
                s.markToMarket(t);
            }
            double e = a.markedEquity();
            double g = a.markedGross();
            if (usdm && g > 0 && e <= mm * g) {
                double[] last = s.lastClose();
                for (int i = 0; i < n; i++) {
                    s.closeSymbol(t, i, last[i], TradeEventType.LIQUIDATION, Reason.LIQUIDATION);
                }
                s.markToMarket(t);
                e = a.markedEquity();
                g = a.markedGross();
            }
            // 8. equity row; R28: "any q != 0", q the net quantity (§3)
            double netExposure = a.markedNet();
            boolean any = a.markedAny();
            equity[t] = e;
            cash[t] = a.cash();
            gross[t] = g;
            net[t] = netExposure;
            leverage[t] = g / e;
            invested[t] = any;
            breaker.check(t, e);
        }
        TargetWeights targets = weights != null ? weights.recordedTargets() : noTargets(s);
        // The grid times are the panel's (shared read-only, like the panel's own arrays).
        return new BacktestResult(s.panel.interval(), s.times, s.panel.symbols().clone(), s.config.capital(),
                equity, cash, gross, net, leverage, invested, a.ledger(), targets);
    }
}
