package io.quantlake.risk;

/**
 * The limits of the {@link RiskManager} ({@code risk:} keys besides max_leverage, maintenance_margin and
 * circuit_breaker, which the kernel applies itself). Weights are fractions of equity; an unused limit is
 * {@code +Infinity} ({@code maxPositions}: {@link Integer#MAX_VALUE}).
 *
 * @param maxWeight        cap on each {@code |w_i|}, &gt; 0
 * @param maxGross         cap on {@code Σ|w_i|}, &gt; 0
 * @param maxNet           cap on {@code |Σ w_i|}, &gt;= 0
 * @param maxClusterWeight cap on {@code Σ_{i∈C}|w_i|} of each correlated cluster {@code C}, &gt; 0
 * @param clusterThreshold correlation at which symbols join one cluster (average linkage), in [-1, 1]
 * @param clusterLookback  bars of trailing returns (up to the decision bar) the correlations use, &gt;= 2
 * @param maxPositions     most non-zero targets, &gt;= 1
 */
public record RiskRules(double maxWeight, double maxGross, double maxNet, double maxClusterWeight,
                        double clusterThreshold, int clusterLookback, int maxPositions) {
    /** Defaults of the optional keys: no cap; clusters at correlation 0.7 over 60 bars. */
    public static final RiskRules NONE = new RiskRules(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
            Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 0.7, 60, Integer.MAX_VALUE);

    public RiskRules {
        positive("risk.max_weight", maxWeight);
        positive("risk.max_gross", maxGross);
        if (!(maxNet >= 0)) {
            throw new IllegalArgumentException("risk.max_net must be >= 0, got " + maxNet);
        }
        positive("risk.max_cluster_weight", maxClusterWeight);
        if (!(clusterThreshold >= -1 && clusterThreshold <= 1)) {
            throw new IllegalArgumentException("risk.cluster_threshold must be in [-1, 1], got " + clusterThreshold);
        }
        if (clusterLookback < 2) {
            throw new IllegalArgumentException("risk.cluster_lookback must be >= 2 bars, got " + clusterLookback);
        }
        if (maxPositions < 1) {
            throw new IllegalArgumentException("risk.max_positions must be >= 1, got " + maxPositions);
        }
    }

    private static void positive(String key, double v) {
        if (!(v > 0)) {
            throw new IllegalArgumentException(key + " must be > 0, got " + v);
        }
    }

    /** Whether any cap is set. */
    public boolean any() {
        return maxWeight < Double.POSITIVE_INFINITY || maxGross < Double.POSITIVE_INFINITY
                || maxNet < Double.POSITIVE_INFINITY || clustered() || maxPositions < Integer.MAX_VALUE;
    }

    /** Whether the cluster cap is set. */
    public boolean clustered() {
        return maxClusterWeight < Double.POSITIVE_INFINITY;
    }

    public RiskRules withMaxWeight(double v) {
        return new RiskRules(v, maxGross, maxNet, maxClusterWeight, clusterThreshold, clusterLookback, maxPositions);
    }

    public RiskRules withMaxGross(double v) {
        return new RiskRules(maxWeight, v, maxNet, maxClusterWeight, clusterThreshold, clusterLookback, maxPositions);
    }

    public RiskRules withMaxNet(double v) {
        return new RiskRules(maxWeight, maxGross, v, maxClusterWeight, clusterThreshold, clusterLookback, maxPositions);
    }

    /** The cluster cap {@code v} on clusters at correlation {@code threshold} over {@code lookback} bars. */
    public RiskRules withCluster(double v, double threshold, int lookback) {
        return new RiskRules(maxWeight, maxGross, maxNet, v, threshold, lookback, maxPositions);
    }

    public RiskRules withMaxPositions(int v) {
        return new RiskRules(maxWeight, maxGross, maxNet, maxClusterWeight, clusterThreshold, clusterLookback, v);
    }
}
