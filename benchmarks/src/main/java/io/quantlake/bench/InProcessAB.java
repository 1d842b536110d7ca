package io.quantlake.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An A/B of one benchmark method between two builds of the benchmarks jar in one JVM: each jar is loaded
 * by its own class loader (its own copy of every kernel class, compiled and profiled apart), both are warmed,
 * then timed rounds alternate A, B, B, A, … so that the host's drift (this shared VM's speed moves by ±10 %
 * over minutes) falls on both alike. Prints, per round pair, the ratio B / A of operations per second (wall
 * clock and thread CPU time) and their medians.
 *
 * <p>Not a JMH benchmark: run it with the JDK the jars need, e.g.
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.quantlake.bench.InProcessAB \
 *     /tmp/before.jar benchmarks/target/benchmarks.jar WeightRebalanceBenchmark.rebalance 40 300
 * </pre>
 * arguments: jar A, jar B, {@code Class.method} of a {@code @State(Scope.Benchmark)} class in
 * {@code io.quantlake.bench} with a no-argument {@code setUp()} (the method takes no argument or a
 * {@code Blackhole}; one operation = one call, whatever its {@code @OperationsPerInvocation}), the number of round pairs (default 40), the
 * length of one round in ms (default 300). Warm-up: 10 rounds each, alternating.
 */
public final class InProcessAB {
    private static volatile Object sink;

    private InProcessAB() {
    }

    /** One build's benchmark: its instance, method and arguments, loaded apart from the other build's. */
    private record Side(String name, Object state, Method method, Object[] args) {
        static Side load(String jar, String benchmark) throws Exception {
            int dot = benchmark.lastIndexOf('.');
            URLClassLoader loader = new URLClassLoader(new URL[] {Path.of(jar).toUri().toURL()},
                    ClassLoader.getPlatformClassLoader());
            Class<?> type = Class.forName("io.quantlake.bench." + benchmark.substring(0, dot), true, loader);
            Object state = type.getConstructor().newInstance();
            type.getMethod("setUp").invoke(state);
            String name = benchmark.substring(dot + 1);
            for (Method m : type.getMethods()) {
                if (m.getName().equals(name) && m.getParameterCount() == 0) {
                    return new Side(jar, state, m, new Object[0]);
                }
            }
            // A benchmark that takes JMH's Blackhole (the sweep): one made the way JMH's own tests make it.
            Class<?> bh = Class.forName("org.openjdk.jmh.infra.Blackhole", true, loader);
            Object hole = bh.getConstructor(String.class).newInstance(
                    "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
            return new Side(jar, state, type.getMethod(name, bh), new Object[] {hole});
        }

        /** Runs the method for about {@code millis} ms; returns {ops/s wall, ops/s thread CPU, ops}. */
        double[] round(long millis, ThreadMXBean cpu) throws Exception {
            long end = System.nanoTime() + millis * 1_000_000L;
            long c0 = cpu.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            int ops = 0;
            long now;
            do {
                sink = method.invoke(state, args);
                ops++;
                now = System.nanoTime();
            } while (now < end);
            long c1 = cpu.getCurrentThreadCpuTime();
            return new double[] {ops * 1e9 / (now - t0), ops * 1e9 / (c1 - c0), ops};
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: InProcessAB jarA jarB Class.method [pairs=40] [roundMs=300]");
            System.exit(2);
        }
        int pairs = args.length > 3 ? Integer.parseInt(args[3]) : 40;
        long ms = args.length > 4 ? Long.parseLong(args[4]) : 300;
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        Side a = Side.load(args[0], args[2]);
        Side b = Side.load(args[1], args[2]);
        for (int w = 0; w < 10; w++) {
            a.round(ms, cpu);
            b.round(ms, cpu);
        }
        List<double[]> ratios = new ArrayList<>();
        double[] sumA = new double[3];
        double[] sumB = new double[3];
        for (int p = 0; p < pairs; p++) {
            boolean aFirst = p % 2 == 0; // A B, B A, A B, …
            double[] ra = aFirst ? a.round(ms, cpu) : null;
            double[] rb = b.round(ms, cpu);
            if (ra == null) {
                ra = a.round(ms, cpu);
            }
            double[] r = {rb[0] / ra[0], rb[1] / ra[1]};
            ratios.add(r);
            for (int k = 0; k < 3; k++) {
                sumA[k] += ra[k];
                sumB[k] += rb[k];
            }
            System.out.printf("pair %3d  A %8.1f  B %8.1f ops/s  B/A %.3f  (cpu: A %8.1f  B %8.1f  B/A %.3f)%n", p,
                    ra[0], rb[0], r[0], ra[1], rb[1], r[1]);
        }
        System.out.printf("A = %s%nB = %s%n%s, %d pairs of %d ms rounds%n", a.name(), b.name(), args[2], pairs, ms);
        System.out.printf("mean ops/s: A %.1f  B %.1f (cpu: A %.1f  B %.1f); timed operations: A %.0f  B %.0f%n",
                sumA[0] / pairs, sumB[0] / pairs, sumA[1] / pairs, sumB[1] / pairs, sumA[2], sumB[2]);
        System.out.printf("median B/A: wall %.3f [quartiles %.3f %.3f]  cpu %.3f [quartiles %.3f %.3f]%n",
                quantile(ratios, 0, 0.5), quantile(ratios, 0, 0.25), quantile(ratios, 0, 0.75),
                quantile(ratios, 1, 0.5), quantile(ratios, 1, 0.25), quantile(ratios, 1, 0.75));
    }

    private static double quantile(List<double[]> rows, int column, double q) {
        double[] v = rows.stream().mapToDouble(r -> r[column]).sorted().toArray();
        double pos = q * (v.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, v.length - 1);
        return v[lo] + (pos - lo) * (v[hi] - v[lo]);
    }
}
