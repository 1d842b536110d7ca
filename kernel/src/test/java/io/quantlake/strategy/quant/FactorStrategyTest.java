package io.quantlake.strategy.quant;

import static io.quantlake.strategy.quant.QuantPanels.X;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.factorspec.FactorRef;
import io.quantlake.panel.Panel;
import io.quantlake.schedule.RebalanceSchedule;
import io.quantlake.strategy.TargetWeights;
import io.quantlake.strategy.reference.MarketNeutralStrategy;
import io.quantlake.strategy.reference.Selection;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FactorStrategyTest {
    static final String[] ABC = {"AAA", "BBB", "CCC"};
    static final double Z = Math.sqrt(1.5); // (x − mean) / sd for (1, 2, 3): sd = √(2/3), z = ±√1.5

    static final String A = "mom_2_1";
    static final String B = "rev_1";

    /**
     * Three bars; factor features {@code a} ({@value A}), {@code b} ({@value B}), values set by hand.
     * Bar 0: a = (1, 2, 3), b = (30, 10, 20). Bar 1: a = (1, 5, NaN),
     * b = (10, 10, 10). Bar 2 only completes the panel (no delisting before it).
     */
    static Panel featured() {
        Panel p = QuantPanels.closes(ABC, new double[][]{{1, 1, 1}, {1, 1, 1}, {1, 1, 1}});
        return p.withFeature(A, new double[]{1, 2, 3, 1, 5, X, 0, 0, 0})
                .withFeature(B, new double[]{30, 10, 20, 10, 10, 10, 0, 0, 0});
    }

    static final CompositeScore AB = new CompositeScore(List.of(
            new CompositeScore.Component(FactorRef.of(A), 1),
            new CompositeScore.Component(FactorRef.of(B), 0.5)));

    /**
     * Bar 0: z_a = (−Z, 0, Z), z_b = (Z, −Z, 0), c = z_a + 0.5 z_b = (−Z/2, −Z/2, Z). Bar 1: CCC lacks
     * a, so over AAA and BBB z_a = (−1, 1) and b is constant (z = 0): c = (−1, 1, NaN).
     */
    @Test
    void compositeIsTheWeightedSumOfCrossSectionalZScores() {
        double[] c = AB.scores(featured());
        assertArrayEquals(new double[]{-Z / 2, -Z / 2, Z, -1, 1, X, 0, 0, 0}, c, 1e-12);
    }

    /** Bar 0 ranking CCC, AAA, BBB (AAA and BBB tie at −Z/2: name order); bar 1 BBB, AAA; bar 2 all tie at 0. */
    @Test
    void longShortTradesTheCompositeLikeMarketNeutral() {
        FactorStrategy f = new FactorStrategy(AB, new FactorStrategy.LongShort(new Selection.Counts(1, 1), 0.6, 0.4,
                Optional.empty()), new RebalanceSchedule.EveryBar());
        TargetWeights tw = f.targets(featured());
        assertArrayEquals(new double[]{0, -0.4, 0.6, -0.4, 0.6, 0, 0.6, 0, -0.4},
                tw.weights(), 1e-15);
        assertEquals("factor", f.name());
    }

    @Test
    void longOnlyTopIsEquallyOrScoreWeighted() {
        Selection top2 = new Selection.Counts(2, 0);
        TargetWeights equal = new FactorStrategy(AB, new FactorStrategy.LongOnly(top2, false),
                new RebalanceSchedule.EveryBar()).targets(featured());
        assertArrayEquals(new double[]{0.5, 0, 0.5}, Arrays.copyOfRange(equal.weights(), 0, 3), 1e-15);
        // bar 0: CCC c = Z > 0, AAA c = −Z/2 → max(c, 0) = 0; bar 1: BBB 1, AAA −1 → 0
        TargetWeights scored = new FactorStrategy(AB, new FactorStrategy.LongOnly(top2, true),
                new RebalanceSchedule.EveryBar()).targets(featured());
        assertArrayEquals(new double[]{0, 0, 1, 0, 1, 0}, Arrays.copyOfRange(scored.weights(), 0, 6), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> new FactorStrategy.LongOnly(new Selection.Counts(1, 1), false));
    }

    /** The strategy declares its factors (each once); a panel lacking one fails with one line naming it. */
    @Test
    void requiredFactorsAreDeclaredAndAMissingOneIsNamed() {
        CompositeScore twice = new CompositeScore(List.of(new CompositeScore.Component(FactorRef.of(A), 1),
                new CompositeScore.Component(FactorRef.of(B), 0.5), new CompositeScore.Component(FactorRef.of(A), 2)));
        FactorStrategy f = new FactorStrategy(twice, new FactorStrategy.LongOnly(new Selection.Counts(1, 0), false),
                new RebalanceSchedule.EveryBar());
        assertEquals(List.of(FactorRef.of(A), FactorRef.of(B)), f.requiredFactors());
        Panel onlyA = QuantPanels.closes(ABC, new double[][]{{1, 1, 1}}).withFeature(A, new double[]{1, 2, 3});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.targets(onlyA));
        assertTrue(e.getMessage().startsWith("the panel has no values of factor 'rev_1': factor values are computed by "
                + "Spark over the lake"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }

    /** Composite NaN (no weight) exactly where a symbol is not listed, misses bar t or lacks a factor. */
    @Test
    void compositeIsUndefinedWhereASymbolIsNotValid() {
        String[] s = {"AAA", "BBB", "CCC", "DDD"};
        Panel p = QuantPanels.withFactors(QuantPanels.market(s, 60, 3), "mom_10_1", "rvol_8", "rev_3");
        CompositeScore score = new CompositeScore(List.of(new CompositeScore.Component(FactorRef.of("mom_10_1"), 1),
                new CompositeScore.Component(FactorRef.of("rvol_8"), -0.5),
                new CompositeScore.Component(FactorRef.of("rev_3"), -0.25)));
        double[] c = score.scores(p);
        double[] mom = p.feature("mom_10_1");
        double[] vol = p.feature("rvol_8");
        for (int t = 0; t < 60; t++) {
            double sum = 0;
            for (int i = 0; i < 4; i++) {
                int k = t * 4 + i;
                boolean valid = p.exists(t, i) && p.hasBar(t, i) && !Double.isNaN(mom[k]) && !Double.isNaN(vol[k]);
                assertEquals(valid, !Double.isNaN(c[k]), s[i] + " at " + t);
                sum += valid ? c[k] : 0;
            }
            assertEquals(0.0, sum, 1e-12, "cross-sectional mean 0 at " + t);
        }
        assertTrue(Double.isNaN(c[(60 - 10) * 4 + 2]), "CCC's delisting bar (R6)");
    }

    @Test
    void betaNeutralLongShortDelegatesToBetaNeutralStrategy() {
        String[] s = {"AAA", "BBB", "CCC", "DDD", "EEE"};
        Panel p = QuantPanels.withFactors(QuantPanels.market(s, 120, 8), "mom_15_0", "rev_2");
        CompositeScore score = new CompositeScore(List.of(new CompositeScore.Component(FactorRef.of("mom_15_0"), 1),
                new CompositeScore.Component(FactorRef.of("rev_2"), 0.3)));
        RollingBeta beta = new RollingBeta(20, new MarketIndex.Symbol("AAA"));
        RebalanceSchedule weekly = new RebalanceSchedule.Weekly(1);
        TargetWeights viaFactor = new FactorStrategy(score, new FactorStrategy.LongShort(new Selection.Quantiles(0.4, 0.4),
                1, 1, Optional.of(beta)), weekly).targets(p);
        TargetWeights direct = new BetaNeutralStrategy(new MarketNeutralStrategy(score, new Selection.Quantiles(0.4, 0.4),
                1, 1, weekly), beta).targets(p);
        assertArrayEquals(direct.decision(), viaFactor.decision());
        assertArrayEquals(direct.weights(), viaFactor.weights(), 0);
        int decisions = 0;
        for (boolean d : direct.decision()) {
            decisions += d ? 1 : 0;
        }
        assertTrue(decisions >= 10);
    }

    @Test
    void componentsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> new CompositeScore(List.of()));
        assertThrows(IllegalArgumentException.class, () -> new CompositeScore.Component(FactorRef.of("rev_1"), 0));
        assertThrows(IllegalArgumentException.class, () -> FactorRef.of("rvol_1"));
        assertThrows(IllegalArgumentException.class, () -> FactorRef.of("mom_3_3"));
        assertThrows(IllegalArgumentException.class, () -> FactorRef.of("rev_0"));
        assertThrows(IllegalArgumentException.class, () -> FactorRef.of("momentum"));
    }
}
