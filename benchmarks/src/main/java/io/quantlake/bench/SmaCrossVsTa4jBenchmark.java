package io.quantlake.bench;

import io.quantlake.market.Interval;
import io.quantlake.market.Market;
import io.quantlake.panel.Panel;
import io.quantlake.sim.BacktestResult;
import io.quantlake.sim.ExecutionPrice;
import io.quantlake.sim.SimConfig;
import io.quantlake.sim.Simulator;
import io.quantlake.sim.StrategyInput;
import io.quantlake.strategy.reference.SmaCrossTpslStrategy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.Rule;
import org.ta4j.core.Strategy;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DoubleNumFactory;
import org.ta4j.core.rules.CrossedUpIndicatorRule;
import org.ta4j.core.rules.StopGainRule;
import org.ta4j.core.rules.StopLossRule;

/**
 * QuantLake's legacy path vs ta4j on one symbol, {@value #BARS} bars of a seeded random walk:
 * SMA({@value #FAST}) crossing up SMA({@value #SLOW}) enters long, a 2% stop-loss or 4%
 * take-profit exits, fills on the close, zero costs.
 *
 * <p>Why the two engines must give the same trades:
 * <ul>
 *   <li>Every bar has {@code open = high = low = close}. QuantLake's TP/SL (R17) checks the open
 *       first: {@code open <= sl} stops and {@code open >= tp} takes profit, both at the open, and
 *       with a flat bar that is the close; ta4j's {@link StopLossRule} and {@link StopGainRule}
 *       compare the close with {@code entry · (100 ∓ p) / 100}. The thresholds are bit-identical:
 *       {@code 1 − 0.02 == 98 / 100.0} and {@code 1 + 0.04 == 104 / 100.0} in double (checked in
 *       {@link #setUp()}), entry prices are the same closes.</li>
 *   <li>Warm-up: {@code sma_cross_tpsl} needs {@code max(fast, slow) + 1 = 31} own bars, so its
 *       first decision is at bar 30 (bars 0..30). ta4j's cross rule is false up to the SMA's own
 *       unstable count (29) and compares bar 30 with 29 first, so ta4j's first possible entry is
 *       also bar 30 with {@code unstableBars = 30} ({@code isUnstableAt(i) = i < unstableBars});
 *       31 would forbid the cross QuantLake may take at bar 30.</li>
 *   <li>Same-bar re-entry after an exit: see {@link ExitThenEntryModel}.</li>
 *   <li>Cross rule: QuantLake uses a 1e-12 relative tolerance (§13) and ta4j strict comparisons
 *       that look past exactly equal bars; they differ only when the SMAs are within 1e-12
 *       relative, which the check below would report.</li>
 * </ul>
 * The check runs once per trial in {@link #setUp()} and throws on any difference.
 * One operation = one backtest over {@value #BARS} bars; bars/s = {@value #BARS} × ops/s.
 * The ratio compares {@link #quantlake()} (trade record, equity rows not computed) with
 * {@link #ta4j()} (trade record); {@link #quantlakeWithEquity()} adds the equity rows.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
public class SmaCrossVsTa4jBenchmark extends ModestSettings {
    static final int BARS = 1_000_000;
    static final int FAST = 10;
    static final int SLOW = 30;
    static final double TAKE_PROFIT = 0.04;
    static final double STOP_LOSS = 0.02;
    /** ta4j's unstable bars matching QuantLake's first decision at bar {@code max(fast, slow)}. */
    static final int TA4J_UNSTABLE_BARS = Math.max(FAST, SLOW);
    static final long SEED = 42L;
    static final double VOL = 0.004;

    private Panel panel;
    private SimConfig config;
    private BarSeries series;
    /** Round trips of the check, for the runner's report. */
    List<RoundTrip> trades;

    @Setup(Level.Trial)
    public void setUp() {
        if (1 - STOP_LOSS != (100 - 100 * STOP_LOSS) / 100 || 1 + TAKE_PROFIT != (100 + 100 * TAKE_PROFIT) / 100) {
            throw new IllegalStateException("TP/SL thresholds differ in double between QuantLake and ta4j");
        }
        double[] close = SyntheticPanels.closes(BARS, 1, VOL, SEED);
        panel = SyntheticPanels.flatBars(Interval.M1, close);
        config = SimConfig.builder(Market.SPOT, 10_000).executionPrice(ExecutionPrice.CLOSE).build();
        series = ta4jSeries(close);
        List<RoundTrip> ours = RoundTrip.of(quantlake().ledger(), SyntheticPanels.ORIGIN, Interval.M1.millis());
        List<RoundTrip> theirs = RoundTrip.of(ta4j());
        RoundTrip.requireIdentical("QuantLake", ours, "ta4j", theirs);
        if (ours.size() < 1000) {
            throw new IllegalStateException("too few round trips to compare: " + ours.size());
        }
        trades = ours;
        System.out.println("trade lists identical: " + ours.size() + " round trips (entry bar, entry price, exit bar,"
                + " exit price), first " + ours.get(0) + ", last " + ours.get(ours.size() - 1));
    }

    /** Runs only the trade-list check (no timing): {@code java -cp benchmarks.jar io.quantlake.bench.SmaCrossVsTa4jBenchmark}. */
    public static void main(String[] args) {
        new SmaCrossVsTa4jBenchmark().setUp();
    }

    /** The same closes as a ta4j series of 1-minute bars with {@code open = high = low = close}, in DoubleNum. */
    static BarSeries ta4jSeries(double[] close) {
        BarSeries s = new BaseBarSeriesBuilder().withName("S000").withNumFactory(DoubleNumFactory.getInstance()).build();
        Duration minute = Duration.ofMinutes(1);
        for (int t = 0; t < close.length; t++) {
            Instant begin = Instant.ofEpochMilli(SyntheticPanels.ORIGIN + t * Interval.M1.millis());
            s.barBuilder().timePeriod(minute).beginTime(begin).endTime(begin.plus(minute)).openPrice(close[t])
                    .highPrice(close[t]).lowPrice(close[t]).closePrice(close[t]).volume(1).add();
        }
        return s;
    }

    /**
     * QuantLake: {@code sma_cross_tpsl(10, 30, tp 0.04, sl 0.02, max_positions 1)}, fills at the close.
     * The result holds the ledger (the trade record, like ta4j's) and the account's state at the
     * bars where it changed; its per-bar equity rows are computed on first read (see
     * {@link #quantlakeWithEquity()}). This is the method of the QuantLake / ta4j ratio.
     */
    @Benchmark
    public BacktestResult quantlake() {
        return Simulator.run(panel, config,
                StrategyInput.legacy(new SmaCrossTpslStrategy(FAST, SLOW, TAKE_PROFIT, STOP_LOSS, 1), 1));
    }

    /**
     * {@link #quantlake()} plus the equity curve: {@code equity()} computes all six per-bar columns
     * (equity, cash, gross, net, leverage, invested: about 41 bytes per bar). ta4j's measured method
     * has no counterpart (its trading record holds trades only).
     */
    @Benchmark
    public double[] quantlakeWithEquity() {
        return quantlake().equity();
    }

    /**
     * ta4j: indicators, rules and strategy are built inside the measured method because ta4j's
     * indicators cache their values (a reused strategy would replay cached numbers).
     */
    @Benchmark
    public TradingRecord ta4j() {
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        Rule entry = new CrossedUpIndicatorRule(new SMAIndicator(close, FAST), new SMAIndicator(close, SLOW));
        Rule exit = new StopLossRule(close, 100 * STOP_LOSS).or(new StopGainRule(close, 100 * TAKE_PROFIT));
        Strategy strategy = new BaseStrategy("sma_cross_tpsl", entry, exit, TA4J_UNSTABLE_BARS);
        return new BarSeriesManager(series, new ExitThenEntryModel(strategy)).run(strategy);
    }
}
