package io.quantlake.sweep;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The Deflated Sharpe Ratio of the best of {@code N} trials (Bailey &amp; López de Prado, "The
 * Deflated Sharpe Ratio", J. Portfolio Management 2014): the probability that the best set's true
 * Sharpe ratio is above zero, after allowing for the selection among N trials and for non-normal
 * returns. Every Sharpe ratio here is per period (not annualized).
 *
 * <pre>
 * SR₀ = √V · [(1 − γ) Φ⁻¹(1 − 1/N) + γ Φ⁻¹(1 − 1/(N e))]        expected maximum of N trials' SR under H₀
 * DSR = Φ( (SR* − SR₀) √(T − 1) / √(1 − g₃ SR* + (g₄ − 1)/4 · SR*²) )
 * </pre>
 *
 * with γ ≈ 0.5772 the Euler–Mascheroni constant, Φ the standard normal CDF, V the variance of the
 * trials' Sharpe ratios, SR* the best set's Sharpe ratio, g₃ the skewness and g₄ the kurtosis
 * (normal: 3) of its returns, T its number of returns. With one trial (or V = 0) SR₀ = 0 and DSR
 * is the Probabilistic Sharpe Ratio against 0.
 *
 * @param sharpe          SR*, per period
 * @param trials          N, the number of parameter sets tried
 * @param trialVariance   V, sample variance (ddof 1) of the trials' per-period Sharpe ratios
 * @param skewness        g₃ of the best set's returns
 * @param kurtosis        g₄ (not excess) of the best set's returns
 * @param returns         T
 * @param expectedMaxSharpe SR₀, per period
 * @param dsr             the deflated Sharpe ratio, a probability in [0, 1]; NaN when undefined
 */
public record DeflatedSharpe(double sharpe, int trials, double trialVariance, double skewness, double kurtosis,
                             int returns, double expectedMaxSharpe, double dsr) {
    /** The Euler–Mascheroni constant γ. */
    public static final double EULER_GAMMA = 0.5772156649015329;
    private static final NormalDistribution NORMAL = new NormalDistribution(0, 1);

    /** Evaluates the formulas above. */
    public static DeflatedSharpe of(double sharpe, int trials, double trialVariance, double skewness, double kurtosis,
                                    int returns) {
        if (trials < 1) {
            throw new IllegalArgumentException("deflated Sharpe needs at least one trial, got " + trials);
        }
        double sr0 = expectedMaxSharpe(trials, trialVariance);
        double denominator = 1 - skewness * sharpe + (kurtosis - 1) / 4 * sharpe * sharpe;
        double dsr = returns < 2 || !(denominator > 0) ? Double.NaN
                : NORMAL.cumulativeProbability((sharpe - sr0) * Math.sqrt(returns - 1) / Math.sqrt(denominator));
        return new DeflatedSharpe(sharpe, trials, trialVariance, skewness, kurtosis, returns, sr0, dsr);
    }

    /**
     * The DSR of the set with returns {@code best} among trials whose per-period Sharpe ratios are
     * {@code trialSharpes} (N = its length; V over its finite values). Skewness and kurtosis are the
     * moment estimates {@code m₃/m₂^1.5} and {@code m₄/m₂²} (central moments with divisor T).
     */
    public static DeflatedSharpe ofReturns(double[] best, double[] trialSharpes) {
        int t = best.length;
        double mean = 0;
        for (double r : best) {
            mean += r;
        }
        mean /= t;
        double m2 = 0;
        double m3 = 0;
        double m4 = 0;
        for (double r : best) {
            double d = r - mean;
            m2 += d * d;
            m3 += d * d * d;
            m4 += d * d * d * d;
        }
        double sd = Math.sqrt(m2 / (t - 1));
        m2 /= t;
        m3 /= t;
        m4 /= t;
        return of(mean / sd, trialSharpes.length, sampleVariance(trialSharpes), m3 / Math.pow(m2, 1.5), m4 / (m2 * m2), t);
    }

    /** SR₀ of N trials with Sharpe variance V (0 for one trial). */
    public static double expectedMaxSharpe(int trials, double variance) {
        if (trials < 2 || !(variance > 0)) {
            return 0;
        }
        double n = trials;
        return Math.sqrt(variance) * ((1 - EULER_GAMMA) * NORMAL.inverseCumulativeProbability(1 - 1 / n)
                + EULER_GAMMA * NORMAL.inverseCumulativeProbability(1 - 1 / (n * Math.E)));
    }

    private static double sampleVariance(double[] x) {
        double sum = 0;
        int n = 0;
        for (double v : x) {
            if (Double.isFinite(v)) {
                sum += v;
                n++;
            }
        }
        if (n < 2) {
            return 0;
        }
        double mean = sum / n;
        double ss = 0;
        for (double v : x) {
            if (Double.isFinite(v)) {
                ss += (v - mean) * (v - mean);
            }
        }
        return ss / (n - 1);
    }
}
