package io.quantlake.risk;

import java.util.Objects;
import java.util.Optional;

/**
 * Rolling and EWMA correlation matrices of {@code N} symbols, updated bar by bar in {@code O(N²)}, with average
 * pairwise correlation, correlation to a reference symbol (e.g. BTCUSDT's index), correlation clusters and an
 * alert when the average correlation jumps.
 *
 * <p><b>Input and timing.</b> {@link #update} takes one vector per bar: {@code returns[i]} is symbol {@code i}'s
 * return over that bar (any consistent unit, e.g. simple return as a fraction), NaN when the symbol has no
 * return that bar (not listed, missing candle). After the call for bar {@code t}, queries reflect bars up to and
 * including {@code t}: {@code ROLLING} the bars {@code t-W+1..t}, {@code EWMA} all bars {@code 0..t}.
 *
 * <p><b>Missing data: pairwise-complete.</b> The correlation of pair {@code (i, j)} uses only the bars where both
 * returns are finite (as pandas {@code DataFrame.corr()}), and is NaN until the pair has {@code minPeriods} such
 * bars (inside the window for {@code ROLLING}); it is also NaN when either series is constant over them.
 * A pairwise-complete matrix need not be positive semi-definite. A symbol's diagonal is 1 when its own series
 * qualifies and NaN otherwise; a symbol listed mid-stream enters once it has {@code minPeriods} joint bars.
 *
 * <p><b>Cost.</b> {@code update}: {@code O(N²)} per estimator (rolling: subtract the leaving vector, add the new
 * one; every {@code recomputeEvery}-th bar instead a rebuild from the ring buffer in {@code O(W N²)} to bound
 * drift — counted by {@link #incrementalUpdates()} and {@link #fullRecomputations()}), plus {@code O(N²)} for
 * the average when an alert rule is on. Queries write into caller arrays and allocate nothing, except
 * {@link #clusters(CorrelationEstimator, double)} and a fired alert. Memory: about {@code 10 N² + W N} doubles.
 * Not thread-safe.
 */
public final class CorrelationTracker {
    private final CorrelationTrackerConfig config;
    private final int n;
    private final RollingCorrelation rolling;
    private final EwmaCorrelation ewma;
    private final CorrelationLinkage linkage;
    private final AverageCorrelationAlarm alarm;
    private long bars;
    private CorrelationAlert lastAlert;

    public CorrelationTracker(CorrelationTrackerConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.n = config.symbols();
        this.rolling = new RollingCorrelation(n, config.window(), config.minPeriods(), config.recomputeEvery());
        this.ewma = new EwmaCorrelation(n, config.ewmaLambda(), config.minPeriods());
        this.linkage = new CorrelationLinkage(n);
        this.alarm = config.alert().enabled() ? new AverageCorrelationAlarm(config.alert()) : null;
    }

    /**
     * Adds the returns of the next bar and evaluates the alert rule.
     *
     * @param returns {@code N} returns, finite or NaN (= no return that bar); infinities are rejected
     * @return true if an alert fired after this bar ({@link #lastAlert()} then holds it)
     */
    public boolean update(double[] returns) {
        if (returns == null || returns.length != n) {
            throw new IllegalArgumentException("bar " + bars + ": returns must have " + n + " entries, got "
                    + (returns == null ? "null" : returns.length));
        }
        for (int i = 0; i < n; i++) {
            if (Double.isInfinite(returns[i])) {
                throw new IllegalArgumentException("bar " + bars + ": returns[" + i + "] must be finite or NaN, got "
                        + returns[i]);
            }
        }
        rolling.update(returns);
        ewma.update(returns);
        long bar = bars++;
        if (alarm == null) {
            return false;
        }
        CorrelationAlert alert = alarm.observe(bar, averageCorrelation(config.alert().source()));
        if (alert == null) {
            return false;
        }
        lastAlert = alert;
        return true;
    }

    /** Correlation of symbols {@code i} and {@code j} (NaN when undefined, see the class comment). */
    public double correlation(CorrelationEstimator estimator, int i, int j) {
        return estimate(estimator).correlation(checkSymbol(i, "i"), checkSymbol(j, "j"));
    }

    /** Writes the {@code N x N} correlation matrix into {@code out[i * N + j]} (length {@code >= N²}). */
    public void correlationMatrix(CorrelationEstimator estimator, double[] out) {
        checkLength(out, n * n, "out");
        PairwiseCorrelation c = estimate(estimator);
        for (int i = 0; i < n; i++) {
            out[i * n + i] = c.correlation(i, i);
            for (int j = i + 1; j < n; j++) {
                double rho = c.correlation(i, j);
                out[i * n + j] = rho;
                out[j * n + i] = rho;
            }
        }
    }

    /**
     * Average pairwise correlation: the mean of {@code ρ_ij} over the pairs {@code i < j} whose correlation is
     * defined; NaN if none is.
     */
    public double averageCorrelation(CorrelationEstimator estimator) {
        PairwiseCorrelation c = estimate(estimator);
        double sum = 0;
        int pairs = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double rho = c.correlation(i, j);
                if (!Double.isNaN(rho)) {
                    sum += rho;
                    pairs++;
                }
            }
        }
        return pairs == 0 ? Double.NaN : sum / pairs;
    }

    /** Writes {@code ρ(i, reference)} for every symbol {@code i} into {@code out} (length {@code >= N}). */
    public void correlationTo(CorrelationEstimator estimator, int reference, double[] out) {
        checkSymbol(reference, "reference");
        checkLength(out, n, "out");
        PairwiseCorrelation c = estimate(estimator);
        for (int i = 0; i < n; i++) {
            out[i] = c.correlation(i, reference);
        }
    }

    /**
     * Average-linkage clusters on the distance {@code 1 - ρ}, cut at {@code threshold}: clusters keep merging
     * while their average cross correlation is {@code >= threshold} (see {@link CorrelationLinkage}). Writes the
     * cluster id of each symbol (numbered by first appearance) into {@code clusterIds} and returns the number of
     * clusters. {@code O(N³)}; allocation-free.
     *
     * @param threshold correlation in {@code [-1, 1]}
     */
    public int clusters(CorrelationEstimator estimator, double threshold, int[] clusterIds) {
        if (!(threshold >= -1 && threshold <= 1)) {
            throw new IllegalArgumentException("cluster threshold must be in [-1, 1], got " + threshold);
        }
        if (clusterIds == null || clusterIds.length < n) {
            throw new IllegalArgumentException("clusterIds must have at least " + n + " entries, got "
                    + (clusterIds == null ? "null" : clusterIds.length));
        }
        return linkage.cluster(estimate(estimator), threshold, clusterIds);
    }

    /** {@link #clusters(CorrelationEstimator, double, int[])} as a value (allocates). */
    public CorrelationClusters clusters(CorrelationEstimator estimator, double threshold) {
        int[] ids = new int[n];
        int count = clusters(estimator, threshold, ids);
        return new CorrelationClusters(ids, count, threshold, estimator);
    }

    /** The most recent alert, if any fired. */
    public Optional<CorrelationAlert> lastAlert() {
        return Optional.ofNullable(lastAlert);
    }

    /** Number of bars given to {@link #update} so far. */
    public long bars() {
        return bars;
    }

    /**
     * Warm-up: bars before any correlation can be defined ({@code minPeriods}); a pair needs that many bars where
     * both symbols have a return, so a symbol listed later warms up from its first return.
     */
    public int warmUpBars() {
        return config.minPeriods();
    }

    /** Number of symbols {@code N}. */
    public int symbols() {
        return n;
    }

    /** The configuration. */
    public CorrelationTrackerConfig config() {
        return config;
    }

    /** Bars whose rolling update was the incremental {@code O(N²)} subtract-and-add. */
    public long incrementalUpdates() {
        return rolling.incrementalUpdates();
    }

    /** Bars whose rolling update rebuilt the sums from the ring buffer (every {@code recomputeEvery}-th bar). */
    public long fullRecomputations() {
        return rolling.fullRecomputations();
    }

    private PairwiseCorrelation estimate(CorrelationEstimator estimator) {
        return switch (Objects.requireNonNull(estimator, "estimator")) {
            case ROLLING -> rolling;
            case EWMA -> ewma;
        };
    }

    private int checkSymbol(int i, String name) {
        if (i < 0 || i >= n) {
            throw new IllegalArgumentException(name + " must be a symbol index in [0, " + n + "), got " + i);
        }
        return i;
    }

    private static void checkLength(double[] out, int needed, String name) {
        if (out == null || out.length < needed) {
            throw new IllegalArgumentException(name + " must have at least " + needed + " entries, got "
                    + (out == null ? "null" : out.length));
        }
    }
}
