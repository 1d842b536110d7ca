package io.quantlake.sizing;

/**
 * A covariance shrunk toward a scaled identity (see {@link LedoitWolf#shrink}).
 *
 * @param covariance   {@code (1 - shrinkage) S + shrinkage * target * I}, N x N, per-bar return units squared
 * @param shrinkage    intensity in [0, 1]
 * @param target       {@code mu = trace(S) / N}, the average variance the diagonal is pulled toward
 */
public record ShrunkCovariance(double[][] covariance, double shrinkage, double target) {
    public ShrunkCovariance {
        Matrices.requireCovariance(covariance, "covariance");
        if (!(shrinkage >= 0 && shrinkage <= 1)) {
            throw new IllegalArgumentException("shrinkage must be in [0, 1], got " + shrinkage);
        }
        if (!(target > 0)) {
            throw new IllegalArgumentException("target (average variance) must be > 0, got " + target);
        }
        covariance = Matrices.copy(covariance);
    }

    @Override
    public double[][] covariance() {
        return Matrices.copy(covariance);
    }
}
