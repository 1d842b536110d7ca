package io.quantlake.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** PBO by CSCV on synthetic return matrices with known answers. */
class BacktestOverfittingTest {
    private static double[][] noise(int sets, int periods, long seed, double edgeOfSetZero) {
        Random rnd = new Random(seed);
        double[][] r = new double[sets][periods];
        for (int m = 0; m < sets; m++) {
            for (int t = 0; t < periods; t++) {
                r[m][t] = 0.01 * rnd.nextGaussian() + (m == 0 ? edgeOfSetZero : 0);
            }
        }
        return r;
    }

    @Test
    void identicalNoiseStrategiesAreOverfitHalfTheTime() {
        // M sets of i.i.d. noise: the in-sample winner's out-of-sample rank is uniform, so PBO ≈ 1/2;
        // averaged over 8 seeded matrices (each estimate is noisy: its 12 870 combinations share data)
        double sum = 0;
        for (long seed = 1; seed <= 8; seed++) {
            BacktestOverfitting p = BacktestOverfitting.cscv(noise(20, 800, seed, 0), 16, Objective.SHARPE, 365);
            assertEquals(12_870, p.combinations());
            assertEquals(50, p.blockSize());
            sum += p.pbo();
        }
        double mean = sum / 8;
        assertTrue(mean > 0.35 && mean < 0.65, "mean PBO of noise " + mean);
    }

    @Test
    void aGenuinelyBetterStrategyIsNeverOverfit() {
        // set 0 earns 0.3 standard deviations per period more than 19 noise sets: best in every half
        BacktestOverfitting p = BacktestOverfitting.cscv(noise(20, 800, 5, 0.003), 16, Objective.SHARPE, 365);
        assertEquals(0.0, p.pbo(), 0.01);
        assertTrue(p.meanLogit() > 2, "the winner ranks near the top out of sample: mean λ " + p.meanLogit());
    }

    @Test
    void matchesADirectEvaluationOfTheDefinition() {
        // 7 sets, 6 blocks of 21 returns (the first 130 − 126 = 4 returns dropped), C(6,3) = 20 combinations
        double[][] r = noise(7, 130, 9, 0.001);
        for (Objective objective : new Objective[] {Objective.SHARPE, Objective.TOTAL_RETURN, Objective.MAX_DRAWDOWN}) {
            BacktestOverfitting p = BacktestOverfitting.cscv(r, 6, objective, 365);
            double[] expected = direct(r, 6, objective);
            assertEquals(20, p.combinations());
            assertEquals(21, p.blockSize());
            assertArrayEquals(expected, p.logits(), 1e-9, objective.code());
            long overfit = java.util.Arrays.stream(expected).filter(l -> l <= 0).count();
            assertEquals(overfit / 20.0, p.pbo(), 1e-12, objective.code());
        }
    }

    /** CSCV written straight from its definition: masks in increasing order, halves joined in time order. */
    private static double[] direct(double[][] r, int s, Objective objective) {
        int b = r[0].length / s;
        int skip = r[0].length - b * s;
        java.util.List<Double> logits = new java.util.ArrayList<>();
        for (int mask = 0; mask < (1 << s); mask++) {
            if (Integer.bitCount(mask) != s / 2) {
                continue;
            }
            double[] in = new double[r.length];
            double[] out = new double[r.length];
            for (int m = 0; m < r.length; m++) {
                double[] a = new double[r[m].length];
                double[] c = new double[r[m].length];
                int na = 0;
                int nc = 0;
                for (int k = 0; k < s; k++) {
                    for (int t = skip + k * b; t < skip + (k + 1) * b; t++) {
                        if ((mask & (1 << k)) != 0) {
                            a[na++] = r[m][t];
                        } else {
                            c[nc++] = r[m][t];
                        }
                    }
                }
                in[m] = objective.score(WindowMetrics.ofReturns(a, na, 365));
                out[m] = objective.score(WindowMetrics.ofReturns(c, nc, 365));
            }
            int best = 0;
            for (int m = 1; m < r.length; m++) {
                if (in[m] > in[best]) {
                    best = m;
                }
            }
            int rank = 1;
            for (int m = 0; m < r.length; m++) {
                if (out[m] < out[best]) {
                    rank++;
                }
            }
            double omega = rank / (r.length + 1.0);
            logits.add(Math.log(omega / (1 - omega)));
        }
        return logits.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void rejectsOddBlocksAndTooFewReturns() {
        assertThrows(IllegalArgumentException.class,
                () -> BacktestOverfitting.cscv(noise(3, 100, 1, 0), 5, Objective.SHARPE, 365));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BacktestOverfitting.cscv(noise(3, 20, 1, 0), 16, Objective.SHARPE, 365));
        assertTrue(e.getMessage().contains("at least 32 returns"), e.getMessage());
    }
}
