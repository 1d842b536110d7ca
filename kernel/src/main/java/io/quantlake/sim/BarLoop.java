package io.quantlake.sim;

import io.quantlake.ledger.Reason;
import io.quantlake.ledger.TradeEventType;
import io.quantlake.market.Market;
import io.quantlake.strategy.TargetWeights;

/**
 * The bar loop of SIMULATION.md §12.2, one method per step in the contract's order; for each grid
 * bar {@code t}:
 * <ol>
 *   <li>{@link #fillAtOpen}: fills at the open of orders decided earlier ({@code next_open});</li>
 *   <li>{@link #exitsInsideBar}: exits inside the bar (§7);</li>
 *   <li>{@link #delistingCloses}: delisting closes (R5, R6);</li>
 *   <li>{@link #funding}: funding (usdm, §8, §12.3);</li>
 *   <li>{@link #decideAtClose}: decisions at the close and, with {@code execution.price: close}, their fills;</li>
 *   <li>{@link #markToMarket}: mark to market (§3, R9);</li>
 *   <li>{@link #checkLiquidation}: liquidation check (usdm, §3, R26);</li>
 *   <li>{@link #writeEquityRow}: the equity row;</li>
 * </ol>
 * then {@link #checkCircuitBreaker} on that row's equity (§9). Between steps 2 and 3 the bar's
 * closes become the last known closes ({@link #takeCloses}, R9).
 *
 * <p>Fast paths, each behind one call and each equal to this loop bit for bit (switched off for
 * the plain path): {@link QuietBars} (quiet bars of a spot weight run), {@link BandPrefilter} (in
 * the weight executor's band step) and, for legacy strategies, {@link LegacyEventLoop}, which runs
 * these same step methods at the bars where something can happen.
 */
final class BarLoop {
    private final SimState s;
    private final Account account;
    /** The executors of the run's strategy tier; null where absent. */
    private final WeightExecutor weights;
    private final SignalExecutor signals;
    /** Null in spot, or when nothing is ever charged (no record in the window and {@code funding.missing: zero}). */
    private final FundingStep funding;
    private final Breaker breaker;
    /** The quiet-bar fast path; null where it does not apply or on the plain path. */
    private final QuietBars quiet;
    private final boolean usdm;
    private final double maintenanceMargin;

    BarLoop(SimState s, WeightExecutor weights, SignalExecutor signals, boolean fastPaths) {
        this(s, weights, signals, fastPaths, funding(s), new Breaker(s, weights, signals));
    }

    /**
     * A loop over the rows of {@code s}'s current panel with the run's funding step and breaker (a block run
     * keeps them, and their state, from block to block).
     */
    BarLoop(SimState s, WeightExecutor weights, SignalExecutor signals, boolean fastPaths, FundingStep funding,
            Breaker breaker) {
        this.s = s;
        this.account = s.account;
        this.weights = weights;
        this.signals = signals;
        this.usdm = s.config.market() == Market.USDM;
        this.funding = funding;
        this.breaker = breaker;
        this.quiet = fastPaths ? QuietBars.of(s, weights, signals) : null;
        this.maintenanceMargin = s.config.maintenanceMargin();
    }

    /** The funding step of a run of {@code s}: null in spot, or when nothing is ever charged. */
    static FundingStep funding(SimState s) {
        FundingStep f = s.config.market() == Market.USDM ? new FundingStep(s) : null;
        return f != null && f.active() ? f : null;
    }

    /** Runs every grid bar through the steps. */
    BacktestResult run() {
        EquityRows rows = new EquityRows(s.bars);
        run(0, rows);
        TargetWeights targets = weights != null ? weights.recordedTargets() : noTargets(s);
        // The grid times are the panel's (shared read-only, like the panel's own arrays).
        return new BacktestResult(s.panel.interval(), s.times, s.panel.symbols().clone(), s.config.capital(),
                rows.equity, rows.cash, rows.gross, rows.net, rows.leverage, rows.invested, account.ledger(), targets);
    }

    /** Runs the rows {@code [from, s.bars)} of the current panel through the steps, writing their equity rows. */
    void run(int from, EquityRows rows) {
        for (int t = from; t < s.bars; t++) {
            if (quiet != null && quiet.markPair(t, rows)) {
                t++; // bars t and t + 1 are marked and written
                continue;
            }
            fillAtOpen(t);
            exitsInsideBar(t);
            takeCloses(t);
            delistingCloses(t);
            funding(t);
            decideAtClose(t);
            markToMarket(t);
            checkLiquidation(t);
            writeEquityRow(t, rows);
            checkCircuitBreaker(t);
        }
    }

    /**
     * Step 1 (§2, {@code execution.price: next_open} only): at the open of {@code t}, the circuit
     * breaker's closes (§9), then the signal path's pending conditional exits and signals, then the
     * pending target weights (§5); orders of symbols without a bar at {@code t} are carried (R8).
     */
    void fillAtOpen(int t) {
        if (s.atClose) {
            return;
        }
        breaker.flatten(t, false);
        if (signals != null) {
            signals.fillAtOpen(t);
        }
        if (weights != null) {
            weights.execute(t, false, quiet != null ? quiet.openValue(t) : Double.NaN);
        }
    }

    /** Step 2 (§7, R17, R18): the exit chains of the open lots inside bar {@code t}, universe order, long lot first. */
    void exitsInsideBar(int t) {
        if (signals != null) {
            signals.exitsInBar(t);
        }
    }

    /** R9, after step 2: the closes of bar {@code t} become the last known closes where it has them. */
    void takeCloses(int t) {
        s.takeCloses(t);
    }

    /**
     * Step 3 (R5, R6): every symbol delisted at bar {@code t} is closed at its last close (market order,
     * §12.4), and its pending orders are dropped.
     */
    void delistingCloses(int t) {
        for (int i : s.delisting) {
            if (s.delistBar[i] == t) {
                s.closeSymbol(t, i, s.lastClose(i), TradeEventType.CLOSE, Reason.DELISTED);
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

    /** Step 4 (usdm, §8, §12.3, R3, R4): the funding payments of the funding times in bar {@code t}. */
    void funding(int t) {
        if (funding != null) {
            funding.charge(t);
        }
    }

    /**
     * Step 5 (§2, §5): the decisions at the close of {@code t}. With {@code execution.price: close}
     * the circuit breaker's closes come first and the decisions fill at once at this close.
     */
    void decideAtClose(int t) {
        if (s.atClose) {
            breaker.flatten(t, true);
        }
        if (signals != null) {
            signals.decide(t);
        }
        if (weights != null) {
            weights.decide(t);
            if (s.atClose) {
                weights.execute(t, true, Double.NaN);
            }
        }
    }

    /** Step 6 (§2, §3, R9): marks the account at the last known closes of bar {@code t}. */
    void markToMarket(int t) {
        if (quiet == null || !quiet.markWithNextOpen(t)) {
            s.markToMarket(t);
        }
    }

    /**
     * Step 7 (usdm, §3, §12.4, R26): when {@code E_t <= maintenance_margin · G_t} with {@code G_t > 0},
     * every position is closed at its last known close, event {@code LIQUIDATION}, and the account is marked again.
     */
    void checkLiquidation(int t) {
        double g = account.markedGross();
        if (!usdm || !(g > 0 && account.markedEquity() <= maintenanceMargin * g)) {
            return;
        }
        for (int i = 0; i < s.n; i++) {
            s.closeSymbol(t, i, s.lastClose(i), TradeEventType.LIQUIDATION, Reason.LIQUIDATION);
        }
        s.markToMarket(t);
    }

    /** Step 8 (§3, R28): the equity row of bar {@code t}, as of its close (after a liquidation, §12.4). */
    void writeEquityRow(int t, EquityRows rows) {
        rows.write(t, account.markedEquity(), account.cash(), account.markedGross(), account.markedNet(),
                account.markedAny());
    }

    /** §9: the circuit breaker's trip conditions on the equity of bar {@code t}'s row. */
    void checkCircuitBreaker(int t) {
        breaker.check(t, account.markedEquity());
    }

    /** Key of the all-NaN targets of the signal paths among the panel's {@link io.quantlake.panel.Panel#derived() derived values}. */
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
}
