package io.quantlake.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The Deflated Sharpe Ratio against the worked example of Bailey & López de Prado (2014). */
class DeflatedSharpeTest {
    /**
     * The paper's example: annualized SR 2.5 over 5 years of daily returns (T = 1250, 250 per year),
     * N = 100 trials whose annualized Sharpe ratios have variance 1/2, skewness −3, kurtosis 10.
     * Per period: SR* = 2.5/√250 = 0.158114, V = 0.5/250 = 0.002.
     * SR₀ = √0.002 · [(1 − 0.577216)·Φ⁻¹(0.99) + 0.577216·Φ⁻¹(1 − 1/(100e))]
     *     = 0.044721 · [0.422784·2.326348 + 0.577216·2.680210] = 0.044721 · 2.530630 = 0.113172
     *     (annualized 1.789, the paper's "SR₀ ≈ 1.79").
     * z = (0.158114 − 0.113172)·√1249 / √(1 + 3·0.158114 + 9/4·0.025) = 1.588309 / 1.237186 = 1.283816
     * DSR = Φ(1.283816) = 0.900397 (the paper: "DSR ≈ 0.9004").
     */
    @Test
    void paperExample() {
        DeflatedSharpe d = DeflatedSharpe.of(2.5 / Math.sqrt(250), 100, 0.5 / 250, -3, 10, 1250);
        assertEquals(0.113172, d.expectedMaxSharpe(), 1e-6);
        assertEquals(1.789406, d.expectedMaxSharpe() * Math.sqrt(250), 1e-6);
        assertEquals(0.900397, d.dsr(), 1e-6);
    }

    @Test
    void oneTrialIsTheProbabilisticSharpeRatioAgainstZero() {
        // N = 1: SR₀ = 0; normal returns (g₃ = 0, g₄ = 3), SR 0.1, T = 101:
        // z = 0.1·√100 / √(1 + 2/4·0.01) = 1 / 1.0024969 = 0.997509, Φ(z) = 0.840741
        DeflatedSharpe d = DeflatedSharpe.of(0.1, 1, 0.0, 0, 3, 101);
        assertEquals(0, d.expectedMaxSharpe());
        assertEquals(0.840741, d.dsr(), 1e-6);
    }

    @Test
    void fromReturnsUsesMomentEstimatesAndMoreTrialsDeflateMore() {
        Random rnd = new Random(3);
        double[] r = new double[500];
        for (int t = 0; t < r.length; t++) {
            r[t] = 0.001 + 0.01 * rnd.nextGaussian();
        }
        double sr = WindowMetrics.ofReturns(r, r.length, 1).sharpe();
        DeflatedSharpe few = DeflatedSharpe.ofReturns(r, new double[] {sr, sr - 0.02, sr - 0.04});
        assertEquals(sr, few.sharpe(), 1e-12);
        assertEquals(500, few.returns());
        assertEquals(0.0004, few.trialVariance(), 1e-12); // values sr, sr−0.02, sr−0.04: variance 0.02² = 0.0004
        assertEquals(0, few.skewness(), 0.3);
        assertEquals(3, few.kurtosis(), 0.6);
        double[] many = new double[50];
        for (int k = 0; k < many.length; k++) {
            many[k] = sr - 0.04 * k / many.length;
        }
        DeflatedSharpe deflated = DeflatedSharpe.ofReturns(r, many);
        assertTrue(deflated.expectedMaxSharpe() > few.expectedMaxSharpe());
        assertTrue(deflated.dsr() < few.dsr(), deflated.dsr() + " vs " + few.dsr());
    }
}
