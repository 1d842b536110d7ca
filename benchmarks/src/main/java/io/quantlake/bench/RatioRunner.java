package io.quantlake.bench;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the benchmarks in one JMH session and prints each figure with the ratio measured in the
 * same run: kernel time / floor time for the weight path, QuantLake / ta4j throughput for the SMA
 * cross, sets per second per core for the sweep. Arguments are JMH's own command line
 * ({@code -wi 1 -i 1 -w 1s -r 1s -f 1 -prof gc}, or a benchmark regex to run a subset); without a
 * regex all four benchmark classes run.
 */
public final class RatioRunner {
    private static final String ALL = "io\\.quantlake\\.bench\\.(WeightRebalance|BareCloseStream|SmaCrossVsTa4j"
            + "|MarketNeutralSweep)Benchmark\\.";

    private RatioRunner() {
    }

    public static void main(String[] args) throws CommandLineOptionException, RunnerException {
        CommandLineOptions cli = new CommandLineOptions(args);
        ChainedOptionsBuilder options = new OptionsBuilder().parent(cli);
        if (cli.getIncludes().isEmpty()) {
            options.include(ALL);
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        Map<String, RunResult> byMethod = new LinkedHashMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            byMethod.put(name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1), r);
        }
        System.out.println();
        System.out.println("QuantLake benchmark figures (" + Runtime.getRuntime().availableProcessors() + " cores, "
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + ")");
        RunResult kernel = byMethod.get("WeightRebalanceBenchmark.rebalance");
        RunResult daily = byMethod.get("WeightRebalanceBenchmark.rebalanceDaily");
        RunResult floor = byMethod.get("BareCloseStreamBenchmark.stream");
        report(floor, WeightRebalanceBenchmark.ASSET_BARS, "asset-bars/s", "bare close stream (floor)");
        report(kernel, WeightRebalanceBenchmark.ASSET_BARS, "asset-bars/s", "weight kernel, decision every bar");
        if (kernel != null && floor != null) {
            System.out.printf("  ratio = %.2f  (kernel time / floor time; target <= 3)%n",
                    score(floor) / score(kernel));
        }
        RunResult inputs = byMethod.get("BareCloseStreamBenchmark.streamEveryBarInputs");
        report(inputs, WeightRebalanceBenchmark.ASSET_BARS, "asset-bars/s", "targets + opens + closes stream");
        if (inputs != null && floor != null) {
            System.out.printf("  ratio = %.2f  (reading the every-bar run's three input matrices / the close-only floor)%n",
                    score(floor) / score(inputs));
        }
        if (kernel != null && inputs != null) {
            System.out.printf("  ratio = %.2f  (kernel, decision every bar / its three-matrix input stream)%n",
                    score(inputs) / score(kernel));
        }
        report(daily, WeightRebalanceBenchmark.ASSET_BARS, "asset-bars/s", "weight kernel, daily decisions");
        if (daily != null && floor != null) {
            System.out.printf("  ratio = %.2f  (kernel time / floor time; target <= 3)%n",
                    score(floor) / score(daily));
        }
        RunResult ours = byMethod.get("SmaCrossVsTa4jBenchmark.quantlake");
        RunResult ta4j = byMethod.get("SmaCrossVsTa4jBenchmark.ta4j");
        report(ours, SmaCrossVsTa4jBenchmark.BARS, "bars/s", "sma_cross_tpsl QuantLake");
        RunResult oursWithEquity = byMethod.get("SmaCrossVsTa4jBenchmark.quantlakeWithEquity");
        report(oursWithEquity, SmaCrossVsTa4jBenchmark.BARS, "bars/s", "sma_cross_tpsl QuantLake + equity rows");
        report(ta4j, SmaCrossVsTa4jBenchmark.BARS, "bars/s", "sma_cross_tpsl ta4j");
        if (ours != null && ta4j != null) {
            System.out.printf("  ratio = %.1f  (QuantLake Simulator.run / ta4j throughput, trade records; target >= 50)%n",
                    score(ours) / score(ta4j));
        }
        if (oursWithEquity != null && ta4j != null) {
            System.out.printf("  ratio with equity rows = %.1f  (Simulator.run + equity() / ta4j throughput)%n",
                    score(oursWithEquity) / score(ta4j));
        }
        RunResult sweep = byMethod.get("MarketNeutralSweepBenchmark.sweep");
        report(sweep, 1, "sets/s", "market_neutral sweep, one thread");
        if (sweep != null) {
            System.out.printf("  ratio = %.2f  (sets/s per core / 1000; target >= 1)%n", score(sweep) / 1000);
        }
    }

    private static double score(RunResult r) {
        return r.getPrimaryResult().getScore();
    }

    private static void report(RunResult r, long unitsPerOp, String unit, String label) {
        if (r == null) {
            return;
        }
        Result<?> p = r.getPrimaryResult();
        String alloc = "";
        Result<?> norm = r.getSecondaryResults().get("gc.alloc.rate.norm");
        if (norm != null) {
            alloc = String.format(", %.0f B/op", norm.getScore());
        }
        System.out.printf("%-36s %14.4g %s  (%.4g ± %.2g ops/s%s)%n", label, p.getScore() * unitsPerOp, unit,
                p.getScore(), p.getScoreError(), alloc);
    }
}
