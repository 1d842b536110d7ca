package io.quantlake.risk;

import static io.quantlake.risk.CorrelationEstimator.EWMA;
import static io.quantlake.risk.CorrelationEstimator.ROLLING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The per-bar path allocates nothing: {@code update} (with an alert rule on, so the average runs every bar) and
 * the array-writing queries, measured by the JVM's per-thread allocation counter (a unit-test stand-in for JMH's
 * {@code -prof gc}).
 */
class CorrelationTrackerAllocationTest {

    @Test
    void updateAndQueriesAllocateNothingPerBar() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "JVM without per-thread allocation counters");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled(),
                "per-thread allocation counting is off in this JVM");
        int n = 8;
        // independent symbols, no level crossing and no jump of 0.99: the alert never fires (firing allocates)
        double[][] rows = CorrelationReference.factorStream(4, 3000, n, 0.05);
        CorrelationTracker tracker = new CorrelationTracker(CorrelationTrackerConfig.of(n, 50, 20)
                .withRecomputeEvery(100).withAlert(CorrelationAlertRule.jump(ROLLING, 10, 0.99)));
        double[] matrix = new double[n * n];
        double[] toReference = new double[n];
        int[] clusterIds = new int[n];
        long tid = Thread.currentThread().getId();
        long overhead = threads.getThreadAllocatedBytes(tid);
        overhead = threads.getThreadAllocatedBytes(tid) - overhead;
        // JIT compilation and deoptimization in the first rounds may allocate a few kB on this thread; code that
        // allocates per bar would allocate in every round, so one clean round of 2000 bars proves the path clean.
        long fewest = Long.MAX_VALUE;
        for (int round = 0; round < 20 && fewest > 0; round++) {
            long before = threads.getThreadAllocatedBytes(tid);
            runBars(tracker, rows, 1000 * (round % 2), 1000 * (round % 2) + 2000, matrix, toReference, clusterIds);
            fewest = Math.min(fewest, threads.getThreadAllocatedBytes(tid) - before - overhead);
        }
        assertEquals(0, fewest, "bytes allocated over 2000 bars of update + queries (fewest of up to 20 rounds)");
    }

    private static void runBars(CorrelationTracker tracker, double[][] rows, int from, int to, double[] matrix,
                                double[] toReference, int[] clusterIds) {
        for (int t = from; t < to; t++) {
            if (tracker.update(rows[t])) {
                throw new AssertionError("no alert expected at bar " + t);
            }
            tracker.correlationMatrix(EWMA, matrix);
            tracker.correlationTo(ROLLING, 1, toReference);
            tracker.clusters(ROLLING, 0.5, clusterIds);
        }
    }
}
