package io.quantlake.datasets;

/**
 * A small, fully specified pseudo-random generator (SplitMix64) so that a seed gives the same
 * numbers on every JVM and platform: the JDK's generators document their bit streams but not all of
 * their derived draws (e.g. {@code nextGaussian}), and {@link Math#log} may differ between
 * platforms, so draws here use only integer arithmetic, {@link Math#sqrt} (exact IEEE) and
 * {@link StrictMath}.
 *
 * <p>Independent streams come from {@link #stream(long, long)}: one per concern (market factor,
 * one symbol's path, its volumes…), so that changing one concern leaves the others' draws alone.
 */
final class SeededRandom {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private long state;
    private double spareGaussian;
    private boolean hasSpare;

    private SeededRandom(long state) {
        this.state = state;
    }

    /** The generator of stream {@code stream} under {@code seed}; distinct streams are uncorrelated. */
    static SeededRandom stream(long seed, long stream) {
        return new SeededRandom(mix64(seed ^ mix64(stream * GOLDEN_GAMMA + 0x632BE59BD9B4E019L)));
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The next 64 uniformly distributed bits. */
    long nextLong() {
        state += GOLDEN_GAMMA;
        return mix64(state);
    }

    /** Uniform on [0, 1), 53 bits. */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform on [lo, hi). */
    double uniform(double lo, double hi) {
        return lo + (hi - lo) * nextDouble();
    }

    /** Uniform integer on [0, bound). */
    int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        return (int) Math.floorMod(nextLong() >>> 1, (long) bound);
    }

    /** Standard normal by Marsaglia's polar method. */
    double nextGaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spareGaussian;
        }
        double u;
        double v;
        double s;
        do {
            u = 2 * nextDouble() - 1;
            v = 2 * nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double m = Math.sqrt(-2 * StrictMath.log(s) / s);
        spareGaussian = v * m;
        hasSpare = true;
        return u * m;
    }

    /**
     * Student-t with {@code nu} (integer, at least 3) degrees of freedom, scaled to unit variance:
     * {@code z / sqrt(chi2_nu / nu) * sqrt((nu - 2) / nu)}, the chi-square as a sum of squared normals.
     */
    double nextStudentT(int nu) {
        if (nu < 3) {
            throw new IllegalArgumentException("Student-t degrees of freedom must be >= 3 for unit variance, got " + nu);
        }
        double z = nextGaussian();
        double chi2 = 0;
        for (int k = 0; k < nu; k++) {
            double g = nextGaussian();
            chi2 += g * g;
        }
        return z / Math.sqrt(chi2 / nu) * Math.sqrt((nu - 2.0) / nu);
    }
}
