package io.quantlake.spark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import org.apache.spark.Dependency;
import org.apache.spark.Partition;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Dataset;
import scala.jdk.javaapi.CollectionConverters;

/**
 * What a Spark task of a Dataset's plan carries besides the (broadcast) task binary: its partition. A task is its
 * stage's serialized RDD and function, shipped once per stage as a broadcast, plus its own {@link Partition}, shipped
 * with every task; a partition that holds data (a parallelized collection, a local relation) makes every task that
 * large. Spark warns above 1000 KiB ("a task of very large size").
 */
public final class TaskSizes {
    private TaskSizes() {
    }

    /** The Java-serialized size in bytes of the largest partition of any RDD in {@code frame}'s executed lineage. */
    public static long largestPartitionBytes(Dataset<?> frame) {
        long max = 0;
        Map<RDD<?>, Boolean> seen = new IdentityHashMap<>();
        Deque<RDD<?>> pending = new ArrayDeque<>();
        pending.push(frame.queryExecution().toRdd());
        while (!pending.isEmpty()) {
            RDD<?> rdd = pending.pop();
            if (seen.put(rdd, Boolean.TRUE) != null) {
                continue;
            }
            for (Partition p : rdd.partitions()) {
                max = Math.max(max, serializedBytes(p));
            }
            for (Dependency<?> d : CollectionConverters.asJava(rdd.dependencies())) {
                pending.push(d.rdd());
            }
        }
        return max;
    }

    private static long serializedBytes(Partition p) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialize partition " + p.index() + " (" + p.getClass().getName() + ")", e);
        }
        return bytes.size();
    }
}
