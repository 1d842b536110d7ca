package io.quantlake.risk;

/**
 * Agglomerative clustering with <b>average linkage</b> on the distance {@code 1 - ρ}, cut at a correlation
 * threshold, over preallocated scratch (no allocation per call).
 *
 * <p>Linkage correlation of clusters {@code A, B}: the mean of {@code ρ_ab} over the pairs {@code a ∈ A,
 * b ∈ B} whose correlation is defined (NaN pairs are left out of the mean; clusters with no defined cross pair
 * never merge). Repeatedly merge the two clusters with the highest linkage correlation while it is
 * {@code >= threshold} (ties: the lowest cluster indices); average linkage has no inversions, so every merge
 * joined clusters whose linkage correlation was at least the threshold. A symbol whose own correlation is
 * undefined (too few observations, constant returns) stays alone. {@code O(N³)} time: a reporting or rebalance
 * query, not a per-bar one.
 */
final class CorrelationLinkage {
    private final int n;
    private final double[] linkSum;
    private final int[] linkCount;
    private final boolean[] active;
    private final int[] root;
    private final int[] label;

    CorrelationLinkage(int n) {
        this.n = n;
        this.linkSum = new double[n * n];
        this.linkCount = new int[n * n];
        this.active = new boolean[n];
        this.root = new int[n];
        this.label = new int[n];
    }

    /**
     * Writes the cluster id of every symbol into {@code out} (ids numbered by first appearance, symbol 0 in
     * cluster 0) and returns the number of clusters. Cluster state lives at the index of the cluster's lowest
     * symbol; {@code linkSum}/{@code linkCount} use the upper triangle {@code a * N + b}, {@code a < b}.
     */
    int cluster(PairwiseCorrelation c, double threshold, int[] out) {
        for (int i = 0; i < n; i++) {
            active[i] = !Double.isNaN(c.correlation(i, i));
            root[i] = i;
            label[i] = -1;
        }
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                double rho = active[a] && active[b] ? c.correlation(a, b) : Double.NaN;
                boolean defined = !Double.isNaN(rho);
                linkSum[a * n + b] = defined ? rho : 0;
                linkCount[a * n + b] = defined ? 1 : 0;
            }
        }
        while (true) {
            double best = Double.NEGATIVE_INFINITY;
            int bestA = -1;
            int bestB = -1;
            for (int a = 0; a < n; a++) {
                if (!active[a]) {
                    continue;
                }
                for (int b = a + 1; b < n; b++) {
                    int ab = a * n + b;
                    if (active[b] && linkCount[ab] > 0 && linkSum[ab] / linkCount[ab] > best) {
                        best = linkSum[ab] / linkCount[ab];
                        bestA = a;
                        bestB = b;
                    }
                }
            }
            if (bestA < 0 || best < threshold) {
                break;
            }
            merge(bestA, bestB);
        }
        int clusters = 0;
        for (int i = 0; i < n; i++) {
            int r = root[i];
            if (label[r] < 0) {
                label[r] = clusters++;
            }
            out[i] = label[r];
        }
        return clusters;
    }

    /** Merges cluster {@code b} into {@code a} ({@code a < b}): linkage sums and counts add up (Lance–Williams). */
    private void merge(int a, int b) {
        for (int k = 0; k < n; k++) {
            if (!active[k] || k == a || k == b) {
                continue;
            }
            int ak = a < k ? a * n + k : k * n + a;
            int bk = b < k ? b * n + k : k * n + b;
            linkSum[ak] += linkSum[bk];
            linkCount[ak] += linkCount[bk];
        }
        active[b] = false;
        for (int i = 0; i < n; i++) {
            if (root[i] == b) {
                root[i] = a;
            }
        }
    }
}
