package io.quantlake.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH settings shared by every QuantLake benchmark (JMH inherits these annotations): throughput
 * in operations per second, 2 warm-up iterations of 2 s, 3 measured iterations of 3 s, one fork,
 * so the full suite runs in a few minutes. Command-line options ({@code -wi -i -w -r -f}) override them.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
abstract class ModestSettings {
}
