package io.quantlake.risk;

import java.util.Arrays;

/**
 * Rolling pairwise-complete Pearson correlation over the last {@code W} bars from running sums.
 *
 * <p>State, all {@code N x N} flat arrays indexed {@code i * N + j}, over the bars in the window where both
 * {@code r_i} and {@code r_j} are finite: {@code count[ij]} (symmetric), {@code sum[ij] = Σ r_i},
 * {@code sumSq[ij] = Σ r_i²} (the {@code ji} entries hold the sums of {@code r_j}), {@code cross[ij] = Σ r_i r_j}
 * (symmetric). The diagonal holds a symbol's own sums. A ring buffer of the last {@code W} return vectors
 * (NaN-filled before the window is full) gives the vector leaving the window.
 *
 * <p>Per bar: subtract the leaving vector, add the new one: {@code O(N²)}. Every {@code recomputeEvery}-th bar
 * instead rebuilds the sums from the ring buffer ({@code O(W N²)}) so add-and-subtract drift cannot accumulate.
 * Correlation: {@code (Σxy - ΣxΣy/n) / sqrt((Σx² - (Σx)²/n)(Σy² - (Σy)²/n))}. Its absolute error is about
 * {@code ε κ} with {@code κ = Σx² / Σ(x - x̄)²}: about {@code ε} for returns over a window (mean much smaller
 * than the dispersion), larger only for a few nearly equal values (tiny {@code minPeriods}).
 *
 * <p>Zero variance: subtracting values leaves rounding residue, so a series that is exactly constant over the
 * window (e.g. zero returns of a halted symbol) does not give an exact zero. A centered sum of squares at or
 * below {@code max(1e-12 Σx², 4 ε (bars since rebuild + W) n peak_i)} is treated as zero (correlation NaN),
 * where {@code ε} is the double epsilon and {@code peak_i} the largest {@code r_i²} added since the last rebuild
 * or present at it: a bound on the residue of {@code n}-term sums kept over that many additions.
 */
final class RollingCorrelation implements PairwiseCorrelation {
    /** Safety factor of the rounding-residue floor, in units of the double epsilon. */
    private static final double RESIDUE_ULPS = 4;
    private final int n;
    private final int window;
    private final int minPeriods;
    private final int recomputeEvery;
    private final double[] ring;
    private final int[] count;
    private final double[] sum;
    private final double[] sumSq;
    private final double[] cross;
    private final double[] peakSq;
    private long bars;
    private int sinceRecompute;
    private long incrementalUpdates;
    private long fullRecomputations;

    RollingCorrelation(int n, int window, int minPeriods, int recomputeEvery) {
        this.n = n;
        this.window = window;
        this.minPeriods = minPeriods;
        this.recomputeEvery = recomputeEvery;
        this.ring = new double[window * n];
        Arrays.fill(ring, Double.NaN);
        this.count = new int[n * n];
        this.sum = new double[n * n];
        this.sumSq = new double[n * n];
        this.cross = new double[n * n];
        this.peakSq = new double[n];
    }

    @Override
    public void update(double[] r) {
        int offset = (int) (bars % window) * n;
        bars++;
        if (++sinceRecompute >= recomputeEvery) {
            System.arraycopy(r, 0, ring, offset, n);
            recompute();
            sinceRecompute = 0;
            fullRecomputations++;
        } else {
            accumulate(offset, -1);
            System.arraycopy(r, 0, ring, offset, n);
            accumulate(offset, +1);
            for (int i = 0; i < n; i++) {
                peakSq[i] = Math.max(peakSq[i], Double.isNaN(r[i]) ? 0 : r[i] * r[i]);
            }
            incrementalUpdates++;
        }
    }

    /** Rebuilds every sum from the {@code W} vectors in the ring buffer. */
    private void recompute() {
        Arrays.fill(count, 0);
        Arrays.fill(sum, 0);
        Arrays.fill(sumSq, 0);
        Arrays.fill(cross, 0);
        Arrays.fill(peakSq, 0);
        for (int s = 0; s < window; s++) {
            accumulate(s * n, +1);
            for (int i = 0; i < n; i++) {
                double x = ring[s * n + i];
                peakSq[i] = Math.max(peakSq[i], Double.isNaN(x) ? 0 : x * x);
            }
        }
    }

    /** Adds ({@code sign = +1}) or removes ({@code -1}) the ring vector at {@code offset} from the sums. */
    private void accumulate(int offset, int sign) {
        for (int i = 0; i < n; i++) {
            double x = ring[offset + i];
            if (Double.isNaN(x)) {
                continue;
            }
            double sx = sign * x;
            int ii = i * n + i;
            count[ii] += sign;
            sum[ii] += sx;
            sumSq[ii] += sx * x;
            cross[ii] += sx * x;
            for (int j = i + 1; j < n; j++) {
                double y = ring[offset + j];
                if (Double.isNaN(y)) {
                    continue;
                }
                double sy = sign * y;
                int ij = i * n + j;
                int ji = j * n + i;
                count[ij] += sign;
                count[ji] = count[ij];
                sum[ij] += sx;
                sum[ji] += sy;
                sumSq[ij] += sx * x;
                sumSq[ji] += sy * y;
                cross[ij] += sx * y;
                cross[ji] = cross[ij];
            }
        }
    }

    @Override
    public double correlation(int i, int j) {
        int ij = i * n + j;
        int ji = j * n + i;
        int c = count[ij];
        if (c < minPeriods) {
            return Double.NaN;
        }
        double sx = sum[ij];
        double sy = sum[ji];
        double residue = RESIDUE_ULPS * Math.ulp(1.0) * ((double) sinceRecompute + window) * c;
        double floorX = Math.max(DEGENERATE_VARIANCE * sumSq[ij], residue * peakSq[i]);
        double floorY = Math.max(DEGENERATE_VARIANCE * sumSq[ji], residue * peakSq[j]);
        return PairwiseCorrelation.pearson(cross[ij] - sx * sy / c, sumSq[ij] - sx * sx / c, sumSq[ji] - sy * sy / c,
                floorX, floorY);
    }

    /** Bars whose update was the incremental {@code O(N²)} add-and-subtract. */
    long incrementalUpdates() {
        return incrementalUpdates;
    }

    /** Bars whose update rebuilt the sums from the ring buffer. */
    long fullRecomputations() {
        return fullRecomputations;
    }
}
