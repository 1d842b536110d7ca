package io.quantlake.strategy.quant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.factorspec.FactorRef;
import io.quantlake.panel.Panel;
import io.quantlake.schedule.RebalanceSchedule;
import io.quantlake.strategy.TargetWeights;
import io.quantlake.strategy.WeightStrategy;
import io.quantlake.strategy.reference.MarketNeutralStrategy;
import io.quantlake.strategy.reference.Selection;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * SIMULATION.md §2 for the quant strategies: scrambling every close and feature after a random
 * bar {@code t} (same listing pattern) leaves every decision and target up to {@code t} identical,
 * bit for bit.
 */
class QuantNoLookAheadTest {
    static final String[] SYMBOLS = {"AAA", "BBB", "CCC", "DDD", "EEE", "FFF"};
    static final int BARS = 110;

    static void assertNoLookAhead(WeightStrategy s) {
        assertNoLookAhead(s, QuantPanels.market(SYMBOLS, BARS, 17));
    }

    static void assertNoLookAhead(WeightStrategy s, Panel base) {
        TargetWeights expected = s.targets(base);
        int decisions = 0;
        for (boolean d : expected.decision()) {
            decisions += d ? 1 : 0;
        }
        assertTrue(decisions >= 5, s.name() + " must decide a few times for the test to mean anything");
        Random rnd = new Random(99);
        int n = SYMBOLS.length;
        for (int trial = 0; trial < 15; trial++) {
            int cut = rnd.nextInt(BARS - 1);
            TargetWeights got = s.targets(QuantPanels.scrambleAfter(base, cut, rnd.nextLong()));
            assertArrayEquals(Arrays.copyOf(expected.decision(), cut + 1), Arrays.copyOf(got.decision(), cut + 1),
                    s.name() + " decisions up to " + cut);
            assertTrue(Arrays.equals(Arrays.copyOf(expected.weights(), (cut + 1) * n),
                    Arrays.copyOf(got.weights(), (cut + 1) * n)), s.name() + " weights up to " + cut);
        }
        // the check can fail: scrambling from bar t itself on changes some decision at or after t
        boolean sensitive = false;
        for (int trial = 0; trial < 15 && !sensitive; trial++) {
            int cut = 1 + rnd.nextInt(BARS - 2);
            TargetWeights got = s.targets(QuantPanels.scrambleAfter(base, cut - 1, rnd.nextLong()));
            sensitive = !Arrays.equals(expected.weights(), got.weights())
                    || !Arrays.equals(expected.decision(), got.decision());
        }
        assertTrue(sensitive, s.name() + " must depend on the scrambled bars at all");
    }

    @Test
    void riskParity() {
        CovarianceModel sample = new CovarianceModel(new CovarianceModel.Sample(), CovarianceModel.Shrinkage.NONE);
        CovarianceModel ewmaLw = new CovarianceModel(new CovarianceModel.Ewma(10), CovarianceModel.Shrinkage.LEDOIT_WOLF);
        assertNoLookAhead(new RiskParityStrategy(RiskParityStrategy.Method.ERC, 20, sample, Optional.empty(),
                new RebalanceSchedule.EveryBar()));
        assertNoLookAhead(new RiskParityStrategy(RiskParityStrategy.Method.INVERSE_VOL, 10, sample,
                Optional.of(new VolTargeting(0.2, 2)), new RebalanceSchedule.Every(3)));
        assertNoLookAhead(new RiskParityStrategy(RiskParityStrategy.Method.ERC, 15, ewmaLw,
                Optional.of(new VolTargeting(0.3, 1)), new RebalanceSchedule.Weekly(5)));
    }

    /**
     * The factor strategy reads its factors from the panel's features (attached by Spark; research-core's
     * FactorLibraryTest checks the values are the research definitions, its look-ahead is FactorEngineTest's): with
     * point-in-time factor values, scrambling the closes and the factor values after {@code t} leaves every decision
     * up to {@code t} unchanged, so the composite, the ranking and the beta hedge add no look-ahead.
     */
    @Test
    void factor() {
        CompositeScore score = new CompositeScore(List.of(new CompositeScore.Component(FactorRef.of("mom_12_2"), 1),
                new CompositeScore.Component(FactorRef.of("rev_3"), 0.5),
                new CompositeScore.Component(FactorRef.of("rvol_10"), -0.5)));
        Panel base = QuantPanels.withFactors(QuantPanels.market(SYMBOLS, BARS, 17), "mom_12_2", "rev_3", "rvol_10");
        RebalanceSchedule daily = new RebalanceSchedule.Daily();
        assertNoLookAhead(new FactorStrategy(score, new FactorStrategy.LongShort(new Selection.Counts(2, 2), 1, 1,
                Optional.empty()), daily), base);
        assertNoLookAhead(new FactorStrategy(score, new FactorStrategy.LongShort(new Selection.Counts(2, 1), 0.5, 0.5,
                Optional.of(new RollingBeta(15, new MarketIndex.EqualWeight()))), daily), base);
        assertNoLookAhead(new FactorStrategy(score, new FactorStrategy.LongOnly(new Selection.Quantiles(0.5, 0), true),
                new RebalanceSchedule.Every(4)), base);
        assertNoLookAhead(new FactorStrategy(score, new FactorStrategy.LongOnly(new Selection.Counts(3, 0), false),
                daily), base);
    }

    @Test
    void marketNeutralBeta() {
        assertNoLookAhead(new BetaNeutralStrategy(MarketNeutralStrategy.momentum(10, 1, 2, 2, 1, 1,
                new RebalanceSchedule.EveryBar()), new RollingBeta(20, new MarketIndex.Symbol("AAA"))));
        assertNoLookAhead(new BetaNeutralStrategy(MarketNeutralStrategy.momentum(7, 0, 1, 1, 0.5, 0.5,
                new RebalanceSchedule.Every(2)), new RollingBeta(10, new MarketIndex.EqualWeight())));
    }
}
