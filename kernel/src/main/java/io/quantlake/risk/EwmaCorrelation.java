package io.quantlake.risk;

import io.quantlake.sizing.Covariance;

/**
 * Exponentially weighted pairwise-complete correlation with decay {@code λ}, the convention of
 * {@link Covariance#ewma} (pandas {@code ewm(alpha = 1 - λ, adjust=True).cov(bias=True)}) applied, for pair
 * {@code (i, j)}, to the bars where both returns are finite: with those bars numbered {@code 0..T-1}, weights
 * {@code w_t ∝ λ^(T-1-t)} summing to 1, EWMA means {@code m = Σ w_t r_t} and covariance
 * {@code C = Σ w_t (r_t - m)(r_t - m)ᵀ}.
 *
 * <p>Kept incrementally ({@code O(N²)} per bar, West's weighted update): on a joint bar with returns {@code r},
 * {@code W_t = λ W_{t-1} + 1}, {@code α = 1 / W_t}, {@code d = r - m_{t-1}}, {@code m_t = m_{t-1} + α d},
 * {@code C_t = (1 - α)(C_{t-1} + α d dᵀ)}. As {@code t → ∞}, {@code α → 1 - λ} and this is
 * {@code C_t = λ C_{t-1} + λ(1 - λ) d dᵀ = λ C_{t-1} + (1 - λ)(r - m_t)(r - m_{t-1})ᵀ}. The recursion is a
 * contraction, so rounding errors decay geometrically and no recomputation is needed.
 *
 * <p>State ({@code N x N}, {@code i * N + j}): {@code weight} and {@code cov} symmetric; {@code mean[ij]} and
 * {@code var[ij]} are the moments of {@code r_i} over the joint bars with {@code j} (diagonal: all of {@code i}'s
 * bars); {@code count} saturates at {@code minPeriods}.
 */
final class EwmaCorrelation implements PairwiseCorrelation {
    private final int n;
    private final double lambda;
    private final int minPeriods;
    private final double[] weight;
    private final double[] mean;
    private final double[] var;
    private final double[] cov;
    private final int[] count;

    EwmaCorrelation(int n, double lambda, int minPeriods) {
        this.n = n;
        this.lambda = lambda;
        this.minPeriods = minPeriods;
        this.weight = new double[n * n];
        this.mean = new double[n * n];
        this.var = new double[n * n];
        this.cov = new double[n * n];
        this.count = new int[n * n];
    }

    @Override
    public void update(double[] r) {
        for (int i = 0; i < n; i++) {
            double x = r[i];
            if (Double.isNaN(x)) {
                continue;
            }
            for (int j = i; j < n; j++) {
                double y = r[j];
                if (Double.isNaN(y)) {
                    continue;
                }
                int ij = i * n + j;
                int ji = j * n + i;
                double w = lambda * weight[ij] + 1;
                double a = 1 / w;
                double b = 1 - a;
                double dx = x - mean[ij];
                double dy = y - mean[ji];
                weight[ij] = w;
                weight[ji] = w;
                if (count[ij] < minPeriods) {
                    count[ij]++;
                    count[ji] = count[ij];
                }
                mean[ij] += a * dx;
                var[ij] = b * (var[ij] + a * dx * dx);
                if (j != i) {
                    mean[ji] += a * dy;
                    var[ji] = b * (var[ji] + a * dy * dy);
                    cov[ij] = b * (cov[ij] + a * dx * dy);
                    cov[ji] = cov[ij];
                }
            }
        }
    }

    @Override
    public double correlation(int i, int j) {
        int ij = i * n + j;
        int ji = j * n + i;
        if (count[ij] < minPeriods) {
            return Double.NaN;
        }
        // var is already centered (no cancellation): the degenerate test compares it with the raw second moment.
        double floorX = DEGENERATE_VARIANCE * (var[ij] + mean[ij] * mean[ij]);
        double floorY = DEGENERATE_VARIANCE * (var[ji] + mean[ji] * mean[ji]);
        return PairwiseCorrelation.pearson(i == j ? var[ij] : cov[ij], var[ij], var[ji], floorX, floorY);
    }
}
