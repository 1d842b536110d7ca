package io.quantlake.strategy.pairs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.sim.BooksCheck;
import io.quantlake.ledger.TradeEvent;
import io.quantlake.market.Interval;
import io.quantlake.market.Market;
import io.quantlake.panel.Panel;
import io.quantlake.panel.PanelBuilder;
import io.quantlake.portfolio.KellyMode;
import io.quantlake.portfolio.SignalSizer;
import io.quantlake.portfolio.SizingMethod;
import io.quantlake.portfolio.SizingSpec;
import io.quantlake.sim.BacktestResult;
import io.quantlake.sim.ExecutionPrice;
import io.quantlake.sim.FundingMissing;
import io.quantlake.sim.LegacySignalAdapter;
import io.quantlake.sim.SimConfig;
import io.quantlake.sim.Simulator;
import io.quantlake.sim.StrategyInput;
import io.quantlake.strategy.MarketSnapshot;
import io.quantlake.strategy.PortfolioState;
import io.quantlake.strategy.Signal;
import io.quantlake.strategy.SignalStrategy;
import io.quantlake.strategy.reference.SmaCrossTpslStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Perturbing every bar after a random t leaves all signals decided and all rows filled up to t unchanged. */
class LookAheadTest {
    static final String[] SYMBOLS = {"AUSDT", "BUSDT", "CUSDT", "DUSDT"};
    static final int BARS = 260;

    /** Records each decision bar's signals as (bar, symbol, side, action, size): exit chains hold per-run objects. */
    static final class Recording implements SignalStrategy {
        final SignalStrategy inner;
        final List<String> signals = new ArrayList<>();

        Recording(SignalStrategy inner) {
            this.inner = inner;
        }

        @Override
        public List<Signal> generateSignals(MarketSnapshot snapshot, PortfolioState state) {
            List<Signal> out = inner.generateSignals(snapshot, state);
            for (Signal s : out) {
                signals.add(snapshot.bar() + " " + s.symbol() + " " + s.side() + " " + s.action() + " " + s.size());
            }
            return out;
        }

        List<String> upTo(int t) {
            return signals.stream().filter(s -> Integer.parseInt(s.substring(0, s.indexOf(' '))) <= t).toList();
        }
    }

    /** A/B and C/D cointegrated (AR(1) 0.5 spreads, innovations 2 %), common random-walk drivers; closes after {@code from} scaled by {@code shock}. */
    static Panel panel(long seed, int from, double[] shock) {
        Random r = new Random(seed);
        PanelBuilder b = Panel.builder(Interval.D1, SYMBOLS);
        double[] lx = {Math.log(30), Math.log(5)};
        double[] s = new double[2];
        double[] prev = new double[4];
        for (int t = 0; t < BARS; t++) {
            double[] c = new double[4];
            for (int k = 0; k < 2; k++) {
                lx[k] += 0.03 * r.nextGaussian();
                s[k] = 0.5 * s[k] + 0.02 * r.nextGaussian();
                c[2 * k] = Math.exp(0.2 + 1.1 * lx[k] + s[k]);
                c[2 * k + 1] = Math.exp(lx[k]);
            }
            for (int i = 0; i < 4; i++) {
                double close = t > from ? c[i] * shock[(t * 4 + i) % shock.length] : c[i];
                double open = t == 0 ? close : 0.5 * (prev[i] + close);
                b.bar(SYMBOLS[i], PairFixtures.T0 + t * PairFixtures.DAY, open, Math.max(open, close) * 1.01,
                        Math.min(open, close) * 0.99, close, 100);
                prev[i] = close;
            }
        }
        return b.build();
    }

    static PairTradingParams params(HedgeRatio hedge) {
        return new PairTradingParams(List.of(), 2, 0.1, 60, PriceScale.LOG, hedge, 20, 1.5, 0, 3.5, 15,
                LegSizing.BETA_NEUTRAL, 0.3, 20, OnBreak.CLOSE);
    }

    @Test
    void perturbingTheFutureChangesNothingUpToT() {
        Random r = new Random(99);
        double[] shock = new double[97];
        for (int k = 0; k < shock.length; k++) {
            shock[k] = Math.exp(0.1 * r.nextGaussian());
        }
        for (HedgeRatio hedge : new HedgeRatio[] {new RollingOlsHedge(30), new KalmanHedge(1e-4, 1e-3, 30)}) {
            for (ExecutionPrice exec : ExecutionPrice.values()) {
                SimConfig c = SimConfig.builder(Market.USDM, 10_000).executionPrice(exec).costs(4, 2, 1)
                        .fundingMissing(FundingMissing.ZERO).build();
                Panel base = panel(5, BARS, shock);
                Recording ref = new Recording(new PairTradingStrategy(params(hedge)));
                BacktestResult refRun = Simulator.run(base, c, StrategyInput.signals(ref));
                assertTrue(ref.signals.size() >= 8, hedge + " " + exec + ": too few signals to test: " + ref.signals);
                BooksCheck.verify(base, c.capital(), refRun);
                for (int trial = 0; trial < 4; trial++) {
                    int t = 70 + r.nextInt(BARS - 80);
                    Panel perturbed = panel(5, t, shock);
                    Recording rec = new Recording(new PairTradingStrategy(params(hedge)));
                    BacktestResult run = Simulator.run(perturbed, c, StrategyInput.signals(rec));
                    String where = hedge + " " + exec + " t=" + t;
                    assertEquals(ref.upTo(t), rec.upTo(t), "signals up to t, " + where);
                    assertEquals(rows(refRun, base.times()[t]), rows(run, base.times()[t]), "rows up to t, " + where);
                    assertTrue(!ref.signals.equals(rec.signals) || !refRun.ledger().events().equals(run.ledger().events())
                            || t > BARS - 20, "the perturbation changed something after t, " + where);
                }
            }
        }
    }

    /** The {@code sizing:} section reads only the windows up to the decision: sized pair and legacy runs too. */
    @Test
    void sizedSignalAndLegacyStrategiesDoNotLookAhead() {
        Random r = new Random(7);
        double[] shock = new double[89];
        for (int k = 0; k < shock.length; k++) {
            shock[k] = Math.exp(0.1 * r.nextGaussian());
        }
        SizingSpec[] specs = {SizingSpec.of(SizingMethod.VOL_TARGET).withLookback(20).withVolTarget(0.3, 2),
                SizingSpec.of(SizingMethod.INVERSE_VOL).withLookback(20),
                SizingSpec.of(SizingMethod.KELLY).withFraction(0.5).withLookback(20)
                        .withKelly(KellyMode.DISCRETE, 0.4, 1, 0)};
        SimConfig c = SimConfig.builder(Market.USDM, 10_000).executionPrice(ExecutionPrice.NEXT_OPEN).costs(4, 2, 1)
                .fundingMissing(FundingMissing.ZERO).build();
        Panel base = panel(5, BARS, shock);
        for (SizingSpec spec : specs) {
            for (int kind = 0; kind < 2; kind++) {
                Recording ref = sized(kind, spec);
                BacktestResult refRun = Simulator.run(base, c, StrategyInput.signals(ref));
                String what = spec.method() + (kind == 0 ? " pair_trading" : " sma_cross_tpsl");
                assertTrue(ref.signals.size() >= 4, what + ": too few signals to test: " + ref.signals);
                for (int trial = 0; trial < 3; trial++) {
                    int t = 70 + r.nextInt(BARS - 80);
                    Recording rec = sized(kind, spec);
                    BacktestResult run = Simulator.run(panel(5, t, shock), c, StrategyInput.signals(rec));
                    assertEquals(ref.upTo(t), rec.upTo(t), "signals up to t, " + what + " t=" + t);
                    assertEquals(rows(refRun, base.times()[t]), rows(run, base.times()[t]), "rows up to t, " + what);
                }
            }
        }
    }

    private static Recording sized(int kind, SizingSpec spec) {
        SignalStrategy inner = kind == 0 ? new PairTradingStrategy(params(new RollingOlsHedge(30)))
                : new LegacySignalAdapter(new SmaCrossTpslStrategy(3, 8, 0.1, 0.05, 2, w -> { }), 2);
        return new Recording(new SignalSizer(inner, spec));
    }

    static List<TradeEvent> rows(BacktestResult r, long until) {
        return r.ledger().events().stream().filter(e -> e.time() <= until).toList();
    }
}
