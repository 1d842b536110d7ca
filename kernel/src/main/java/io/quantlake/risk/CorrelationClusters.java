package io.quantlake.risk;

import java.util.Arrays;
import java.util.Objects;

/**
 * A partition of the universe into correlation clusters (see {@link CorrelationTracker#clusters}).
 *
 * @param clusterIds cluster id of each symbol, in {@code [0, count)}, numbered in order of first appearance
 *                   (symbol 0 is in cluster 0); defensively copied
 * @param count      number of clusters
 * @param threshold  correlation threshold of the cut: clusters merged while their average-linkage correlation
 *                   was {@code >= threshold}
 * @param estimator  estimator the correlations came from
 */
public record CorrelationClusters(int[] clusterIds, int count, double threshold, CorrelationEstimator estimator) {

    public CorrelationClusters {
        Objects.requireNonNull(estimator, "estimator");
        clusterIds = Objects.requireNonNull(clusterIds, "clusterIds").clone();
        for (int i = 0; i < clusterIds.length; i++) {
            if (clusterIds[i] < 0 || clusterIds[i] >= count) {
                throw new IllegalArgumentException("clusterIds[" + i + "] must be in [0, count=" + count + "), got "
                        + clusterIds[i]);
            }
        }
    }

    /** A copy of the cluster id per symbol. */
    @Override
    public int[] clusterIds() {
        return clusterIds.clone();
    }

    /** Cluster id of symbol {@code i}. */
    public int clusterOf(int i) {
        return clusterIds[i];
    }

    /** Symbol indices in cluster {@code id}, ascending. */
    public int[] members(int id) {
        int size = 0;
        for (int c : clusterIds) {
            size += c == id ? 1 : 0;
        }
        int[] members = new int[size];
        for (int i = 0, k = 0; i < clusterIds.length; i++) {
            if (clusterIds[i] == id) {
                members[k++] = i;
            }
        }
        return members;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CorrelationClusters c && count == c.count && Double.compare(threshold, c.threshold) == 0
                && estimator == c.estimator && Arrays.equals(clusterIds, c.clusterIds);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(clusterIds), count, threshold, estimator);
    }

    @Override
    public String toString() {
        return "CorrelationClusters[clusterIds=" + Arrays.toString(clusterIds) + ", count=" + count
                + ", threshold=" + threshold + ", estimator=" + estimator + "]";
    }
}
