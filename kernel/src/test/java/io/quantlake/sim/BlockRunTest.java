package io.quantlake.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quantlake.market.Interval;
import io.quantlake.market.Market;
import io.quantlake.panel.Panel;
import io.quantlake.panel.PanelBlocks;
import io.quantlake.panel.PanelBuilder;
import io.quantlake.panel.PanelSource;
import io.quantlake.schedule.RebalanceMode;
import io.quantlake.schedule.RebalanceRule;
import io.quantlake.schedule.RebalanceSchedule;
import io.quantlake.strategy.CandleWindow;
import io.quantlake.strategy.MarketSnapshot;
import io.quantlake.strategy.PortfolioState;
import io.quantlake.strategy.Signal;
import io.quantlake.strategy.SignalStrategy;
import io.quantlake.strategy.WeightStrategy;
import io.quantlake.strategy.pairs.HedgeRatio;
import io.quantlake.strategy.pairs.KalmanHedge;
import io.quantlake.strategy.pairs.LegSizing;
import io.quantlake.strategy.pairs.OnBreak;
import io.quantlake.strategy.pairs.PairTradingParams;
import io.quantlake.strategy.pairs.PairTradingStrategy;
import io.quantlake.strategy.pairs.PriceScale;
import io.quantlake.strategy.pairs.RollingOlsHedge;
import io.quantlake.strategy.quant.BetaNeutralStrategy;
import io.quantlake.strategy.quant.CovarianceModel;
import io.quantlake.strategy.quant.MarketIndex;
import io.quantlake.strategy.quant.RiskParityStrategy;
import io.quantlake.strategy.quant.RollingBeta;
import io.quantlake.strategy.reference.CrossSectionalScore;
import io.quantlake.strategy.reference.InverseVolStrategy;
import io.quantlake.strategy.reference.MarketNeutralStrategy;
import io.quantlake.strategy.reference.MonthlyRebalanceStrategy;
import io.quantlake.strategy.reference.Selection;
import io.quantlake.strategy.reference.SmaCrossTpslStrategy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

/**
 * A run in time blocks ({@link Simulator#run(PanelBlocks, SimConfig, java.util.function.Function)}) is the run
 * over the whole panel, bit for bit: equity columns, ledger and recorded targets, for random panels (listings,
 * delistings, gaps, hourly or daily), random configurations (spot and usdm, costs, execution price, band and
 * threshold, filters, leverage cap, maintenance margin, funding, circuit breaker) and every strategy tier
 * (weight strategies of each kind and schedule, the legacy {@code sma_cross_tpsl} with its TP/SL, signal
 * strategies with TP/SL, trailing, time and conditional exits, {@code pair_trading} with its z-score exits), with tiny blocks: 1 bar, non-divisors of the
 * grid, one block longer than the grid.
 */
class BlockRunTest {
    private static final long T0 = 1_704_067_200_000L;

    /** A random panel of hourly or daily bars; with {@code feature} one random feature column {@code f}. */
    static Panel panel(Random r, int symbols, int bars, boolean feature) {
        String[] names = new String[symbols];
        for (int i = 0; i < symbols; i++) {
            names[i] = "S" + i + "USDT";
        }
        Interval interval = r.nextBoolean() ? Interval.H1 : Interval.D1;
        PanelBuilder b = Panel.builder(interval, names);
        if (feature) {
            b.features("f");
        }
        double gapRate = new double[] {0, 0, 0.1, 0.3}[r.nextInt(4)];
        for (int i = 0; i < symbols; i++) {
            int first = i > 0 && r.nextInt(3) == 0 ? r.nextInt(bars / 2) : 0;
            int last = i > 0 && r.nextInt(3) == 0 ? first + r.nextInt(bars - first) : bars - 1;
            double p = 1 + 1000 * r.nextDouble();
            for (int t = first; t <= last; t++) {
                double o = Math.max(1e-3, p * (1 + 0.01 * r.nextGaussian()));
                p = Math.max(1e-3, o * (1 + 0.03 * r.nextGaussian()));
                if (t == first || t == last || r.nextDouble() >= gapRate) {
                    long time = T0 + t * interval.millis();
                    double hi = Math.max(o, p) * (1 + 0.02 * r.nextDouble());
                    double lo = Math.min(o, p) * (1 - 0.02 * r.nextDouble());
                    if (feature) {
                        b.bar(names[i], time, o, hi, lo, p, 1 + r.nextInt(9), r.nextInt(5) == 0 ? Double.NaN : r.nextGaussian());
                    } else {
                        b.bar(names[i], time, o, hi, lo, p, 1 + r.nextInt(9));
                    }
                }
            }
        }
        return b.build();
    }

    static SimConfig config(Random r, Panel p, boolean breaker) {
        Market market = r.nextBoolean() ? Market.SPOT : Market.USDM;
        RebalanceRule rule = new RebalanceRule(new double[] {0, 0, 0.01, 0.05}[r.nextInt(4)], RebalanceMode.TARGET,
                false);
        SimConfig.Builder c = RandomRuns.config(r, p, market, r.nextBoolean(), rule);
        if (breaker && r.nextInt(3) == 0) {
            c.circuitBreaker(new CircuitBreaker(0.02 + 0.2 * r.nextDouble(), 0.01 + 0.1 * r.nextDouble(), r.nextInt(6)));
        }
        return c.build();
    }

    static RebalanceSchedule schedule(Random r) {
        return switch (r.nextInt(6)) {
            case 0 -> new RebalanceSchedule.EveryBar();
            case 1 -> new RebalanceSchedule.Every(1 + r.nextInt(7));
            case 2 -> new RebalanceSchedule.Daily();
            case 3 -> new RebalanceSchedule.Weekly(1 + r.nextInt(7));
            case 4 -> new RebalanceSchedule.Monthly(1 + r.nextInt(28));
            default -> new RebalanceSchedule.Threshold();
        };
    }

    static WeightStrategy weightStrategy(Random r, Panel p) {
        int n = p.symbolCount();
        RebalanceSchedule s = schedule(r);
        int kind = r.nextInt(n >= 2 ? 7 : 3);
        return switch (kind) {
            case 0 -> new InverseVolStrategy(2 + r.nextInt(6), s);
            case 1 -> {
                Map<String, Double> w = new LinkedHashMap<>();
                for (String sym : p.symbols()) {
                    w.put(sym, r.nextDouble() / n);
                }
                yield new MonthlyRebalanceStrategy(w, 1 + r.nextInt(28));
            }
            case 2 -> new RiskParityStrategy(r.nextBoolean() ? RiskParityStrategy.Method.INVERSE_VOL
                    : RiskParityStrategy.Method.ERC, 2 + r.nextInt(5), new CovarianceModel(r.nextBoolean()
                    ? new CovarianceModel.Sample() : new CovarianceModel.Ewma(1 + 5 * r.nextDouble()),
                    CovarianceModel.Shrinkage.LEDOIT_WOLF), Optional.empty(), s);
            case 3, 4 -> MarketNeutralStrategy.momentum(2 + r.nextInt(5), r.nextInt(2), 1, 1, 0.5, 0.5, s);
            case 5 -> new MarketNeutralStrategy(CrossSectionalScore.feature("f"), new Selection.Counts(1, 1), 0.6,
                    0.4, s);
            default -> new BetaNeutralStrategy(MarketNeutralStrategy.momentum(2 + r.nextInt(4), 0, 1, 1, 0.5, 0.5, s),
                    new RollingBeta(2 + r.nextInt(4), new MarketIndex.EqualWeight()));
        };
    }

    /** Block sizes: 1 bar, a small non-divisor, a random size, longer than the grid. */
    static int blockBars(Random r, int bars) {
        return switch (r.nextInt(4)) {
            case 0 -> 1;
            case 1 -> 2 + r.nextInt(5);
            case 2 -> 1 + r.nextInt(bars);
            default -> bars + r.nextInt(3);
        };
    }

    @Property(tries = 150)
    void weightStrategiesRunTheSameInBlocks(@ForAll long seed) {
        Random r = new Random(seed);
        int n = 1 + r.nextInt(4);
        Panel p = panel(r, n, 8 + r.nextInt(70), true);
        SimConfig c = config(r, p, true);
        WeightStrategy w = weightStrategy(r, p);
        PanelBlocks blocks = new PanelBlocks(PanelSource.of(p), blockBars(r, p.bars()), w.warmupBars());
        BacktestResult whole;
        try {
            whole = Simulator.run(p, c, StrategyInput.weights(w, p));
        } catch (IllegalStateException e) { // e.g. an ERC covariance that is not positive definite: the same error
            IllegalStateException b = assertThrows(IllegalStateException.class,
                    () -> Simulator.run(blocks, c, x -> StrategyInput.weights(w, x)));
            assertEquals(e.getMessage(), b.getMessage());
            return;
        }
        BacktestResult inBlocks = Simulator.run(blocks, c, b -> StrategyInput.weights(w, b));
        RandomRuns.assertSameRun(whole, inBlocks);
    }

    @Property(tries = 100)
    void legacyStrategyRunsTheSameInBlocks(@ForAll long seed) {
        Random r = new Random(seed);
        Panel p = panel(r, 1 + r.nextInt(4), 10 + r.nextInt(90), false);
        SimConfig c = config(r, p, true);
        int fast = 1 + r.nextInt(4);
        int slow = fast + 1 + r.nextInt(5);
        int k = 1 + r.nextInt(3);
        List<String> w1 = new ArrayList<>();
        List<String> w2 = new ArrayList<>();
        double tp = 0.01 + 0.08 * r.nextDouble();
        double sl = 0.01 + 0.08 * r.nextDouble();
        SmaCrossTpslStrategy a = new SmaCrossTpslStrategy(fast, slow, tp, sl, k, w1::add);
        SmaCrossTpslStrategy b = new SmaCrossTpslStrategy(fast, slow, tp, sl, k, w2::add);
        BacktestResult whole = Simulator.run(p, c, StrategyInput.legacy(a, k));
        PanelBlocks blocks = new PanelBlocks(PanelSource.of(p), blockBars(r, p.bars()), b.warmupBars());
        BacktestResult inBlocks = Simulator.run(blocks, c, x -> StrategyInput.legacy(b, k));
        RandomRuns.assertSameRun(whole, inBlocks);
        assertEquals(w1, w2, "R20 warnings");
    }

    @Property(tries = 150)
    void signalStrategiesRunTheSameInBlocks(@ForAll long seed) {
        Random r = new Random(seed);
        Panel p = panel(r, 1 + r.nextInt(4), 6 + r.nextInt(60), false);
        SimConfig c = config(r, p, true);
        boolean spot = c.market() == Market.SPOT;
        int lookback = 1 + r.nextInt(5);
        SignalStrategy s1 = r.nextBoolean() ? new Breakout(lookback, seed, spot)
                : new KernelProperties.RandomSignals(seed, spot);
        SignalStrategy s2 = s1 instanceof Breakout ? new Breakout(lookback, seed, spot)
                : new KernelProperties.RandomSignals(seed, spot);
        BacktestResult whole = Simulator.run(p, c, StrategyInput.signals(s1));
        int warmup = s1 instanceof Breakout ? s1.warmupBars() : 0; // RandomSignals reads no history
        PanelBlocks blocks = new PanelBlocks(PanelSource.of(p), blockBars(r, p.bars()), warmup);
        BacktestResult inBlocks = Simulator.run(blocks, c, x -> StrategyInput.signals(s2));
        RandomRuns.assertSameRun(whole, inBlocks);
    }

    @Property(tries = 40)
    void pairTradingRunsTheSameInBlocks(@ForAll long seed) {
        Random r = new Random(seed);
        Panel p = panel(r, 2 + r.nextInt(3), 50 + r.nextInt(80), false);
        SimConfig c = config(r, p, true);
        if (c.market() != Market.USDM) {
            c = RandomRuns.config(r, p, Market.USDM, r.nextBoolean(), c.rebalance()).build();
        }
        HedgeRatio hedge = r.nextBoolean() ? new RollingOlsHedge(3 + r.nextInt(8))
                : new KalmanHedge(1e-4, 1e-3, 3 + r.nextInt(5));
        PairTradingParams params = new PairTradingParams(List.of(), 1, 1.0, 30 + r.nextInt(8),
                r.nextBoolean() ? PriceScale.LOG : PriceScale.RAW, hedge, 2 + r.nextInt(6), 0.5 + r.nextDouble(), 0.2,
                3, r.nextInt(10), r.nextBoolean() ? LegSizing.DOLLAR_NEUTRAL : LegSizing.BETA_NEUTRAL, 0.3,
                r.nextBoolean() ? 0 : 5 + r.nextInt(10), r.nextBoolean() ? OnBreak.HOLD : OnBreak.CLOSE);
        SimConfig config = c;
        BacktestResult whole = Simulator.run(p, config, StrategyInput.signals(new PairTradingStrategy(params)));
        PairTradingStrategy pairs = new PairTradingStrategy(params);
        PanelBlocks blocks = new PanelBlocks(PanelSource.of(p), blockBars(r, p.bars()), pairs.warmupBars());
        BacktestResult inBlocks = Simulator.run(blocks, config, x -> StrategyInput.signals(pairs));
        RandomRuns.assertSameRun(whole, inBlocks);
        Statistics.collect(whole.ledger().size() > 0 ? "trades" : "no trades");
    }

    /** A block of 1 bar with the warm-up one bar short: the property above must see the difference. */
    @Example
    void aWarmupOneBarShortChangesTheRun() {
        Panel p = null;
        Random r = new Random(7);
        while (p == null || p.bars() < 30) {
            p = panel(r, 3, 40, false);
        }
        SimConfig c = SimConfig.builder(Market.SPOT, 10_000).build();
        InverseVolStrategy w = new InverseVolStrategy(4, new RebalanceSchedule.EveryBar());
        BacktestResult whole = Simulator.run(p, c, StrategyInput.weights(w, p));
        PanelBlocks shortBlocks = new PanelBlocks(PanelSource.of(p), 1, w.warmupBars() - 1);
        BacktestResult wrong = Simulator.run(shortBlocks, c, b -> StrategyInput.weights(w, b));
        assertThrows(AssertionError.class, () -> RandomRuns.assertSameRun(whole, wrong));
    }

    /**
     * Breakout over the last {@code lookback} own closes: a close above their high opens long (with a random
     * exit chain drawn from the seed and the bar), below their low opens short (usdm) or closes the long.
     */
    static final class Breakout implements SignalStrategy {
        private final int lookback;
        private final long seed;
        private final boolean spot;

        Breakout(int lookback, long seed, boolean spot) {
            this.lookback = lookback;
            this.seed = seed;
            this.spot = spot;
        }

        @Override
        public int warmupBars() {
            return lookback + 1;
        }

        @Override
        public List<Signal> generateSignals(MarketSnapshot s, PortfolioState state) {
            List<Signal> out = new ArrayList<>();
            for (int k = 0; k < s.symbolCount(); k++) {
                if (!s.valid(k)) {
                    continue;
                }
                CandleWindow w = s.window(k);
                if (w.size() <= lookback) {
                    continue;
                }
                double hi = Double.NEGATIVE_INFINITY;
                double lo = Double.POSITIVE_INFINITY;
                for (int j = w.size() - 1 - lookback; j < w.size() - 1; j++) {
                    hi = Math.max(hi, w.high(j));
                    lo = Math.min(lo, w.low(j));
                }
                double c = w.lastClose();
                Random r = new Random(seed ^ s.time() ^ k);
                Signal.Weight size = new Signal.Weight(0.3 * r.nextDouble());
                if (c > 0.99 * hi) {
                    out.add(Signal.open(s.symbol(k), Signal.Side.LONG, size, KernelProperties.RandomSignals.chain(r)));
                } else if (c < 1.01 * lo) {
                    out.add(spot || r.nextBoolean() ? Signal.close(s.symbol(k), Signal.Side.LONG)
                            : Signal.open(s.symbol(k), Signal.Side.SHORT, size, KernelProperties.RandomSignals.chain(r)));
                } else if (r.nextInt(6) == 0) {
                    out.add(Signal.rebalance(s.symbol(k), Signal.Side.LONG, 0.2 * r.nextDouble()));
                }
            }
            return out;
        }
    }
}
