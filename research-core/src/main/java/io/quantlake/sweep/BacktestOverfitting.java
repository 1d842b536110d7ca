package io.quantlake.sweep;

/**
 * The Probability of Backtest Overfitting by combinatorially symmetric cross-validation (CSCV;
 * Bailey, Borwein, López de Prado, Zhu, "The Probability of Backtest Overfitting", J. Computational
 * Finance 2017, working paper 2015).
 *
 * <p>Input: the T×M matrix of per-period returns of the M parameter sets (all over the same bars).
 * The first {@code T mod S} rows are dropped and the rest cut into S even blocks of
 * {@code b = ⌊T/S⌋} rows. For each of the {@code C(S, S/2)} choices of S/2 blocks as the
 * in-sample half J (the other half J̄ out of sample):
 * <ol>
 *   <li>n* = the set with the best objective on J (ties: the lowest index; NaN ranks last);</li>
 *   <li>ω = rank of n*'s objective on J̄ among the M sets' (1 = worst, M = best, ties averaged) / (M + 1);</li>
 *   <li>λ = ln(ω / (1 − ω)).</li>
 * </ol>
 * PBO = the fraction of combinations with λ ≤ 0 (the in-sample best is at or below the median out
 * of sample). The objective is computed on each half's returns joined in time order
 * ({@link WindowMetrics#ofReturns}); for {@code sharpe}, from per-block sums (same value, faster).
 *
 * @param pbo          the probability of backtest overfitting, in [0, 1]
 * @param blocks       S
 * @param blockSize    b, returns per block
 * @param combinations C(S, S/2)
 * @param logits       λ of every combination, in enumeration order
 */
public record BacktestOverfitting(double pbo, int blocks, int blockSize, int combinations, double[] logits) {
    /** Largest S accepted: C(20, 10) = 184 756 combinations. */
    public static final int MAX_BLOCKS = 20;

    /** Mean of the logits λ. */
    public double meanLogit() {
        double s = 0;
        for (double l : logits) {
            s += l;
        }
        return s / logits.length;
    }

    /**
     * CSCV over {@code returns[m]} (set m's returns, all of one length T).
     *
     * @param blocks S, even, in [2, {@value #MAX_BLOCKS}], with {@code T >= 2S}
     * @param ppy    periods per year (for annualized objectives; ranks do not depend on it)
     */
    public static BacktestOverfitting cscv(double[][] returns, int blocks, Objective objective, double ppy) {
        int m = returns.length;
        if (m < 2) {
            throw new IllegalArgumentException("PBO needs at least 2 parameter sets, got " + m);
        }
        int t = returns[0].length;
        for (double[] r : returns) {
            if (r.length != t) {
                throw new IllegalArgumentException("PBO needs return series of one length, got " + t + " and " + r.length);
            }
        }
        if (blocks < 2 || blocks % 2 != 0 || blocks > MAX_BLOCKS) {
            throw new IllegalArgumentException("CSCV blocks must be even and in [2, " + MAX_BLOCKS + "], got " + blocks);
        }
        int b = t / blocks;
        if (b < 2) {
            throw new IllegalArgumentException("CSCV with " + blocks + " blocks needs at least " + 2 * blocks
                    + " returns per set, got " + t);
        }
        int skip = t - b * blocks;
        Scorer scorer = objective == Objective.SHARPE ? new SharpeScorer(returns, skip, b, blocks)
                : new GeneralScorer(returns, skip, b, objective, ppy);
        int half = blocks / 2;
        int full = (1 << blocks) - 1;
        double[] in = new double[m];
        double[] out = new double[m];
        double[] logits = new double[binomial(blocks, half)];
        int c = 0;
        int overfit = 0;
        for (int mask = (1 << half) - 1; mask <= full; mask = nextSameBitCount(mask)) {
            scorer.scores(mask, in);
            scorer.scores(full & ~mask, out);
            int best = 0;
            for (int k = 1; k < m; k++) {
                if (in[k] > in[best]) {
                    best = k;
                }
            }
            double below = 0;
            double ties = 0;
            for (int k = 0; k < m; k++) {
                if (out[k] < out[best]) {
                    below++;
                } else if (out[k] == out[best] && k != best) {
                    ties++;
                }
            }
            double omega = (below + 1 + ties / 2) / (m + 1);
            double lambda = Math.log(omega / (1 - omega));
            logits[c++] = lambda;
            if (lambda <= 0) {
                overfit++;
            }
        }
        return new BacktestOverfitting((double) overfit / c, blocks, b, c, logits);
    }

    /** Gosper's hack: the next larger integer with the same number of 1 bits. */
    private static int nextSameBitCount(int x) {
        int low = x & -x;
        int ripple = x + low;
        return (((ripple ^ x) >>> 2) / low) | ripple;
    }

    private static int binomial(int n, int k) {
        long c = 1;
        for (int i = 1; i <= k; i++) {
            c = c * (n - k + i) / i;
        }
        return (int) c;
    }

    /** Oriented objective (higher is better, NaN → −∞) of every set on the blocks of a mask. */
    private interface Scorer {
        void scores(int mask, double[] out);
    }

    /** Sharpe from per-block count, sum and sum of squares: mean / sd(ddof 1), per period. */
    private static final class SharpeScorer implements Scorer {
        private final double[][] sum;
        private final double[][] sq;
        private final int b;
        private final int blocks;

        SharpeScorer(double[][] returns, int skip, int b, int blocks) {
            this.b = b;
            this.blocks = blocks;
            sum = new double[returns.length][blocks];
            sq = new double[returns.length][blocks];
            for (int m = 0; m < returns.length; m++) {
                for (int k = 0; k < blocks; k++) {
                    for (int i = skip + k * b; i < skip + (k + 1) * b; i++) {
                        sum[m][k] += returns[m][i];
                        sq[m][k] += returns[m][i] * returns[m][i];
                    }
                }
            }
        }

        @Override
        public void scores(int mask, double[] out) {
            int n = Integer.bitCount(mask) * b;
            for (int m = 0; m < sum.length; m++) {
                double s = 0;
                double q = 0;
                for (int k = 0; k < blocks; k++) {
                    if ((mask & (1 << k)) != 0) {
                        s += sum[m][k];
                        q += sq[m][k];
                    }
                }
                double mean = s / n;
                double var = (q - n * mean * mean) / (n - 1);
                out[m] = Objective.SHARPE.score(var > 0 ? mean / Math.sqrt(var) : Double.NaN);
            }
        }
    }

    /** Any objective: joins the mask's blocks in time order and computes {@link WindowMetrics#ofReturns}. */
    private static final class GeneralScorer implements Scorer {
        private final double[][] returns;
        private final int skip;
        private final int b;
        private final Objective objective;
        private final double ppy;
        private final double[] buffer;

        GeneralScorer(double[][] returns, int skip, int b, Objective objective, double ppy) {
            this.returns = returns;
            this.skip = skip;
            this.b = b;
            this.objective = objective;
            this.ppy = ppy;
            this.buffer = new double[returns[0].length];
        }

        @Override
        public void scores(int mask, double[] out) {
            for (int m = 0; m < returns.length; m++) {
                int n = 0;
                for (int k = 0; k < 32 && (mask >>> k) != 0; k++) {
                    if ((mask & (1 << k)) != 0) {
                        System.arraycopy(returns[m], skip + k * b, buffer, n, b);
                        n += b;
                    }
                }
                out[m] = objective.score(WindowMetrics.ofReturns(buffer, n, ppy));
            }
        }
    }
}
