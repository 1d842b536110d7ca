package io.quantlake.spark;

import java.io.Serializable;
import java.util.function.Consumer;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scala.Function2;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction1;
import scala.runtime.BoxedUnit;

/**
 * Brings a distributed result to the driver partition by partition in one Spark job, instead of all at once
 * ({@code collectAsList}: every partition's rows held together, then copied into one list) or one job per
 * partition ({@code toLocalIterator}): {@code SparkContext.runJob} with a result handler that
 * hands each partition's result to a sink as it arrives (on Spark's scheduler thread, one partition at a time),
 * after which it is garbage. The driver holds the sink's own state plus the results in flight (about one per
 * running task).
 */
public final class PartitionResults {
    private PartitionResults() {
    }

    /** The partition function of {@link #forEach}: an executor's partition → its result (Java-serializable). */
    public abstract static class PartitionFunction<T, U> extends AbstractFunction1<scala.collection.Iterator<T>, U>
            implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /**
     * Runs one job over every partition of {@code rdd}: executors apply {@code function}; the driver passes each
     * partition's result to {@code sink} as it arrives, in completion order (not partition order). The first
     * exception of {@code sink} is rethrown after the job, and the partitions after it are not passed on.
     */
    public static <T, U> void forEach(RDD<T> rdd, PartitionFunction<T, U> function, Class<U> resultType,
                                      Consumer<U> sink) {
        RuntimeException[] failed = new RuntimeException[1];
        rdd.sparkContext().runJob(rdd, function, (Function2<Object, U, BoxedUnit>) (partition, result) -> {
            if (failed[0] == null) {
                try {
                    sink.accept(result);
                } catch (RuntimeException e) {
                    failed[0] = e;
                }
            }
            return BoxedUnit.UNIT;
        }, ClassTag$.MODULE$.apply(resultType));
        if (failed[0] != null) {
            throw failed[0];
        }
    }

    /**
     * Every row of {@code frame}, one partition's rows at a time, in one job (order within a partition kept,
     * partitions in completion order): for results too long to collect at once, e.g. a study's per-date rows.
     */
    public static void forEachRow(Dataset<Row> frame, Consumer<Row> sink) {
        forEach(frame.rdd(), new PartitionRows(), Row[].class, rows -> {
            for (int i = 0; i < rows.length; i++) {
                sink.accept(rows[i]);
                rows[i] = null;
            }
        });
    }

    /** A partition's rows as an array. */
    private static final class PartitionRows extends PartitionFunction<Row, Row[]> {
        private static final long serialVersionUID = 1L;

        @Override
        public Row[] apply(scala.collection.Iterator<Row> rows) {
            java.util.ArrayList<Row> out = new java.util.ArrayList<>();
            while (rows.hasNext()) {
                out.add(rows.next());
            }
            return out.toArray(new Row[0]);
        }
    }
}
