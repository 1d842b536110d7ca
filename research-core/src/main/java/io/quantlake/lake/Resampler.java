package io.quantlake.lake;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.timestamp_millis;
import static org.apache.spark.sql.functions.unix_millis;
import static org.apache.spark.sql.functions.when;

import io.quantlake.market.Interval;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Aggregates candles of a lower interval into a higher one whose length is a multiple of it
 * (1m → 5m → 15m → 1h → 4h → 1d → 1w, or any such pair), with Column expressions only.
 *
 * <p>Bucket = the open time floored to the target interval on UTC boundaries ({@link Interval#floor}:
 * multiples of its length since the epoch; {@code 1w} on Mondays 00:00 UTC). Per market, symbol
 * and bucket: open = open of the earliest bar, close = close of the latest, high = max, low = min,
 * volume, quote_volume, trades, taker_buy_base and taker_buy_quote = sums (NULL when any bar of the
 * bucket lacks the value). A bucket with fewer than {@link #barsPerBucket()} source bars is
 * incomplete: dropped, and counted by {@link #resample}.
 */
public final class Resampler {
    private static final String[] SUMMED = {"volume", "quote_volume", "trades", "taker_buy_base", "taker_buy_quote"};

    private final Interval source;
    private final Interval target;

    /** @throws IllegalArgumentException unless {@code target} is longer than and a multiple of {@code source} */
    public Resampler(Interval source, Interval target) {
        this.source = Objects.requireNonNull(source, "source");
        this.target = Objects.requireNonNull(target, "target");
        if (target.millis() <= source.millis() || target.millis() % source.millis() != 0) {
            throw new IllegalArgumentException("cannot resample " + source + " to " + target
                    + ": the target must be a longer interval whose length is a multiple of the source's");
        }
    }

    /** Source bars in one complete target bar (e.g. 12 for 5m → 1h). */
    public int barsPerBucket() {
        return (int) (target.millis() / source.millis());
    }

    /**
     * The buckets of the {@code source}-interval rows of {@code candles} (other intervals are
     * ignored), complete or not: candle columns with {@code interval} = target and
     * {@code ingest_run} NULL, plus {@code source_bars}, the number of source bars aggregated.
     */
    public Dataset<Row> buckets(Dataset<Row> candles) {
        long anchor = target.floor(0L); // a bar open time of the target: 0, or a Monday for 1w
        Column ms = unix_millis(col("open_time"));
        Column bucket = timestamp_millis(ms.minus(pmod(ms.minus(anchor), lit(target.millis()))));
        Column[] aggs = new Column[4 + SUMMED.length];
        aggs[0] = min_by(col("open"), col("open_time")).as("open");
        aggs[1] = max(col("high")).as("high");
        aggs[2] = min(col("low")).as("low");
        aggs[3] = max_by(col("close"), col("open_time")).as("close");
        for (int k = 0; k < SUMMED.length; k++) {
            Column c = col(SUMMED[k]);
            aggs[4 + k] = when(count(c).equalTo(count(lit(1))), sum(c)).as(SUMMED[k]);
        }
        return candles.filter(col("interval").equalTo(source.code()))
                .groupBy(col("market"), col("symbol"), bucket.as("open_time"))
                .agg(count(lit(1)).as("source_bars"), aggs)
                .select(col("market"), lit(target.code()).as("interval"), col("symbol"), col("open_time"),
                        col("open"), col("high"), col("low"), col("close"), col("volume"), col("quote_volume"),
                        col("trades").cast("long").as("trades"), col("taker_buy_base"), col("taker_buy_quote"),
                        lit(null).cast("string").as("ingest_run"), col("source_bars"));
    }

    /**
     * Complete target bars (schema of {@code candles}) and the number of incomplete buckets dropped.
     * Counting runs one Spark job; the bars stay lazy (they recompute the aggregation when used).
     */
    public Result resample(Dataset<Row> candles) {
        Dataset<Row> all = buckets(candles);
        Column complete = col("source_bars").equalTo(barsPerBucket());
        long dropped = all.filter(not(complete)).count();
        return new Result(all.filter(complete).drop("source_bars"), dropped);
    }

    /** Complete bars of the target interval, and how many incomplete buckets were dropped. */
    public record Result(Dataset<Row> bars, long droppedBuckets) {
    }
}
