package io.quantlake.sim;

import static io.quantlake.sim.Fixtures.DAY;
import static io.quantlake.sim.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.exit.ConditionalExitStrategy;
import io.quantlake.exit.ExitStrategy;
import io.quantlake.exit.TPSLExitStrategy;
import io.quantlake.exit.TimeBasedExitStrategy;
import io.quantlake.exit.TrailingStopExitStrategy;
import io.quantlake.ledger.Ledger;
import io.quantlake.ledger.LedgerReplay;
import io.quantlake.ledger.PositionSide;
import io.quantlake.market.Interval;
import io.quantlake.market.Market;
import io.quantlake.panel.Panel;
import io.quantlake.panel.PanelBuilder;
import io.quantlake.schedule.RebalanceMode;
import io.quantlake.schedule.RebalanceRule;
import io.quantlake.strategy.MarketSnapshot;
import io.quantlake.strategy.PortfolioState;
import io.quantlake.strategy.Signal;
import io.quantlake.strategy.SignalStrategy;
import io.quantlake.strategy.TargetWeights;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Invariants of the kernel on random panels and random weight and signal streams (jqwik). */
class KernelProperties {

    /** A random daily panel (symbol S0 spans the whole grid): late listings, early delistings and (when {@code gaps}) missing bars inside. */
    static Panel panel(Random rnd, int symbols, int bars, boolean gaps) {
        String[] names = new String[symbols];
        for (int i = 0; i < symbols; i++) {
            names[i] = "S" + i;
        }
        PanelBuilder b = Panel.builder(Interval.D1, names);
        for (int i = 0; i < symbols; i++) {
            int first = i == 0 ? 0 : rnd.nextInt(bars / 2);
            int last = i == 0 || rnd.nextBoolean() ? bars - 1 : first + rnd.nextInt(bars - first);
            double p = 10 + 100 * rnd.nextDouble();
            for (int t = first; t <= last; t++) {
                double o = p * (1 + 0.02 * rnd.nextGaussian());
                double c = o * (1 + 0.05 * rnd.nextGaussian());
                o = Math.max(o, 0.01);
                c = Math.max(c, 0.01);
                double h = Math.max(o, c) * (1 + 0.02 * Math.abs(rnd.nextGaussian()));
                double l = Math.min(o, c) * (1 - 0.02 * Math.abs(rnd.nextGaussian()));
                if (!gaps || i == 0 || t == first || t == last || rnd.nextInt(6) != 0) {
                    b.bar(names[i], T0 + t * DAY, o, h, l, c, 1);
                }
                p = c;
            }
        }
        return b.build();
    }

    /** Random targets, and {@code c} with their rebalance rule: {@code band} and (sometimes) the threshold flag. */
    record Drawn(TargetWeights targets, SimConfig config) {
    }

    static Drawn randomWeights(Random rnd, int bars, int n, boolean spot, double band, boolean everyBar, SimConfig c) {
        boolean[] decision = new boolean[bars];
        double[] w = new double[bars * n];
        Arrays.fill(w, Double.NaN);
        for (int t = 0; t < bars; t++) {
            decision[t] = everyBar || rnd.nextInt(3) == 0;
            for (int i = 0; i < n; i++) {
                double v = (spot ? rnd.nextDouble() : 2 * rnd.nextDouble() - 1) * 1.5 / n;
                w[t * n + i] = !everyBar && rnd.nextInt(8) == 0 ? Double.NaN : v;
            }
        }
        boolean threshold = !everyBar && rnd.nextInt(4) == 0;
        return new Drawn(new TargetWeights(bars, n, decision, w),
                c.withRebalance(new RebalanceRule(band, c.rebalance().to(), threshold)));
    }

    static SimConfig randomConfig(Random rnd, Market market) {
        SimConfig.Builder b = SimConfig.builder(market, 10_000)
                .executionPrice(rnd.nextBoolean() ? ExecutionPrice.CLOSE : ExecutionPrice.NEXT_OPEN)
                .costs(rnd.nextInt(20), rnd.nextInt(5), rnd.nextInt(20)).maxLeverage(1 + rnd.nextInt(3))
                .fundingMissing(FundingMissing.ZERO)
                .rebalance(RebalanceRule.NONE.withTo(rnd.nextBoolean() ? RebalanceMode.TARGET : RebalanceMode.BAND_EDGE));
        if (market == Market.USDM) {
            long[] times = new long[40];
            double[] rates = new double[40];
            for (int k = 0; k < 40; k++) {
                times[k] = T0 + k * DAY + 8 * 3_600_000L;
                rates[k] = 0.001 * rnd.nextGaussian();
            }
            b.funding(java.util.Map.of("S0", FundingSchedule.of(times, rates)));
        }
        if (rnd.nextInt(3) == 0) {
            b.circuitBreaker(new CircuitBreaker(0.1 + 0.2 * rnd.nextDouble(), Double.NaN, rnd.nextInt(3)));
        }
        return b.build();
    }

    /**
     * Replays the ledger bar by bar and checks: equity = cash + Σ q · last close at every bar, cash equals the
     * replayed cash, fees >= 0, and in spot no short lot and cash >= -1e-9 E.
     */
    static void checkAccounting(Panel p, SimConfig c, BacktestResult r) {
        Ledger l = r.ledger();
        int n = p.symbolCount();
        double[] lots = new double[2 * n];
        double[] last = new double[n];
        double cash = c.capital();
        int k = 0;
        for (int t = 0; t < p.bars(); t++) {
            while (k < l.size() && l.time(k) == p.times()[t]) {
                assertTrue(l.fee(k) >= 0, "fee of row " + k);
                if (l.type(k) != io.quantlake.ledger.TradeEventType.FUNDING) {
                    lots[2 * l.symbolIndex(k) + l.side(k).ordinal()] += l.qty(k);
                }
                if (c.market() == Market.SPOT) {
                    assertEquals(PositionSide.LONG, l.side(k), "spot is long only, row " + k);
                    assertTrue(l.positionAfter(k) >= 0, "spot position after row " + k);
                }
                cash += l.cashFlow(k);
                k++;
            }
            double e = cash;
            for (int i = 0; i < n; i++) {
                double close = p.close()[p.at(t, i)];
                if (!Double.isNaN(close)) {
                    last[i] = close;
                }
                double q = lots[2 * i] + lots[2 * i + 1];
                if (q != 0) {
                    e += q * last[i];
                }
            }
            double tol = 1e-9 * Math.max(1, Math.abs(r.equity()[t])) * 10;
            assertEquals(e, r.equity()[t], tol, "equity identity at bar " + t);
            assertEquals(cash, r.cash()[t], tol, "cash at bar " + t);
            if (c.market() == Market.SPOT) {
                assertTrue(r.cash()[t] >= -1e-9 * Math.abs(r.equity()[t]), "spot cash " + r.cash()[t] + " at bar " + t);
            }
        }
        assertEquals(l.size(), k, "every ledger row falls on a grid bar");
        LedgerReplay.State s = LedgerReplay.replay(l, c.capital());
        assertEquals(r.cash()[p.bars() - 1], s.cash(), 1e-9 * Math.max(1, Math.abs(s.cash())) * 10);
        for (int i = 0; i < n; i++) {
            assertEquals(lots[2 * i], s.longQty()[i], 1e-9 * Math.max(1, Math.abs(lots[2 * i])));
            assertEquals(lots[2 * i + 1], s.shortQty()[i], 1e-9 * Math.max(1, Math.abs(lots[2 * i + 1])));
        }
    }

    @Property(tries = 80)
    void weightPathKeepsTheBooks(@ForAll long seed) {
        Random rnd = new Random(seed);
        Market market = rnd.nextBoolean() ? Market.SPOT : Market.USDM;
        int n = 1 + rnd.nextInt(4);
        int bars = 5 + rnd.nextInt(35);
        Panel p = panel(rnd, n, bars, true);
        SimConfig c = randomConfig(rnd, market);
        double band = rnd.nextBoolean() ? 0 : 0.1 * rnd.nextDouble();
        Drawn w = randomWeights(rnd, bars, n, market == Market.SPOT, band, false, c);
        checkAccounting(p, w.config(), Simulator.run(p, w.config(), StrategyInput.weights(w.targets())));
    }

    @Property(tries = 60)
    void leverageCapHoldsAfterEachExecutionBar(@ForAll long seed) {
        // R11 with band 0, close fills, no costs: after the bar's orders G <= max_leverage * E' = max_leverage * E.
        Random rnd = new Random(seed);
        int n = 1 + rnd.nextInt(4);
        int bars = 5 + rnd.nextInt(35);
        Panel p = panel(rnd, n, bars, false);
        double maxLev = 0.5 + 3 * rnd.nextDouble();
        SimConfig c = SimConfig.builder(Market.USDM, 10_000).executionPrice(ExecutionPrice.CLOSE).maxLeverage(maxLev)
                .fundingMissing(FundingMissing.ZERO).maintenanceMargin(0).build();
        TargetWeights w = randomWeights(rnd, bars, n, false, 0, true, c).targets();
        for (int i = 0; i < w.weights().length; i++) {
            w.weights()[i] *= 4; // push gross over the cap often
        }
        BacktestResult r = Simulator.run(p, c, StrategyInput.weights(w));
        for (int t = 0; t < bars; t++) {
            if (r.equity()[t] > 0) {
                assertTrue(r.gross()[t] <= maxLev * r.equity()[t] * (1 + 1e-9) + 1e-9,
                        "gross " + r.gross()[t] + " > " + maxLev + " * " + r.equity()[t] + " at bar " + t);
            }
        }
        checkAccounting(p, c, r);
    }

    /** Random signals of every kind with random exit chains. */
    static final class RandomSignals implements SignalStrategy {
        private final Random rnd;
        private final boolean spot;

        RandomSignals(long seed, boolean spot) {
            this.rnd = new Random(seed);
            this.spot = spot;
        }

        private List<ExitStrategy> chain() {
            return chain(rnd);
        }

        /** A random exit chain: TP/SL, trailing, time and conditional exits, each or not. */
        static List<ExitStrategy> chain(Random rnd) {
            List<ExitStrategy> c = new ArrayList<>();
            if (rnd.nextBoolean()) {
                c.add(TPSLExitStrategy.relative(0.02 + 0.1 * rnd.nextDouble(), 0.02 + 0.1 * rnd.nextDouble(),
                        rnd.nextBoolean() ? TPSLExitStrategy.BothHit.STOP_FIRST : TPSLExitStrategy.BothHit.TP_FIRST));
            }
            if (rnd.nextBoolean()) {
                c.add(TrailingStopExitStrategy.percent(0.02 + 0.1 * rnd.nextDouble()));
            }
            if (rnd.nextBoolean()) {
                c.add(new TimeBasedExitStrategy(1 + rnd.nextInt(5)));
            }
            if (rnd.nextInt(4) == 0) {
                c.add(new ConditionalExitStrategy((panel, t, i, lot) -> panel.close()[panel.at(t, i)] < lot.fillPrice()));
            }
            return c;
        }

        @Override
        public List<Signal> generateSignals(MarketSnapshot s, PortfolioState state) {
            List<Signal> out = new ArrayList<>();
            for (int k = 0; k < s.symbolCount(); k++) {
                if (rnd.nextInt(3) != 0) {
                    continue;
                }
                Signal.Side side = spot ? Signal.Side.LONG : rnd.nextBoolean() ? Signal.Side.LONG : Signal.Side.SHORT;
                switch (rnd.nextInt(5)) {
                    case 0, 1 -> out.add(Signal.open(s.symbol(k), side, rnd.nextBoolean()
                            ? new Signal.Weight(0.5 * rnd.nextDouble()) : new Signal.Quantity(10 * rnd.nextDouble()), chain()));
                    case 2 -> out.add(Signal.close(s.symbol(k), side));
                    case 3 -> out.add(Signal.rebalance(s.symbol(k), side, 0.4 * rnd.nextDouble()));
                    default -> out.add(rnd.nextBoolean() ? Signal.open(s.symbol(k), Signal.Side.HEDGE,
                            new Signal.Weight(0.2 * rnd.nextDouble()), chain()) : Signal.close(s.symbol(k), Signal.Side.HEDGE));
                }
            }
            return out;
        }
    }

    @Property(tries = 80)
    void signalPathKeepsTheBooks(@ForAll long seed) {
        Random rnd = new Random(seed);
        Market market = rnd.nextBoolean() ? Market.SPOT : Market.USDM;
        int n = 1 + rnd.nextInt(4);
        int bars = 5 + rnd.nextInt(35);
        Panel p = panel(rnd, n, bars, true);
        SimConfig c = randomConfig(rnd, market);
        checkAccounting(p, c, Simulator.run(p, c, StrategyInput.signals(new RandomSignals(seed, market == Market.SPOT))));
    }

    @Property(tries = 30)
    void sameInputsGiveIdenticalLedgersAndEquity(@ForAll long seed) {
        Random rnd = new Random(seed);
        Panel p = panel(rnd, 3, 30, true);
        SimConfig c = randomConfig(rnd, Market.USDM);
        BacktestResult a = Simulator.run(p, c, StrategyInput.signals(new RandomSignals(seed, false)));
        BacktestResult b = Simulator.run(p, c, StrategyInput.signals(new RandomSignals(seed, false)));
        assertEquals(a.ledger().events(), b.ledger().events());
        assertTrue(Arrays.equals(a.equity(), b.equity()));
    }

    /** A copy of {@code p} whose prices after bar {@code t} are scaled by a random factor per bar (same missing bars). */
    static Panel perturbAfter(Panel p, int t, Random rnd) {
        int n = p.symbolCount();
        double[][] m = {p.open().clone(), p.high().clone(), p.low().clone(), p.close().clone()};
        for (int b = t + 1; b < p.bars(); b++) {
            double f = 0.5 + rnd.nextDouble();
            for (int i = 0; i < n; i++) {
                for (double[] a : m) {
                    a[b * n + i] *= f;
                }
            }
        }
        return new Panel(p.interval(), p.times(), p.symbols(), m[0], m[1], m[2], m[3], p.volume(), p.features());
    }

    /**
     * A case the property below found: a usdm account whose {@code E'} had gone negative got a
     * REBALANCE by weight on its long lot, whose target {@code w · E' / p} was then negative, and the
     * sell crossed zero (an invalid fill). Such an order is now dropped, as R13 drops weight orders.
     */
    @Example
    void rebalanceByWeightAtNonPositiveEquityIsDropped() {
        nothingAfterBarTChangesTheBooksUpToT(108_694L);
    }

    @Property(tries = 40)
    void nothingAfterBarTChangesTheBooksUpToT(@ForAll long seed) {
        // §2: a decision at t uses only data up to t; so equity rows and ledger rows up to t's close are unchanged when
        // every price after t changes. (With next_open, rows at t + 1 may change: they fill at t + 1's open.)
        Random rnd = new Random(seed);
        Market market = rnd.nextBoolean() ? Market.SPOT : Market.USDM;
        int n = 1 + rnd.nextInt(3);
        int bars = 6 + rnd.nextInt(30);
        Panel p = panel(rnd, n, bars, true);
        int t = rnd.nextInt(p.bars() - 1);
        Panel q = perturbAfter(p, t, rnd);
        SimConfig drawnConfig = randomConfig(rnd, market);
        boolean useSignals = rnd.nextBoolean();
        Drawn drawn = randomWeights(rnd, p.bars(), n, market == Market.SPOT, 0.02, false, drawnConfig);
        TargetWeights w = drawn.targets();
        SimConfig c = useSignals ? drawnConfig : drawn.config();
        BacktestResult a = Simulator.run(p, c, useSignals
                ? StrategyInput.signals(new RandomSignals(seed, market == Market.SPOT)) : StrategyInput.weights(w));
        BacktestResult b = Simulator.run(q, c, useSignals
                ? StrategyInput.signals(new RandomSignals(seed, market == Market.SPOT)) : StrategyInput.weights(w));
        for (int k = 0; k <= t; k++) {
            assertEquals(a.equity()[k], b.equity()[k], "equity at bar " + k + " (perturbed after " + t + ")");
        }
        List<io.quantlake.ledger.TradeEvent> ea = a.ledger().events();
        List<io.quantlake.ledger.TradeEvent> eb = b.ledger().events();
        long cut = p.times()[t];
        List<io.quantlake.ledger.TradeEvent> upToA = ea.stream().filter(e -> e.time() <= cut).toList();
        List<io.quantlake.ledger.TradeEvent> upToB = eb.stream().filter(e -> e.time() <= cut).toList();
        assertEquals(upToA, upToB);
    }
}
