package io.quantlake.lake;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.timestamp_millis;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.lake.ColumnarPanels.Delivery;
import io.quantlake.lake.ColumnarPanels.Reading;
import io.quantlake.market.Interval;
import io.quantlake.panel.Panel;
import io.quantlake.panel.PanelBuilder;
import io.quantlake.spark.SharedSpark;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * {@link ColumnarPanels}: a panel read in columnar chunks (put by the tasks in process or shipped, in one or many
 * partitions, many chunks per partition) equals the one the row builder lays out from the same rows (gaps, NULLs,
 * symbols outside the universe, unsorted input); so do features aligned to it.
 */
class ColumnarPanelsTest {
    private static final long T0 = 1_704_067_200_000L;
    private static final long HOUR = 3_600_000L;
    private static final int SYMBOLS = 12;
    private static final int BARS = 150;

    /** Rows id = bar × SYMBOLS + symbol (S0..S11), every 7th missing, volume NULL every 5th, quote_volume a feature. */
    private static Dataset<Row> candles() {
        return rows().orderBy(col("id").desc());
    }

    /** {@link #candles()} in the three partitions of their ids, unsorted. */
    private static Dataset<Row> rows() {
        Column bar = floor(col("id").divide(SYMBOLS));
        Column sym = pmod(col("id"), lit(SYMBOLS));
        return SharedSpark.spark().range(0, (long) SYMBOLS * BARS, 1, 3)
                .filter(pmod(col("id"), lit(7)).notEqual(3))
                .select(concat(lit("S"), sym.cast("string")).as("symbol"),
                        timestamp_millis(bar.multiply(HOUR).plus(T0)).as("open_time"),
                        col("id").cast("double").as("open"), col("id").plus(2).cast("double").as("high"),
                        col("id").minus(1).cast("double").as("low"), col("id").plus(0.5).as("close"),
                        when(pmod(col("id"), lit(5)).equalTo(0), lit(null)).otherwise(col("id").divide(3)).as("volume"),
                        col("id").multiply(2).cast("long").as("quote_volume"), col("id"));
    }

    /**
     * Every way the chunks reach the arrays lays out the panel the row builder does: put by the tasks in process or
     * shipped as results, from the input's 3 partitions or 64 (a shuffle), in chunks of 7 rows (many per partition,
     * the last one partly filled; a reused buffer in process) or of the default size.
     */
    @Test
    void chunksFromManyPartitionsLayOutAsTheRowBuilderDoes() {
        List<String> universe = new ArrayList<>();
        for (int i = SYMBOLS - 2; i >= 0; i--) { // S10..S0: S11 is not in the universe
            universe.add("S" + i);
        }
        PanelBuilder b = Panel.builder(Interval.H1, universe.toArray(new String[0])).features("quote_volume");
        for (Row r : candles().filter(col("symbol").isin(universe.toArray())).collectAsList()) {
            b.bar(r.getString(0), r.getTimestamp(1).getTime(), r.getDouble(2), r.getDouble(3), r.getDouble(4),
                    r.getDouble(5), r.isNullAt(6) ? Double.NaN : r.getDouble(6), r.getLong(7));
        }
        Panel rows = b.build();
        assertEquals(BARS, rows.bars());
        assertTrue(Double.isNaN(rows.volume()[rows.at(0, universe.indexOf("S0"))]), "id 0: NULL volume");
        for (Reading how : readings()) {
            ColumnarPanels.Read read = ColumnarPanels.read(candles(), Interval.H1, universe, how, "quote_volume");
            Panel p = read.panel();
            assertArrayEquals(rows.symbols(), p.symbols(), how.toString());
            assertArrayEquals(rows.times(), p.times(), how.toString());
            assertArrayEquals(rows.open(), p.open(), how.toString());
            assertArrayEquals(rows.high(), p.high(), how.toString());
            assertArrayEquals(rows.low(), p.low(), how.toString());
            assertArrayEquals(rows.close(), p.close(), how.toString());
            assertArrayEquals(rows.volume(), p.volume(), how.toString());
            assertArrayEquals(rows.feature("quote_volume"), p.feature("quote_volume"), how.toString());
            assertEquals(how.delivery() == Delivery.IN_PROCESS, read.shippedChunks() == 0,
                    how + ": chunks shipped " + read.shippedChunks());

            Panel withOpen = ColumnarPanels.withFeatures(rows, candles().withColumnRenamed("open", "o2")
                    .withColumnRenamed("quote_volume", "q2"), List.of("q2", "o2"), how).panel();
            assertArrayEquals(rows.open(), withOpen.feature("o2"), how.toString());
            assertArrayEquals(rows.feature("quote_volume"), withOpen.feature("q2"), how.toString());
        }
    }

    /** Both deliveries × {3 partitions, 64} × {chunks of 7 rows, of the default size}. */
    private static List<Reading> readings() {
        List<Reading> out = new ArrayList<>();
        for (Delivery d : Delivery.values()) {
            for (long chunkCells : new long[] {100, Long.MAX_VALUE}) {
                for (int chunkRows : new int[] {7, ColumnarPanels.CHUNK_ROWS}) {
                    out.add(new Reading(chunkCells, chunkRows, d));
                }
            }
        }
        return out;
    }

    /**
     * Shipping chunks, a panel read in 64 partitions runs three Spark jobs (the grid's, the shuffle into 64
     * partitions, the chunks'), features two, not one per partition; in process, no shuffle: two and one.
     */
    @Test
    void aPanelInManyPartitionsIsReadInThreeSparkJobs() throws Exception {
        List<String> universe = List.of("S0", "S1", "S2", "S3");
        Dataset<Row> candles = rows(); // no orderBy: its range partitioning's sampling would be a job of its own
        Panel[] p = new Panel[2];
        Reading shipped = new Reading(10, ColumnarPanels.CHUNK_ROWS, Delivery.RESULTS);
        assertEquals(3, SharedSpark.jobsDuring(() -> p[0] = ColumnarPanels.read(candles, Interval.H1, universe,
                shipped).panel()), "Spark jobs for one panel in 64 partitions");
        assertEquals(BARS, p[0].bars());
        assertEquals(2, SharedSpark.jobsDuring(() -> p[1] = ColumnarPanels.withFeatures(p[0],
                candles.withColumnRenamed("close", "c2"), List.of("c2"), shipped).panel()),
                "Spark jobs for one feature in 64 partitions");
        assertArrayEquals(p[0].close(), p[1].feature("c2"));

        Reading local = new Reading(10, ColumnarPanels.CHUNK_ROWS, Delivery.IN_PROCESS);
        assertEquals(Delivery.IN_PROCESS, Delivery.of(SharedSpark.spark()), "the shared test session is local");
        assertEquals(2, SharedSpark.jobsDuring(() -> p[0] = ColumnarPanels.read(candles, Interval.H1, universe,
                local).panel()), "Spark jobs for one panel put in process");
        assertEquals(1, SharedSpark.jobsDuring(() -> p[1] = ColumnarPanels.withFeatures(p[0],
                candles.withColumnRenamed("close", "c2"), List.of("c2"), local).panel()),
                "Spark jobs for one feature put in process");
        assertArrayEquals(p[0].close(), p[1].feature("c2"));
    }

    @Test
    void twoRowsForOneSymbolAndTimeAreAnError() {
        Dataset<Row> twice = candles().limit(3).union(candles().limit(1));
        for (Delivery d : Delivery.values()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ColumnarPanels.read(twice, Interval.H1, List.of("S0", "S1", "S2", "S11", "S10", "S9"),
                            new Reading(1, 2, d)), d.toString());
            assertTrue(e.getMessage().startsWith("two bars of "), e.getMessage());
        }
    }
}
