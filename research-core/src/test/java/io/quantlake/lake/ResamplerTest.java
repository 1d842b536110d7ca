package io.quantlake.lake;

import static io.quantlake.lake.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.ingest.CandleBar;
import io.quantlake.market.Interval;
import io.quantlake.market.Market;
import io.quantlake.spark.SharedSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class ResamplerTest {

    @Test
    void targetMustBeALongerMultipleOfTheSource() {
        assertEquals(12, new Resampler(Interval.M5, Interval.H1).barsPerBucket());
        assertEquals(7, new Resampler(Interval.D1, Interval.W1).barsPerBucket());
        assertEquals(42, new Resampler(Interval.H4, Interval.W1).barsPerBucket());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Resampler(Interval.H2, Interval.M30));
        assertTrue(e.getMessage().startsWith("cannot resample 2h to 30m"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Resampler(Interval.M3, Interval.M5), "5m is not a multiple of 3m");
        assertThrows(IllegalArgumentException.class, () -> new Resampler(Interval.H1, Interval.H1));
    }

    /**
     * 5m → 1h on two symbols: BTC has 2 full hours and 3 bars of a third (incomplete); ETH lacks one
     * bar of its second hour (incomplete). Expected bars are aggregated in plain Java; volumes are
     * multiples of 1/4, so sums are exact in any order.
     */
    @Test
    void resampledBarsEqualAPlainJavaAggregationAndIncompleteBucketsAreDropped() {
        List<CandleBar> bars = new ArrayList<>();
        long step = Interval.M5.millis();
        for (int k = 0; k < 27; k++) {
            bars.add(bar("BTCUSDT", T0 + k * step, 100 + Math.sin(k) * 5, 0.25 * (k + 1)));
        }
        for (int k = 0; k < 24; k++) {
            if (k != 17) {
                bars.add(bar("ETHUSDT", T0 + k * step, 50 + Math.cos(k) * 2, 0.5 * k));
            }
        }
        Dataset<Row> candles = SharedSpark.spark().createDataFrame(BatchRows.candles(bars, "fixture"),
                LakeTable.CANDLES.schema());

        Resampler.Result result = new Resampler(Interval.M5, Interval.H1).resample(candles);
        assertEquals(2, result.droppedBuckets(), "BTC's third hour (3 bars) and ETH's second hour (11 bars)");
        List<Row> got = result.bars().orderBy("symbol", "open_time").collectAsList();
        List<double[]> expected = plainJavaHourly(bars);
        assertEquals(expected.size(), got.size());
        for (int r = 0; r < got.size(); r++) {
            Row g = got.get(r);
            double[] e = expected.get(r);
            assertEquals("1h", g.getString(1));
            assertEquals((long) e[0], g.getTimestamp(3).getTime(), "bucket open time");
            for (int c = 0; c < 5; c++) {
                assertEquals(e[1 + c], g.getDouble(4 + c), "row " + r + " column " + g.schema().fieldNames()[4 + c]);
            }
            assertTrue(g.isNullAt(9), "quote volume is not carried by any source bar");
        }
        assertEquals(LakeTable.CANDLES.schema().fieldNames().length, result.bars().columns().length,
                "resampled bars have the candles schema");
    }

    @Test
    void weeklyBucketsOpenOnMondayUtc() {
        List<CandleBar> bars = new ArrayList<>();
        for (int d = -2; d < 9; d++) { // Sat 2023-12-30 .. Tue 2024-01-09
            bars.add(new CandleBar(Market.SPOT, Interval.D1, "BTCUSDT", T0 + d * Fixtures.DAY, 10 + d, 20 + d, 5 + d,
                    11 + d, 1, 2, 3, 0.5, 1));
        }
        Dataset<Row> candles = SharedSpark.spark().createDataFrame(BatchRows.candles(bars, "fixture"),
                LakeTable.CANDLES.schema());
        Dataset<Row> buckets = new Resampler(Interval.D1, Interval.W1).buckets(candles).orderBy("open_time");
        List<Row> rows = buckets.select(functions.unix_millis(functions.col("open_time")), functions.col("source_bars"),
                functions.col("open"), functions.col("close"), functions.col("trades")).collectAsList();
        assertEquals(3, rows.size());
        assertEquals(T0 - 7 * Fixtures.DAY, rows.get(0).getLong(0), "Sat/Sun belong to the week of Mon 2023-12-25");
        assertEquals(2L, rows.get(0).getLong(1));
        assertEquals(T0, rows.get(1).getLong(0), "2024-01-01 is a Monday");
        assertEquals(7L, rows.get(1).getLong(1));
        assertEquals(10.0, rows.get(1).getDouble(2), "open of Monday");
        assertEquals(17.0, rows.get(1).getDouble(3), "close of Sunday (day 6: 11 + 6)");
        assertEquals(21L, rows.get(1).getLong(4), "7 bars × 3 trades");
    }

    /**
     * Real Binance spot data: BTCUSDT and ETHUSDT 4h bars resampled to 1d equal Binance's own 1d
     * bars (prices exactly; volumes to 1e-9 relative, they are sums of decimals).
     */
    @Test
    void realFourHourBarsResampleToBinanceDailyBars() throws IOException {
        String shared = System.getProperty("quantlake.shared");
        Path dir = shared == null ? null : Path.of(shared, "data", "binance-spot-2024");
        Assumptions.assumeTrue(dir != null && Files.isDirectory(dir),
                "shared Binance data not found (system property quantlake.shared=" + shared + "); skipping");
        List<CandleBar> fourHour = new ArrayList<>();
        Map<String, double[]> daily = new TreeMap<>();
        for (String symbol : List.of("BTCUSDT", "ETHUSDT")) {
            fourHour.addAll(readCsv(dir.resolve("4h").resolve(symbol + ".csv"), symbol, Interval.H4));
            for (CandleBar b : readCsv(dir.resolve("1d").resolve(symbol + ".csv"), symbol, Interval.D1)) {
                daily.put(symbol + "|" + b.openTime(), new double[] {b.open(), b.high(), b.low(), b.close(), b.volume()});
            }
        }
        Dataset<Row> candles = SharedSpark.spark().createDataFrame(BatchRows.candles(fourHour, "real"),
                LakeTable.CANDLES.schema());
        List<Row> got = new Resampler(Interval.H4, Interval.D1).resample(candles).bars()
                .select(functions.col("symbol"), functions.unix_millis(functions.col("open_time")), functions.col("open"),
                        functions.col("high"), functions.col("low"), functions.col("close"), functions.col("volume"))
                .collectAsList();
        assertTrue(got.size() > 450, "about 250 days × 2 symbols, got " + got.size());
        for (Row g : got) {
            double[] e = daily.get(g.getString(0) + "|" + g.getLong(1));
            Assertions.assertNotNull(e, "Binance has a 1d bar for " + g);
            for (int c = 0; c < 4; c++) {
                assertEquals(e[c], g.getDouble(2 + c), g.toString());
            }
            assertEquals(e[4], g.getDouble(6), 1e-9 * e[4], "volume of " + g);
        }
    }

    private static List<CandleBar> readCsv(Path file, String symbol, Interval interval) throws IOException {
        List<CandleBar> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            out.add(new CandleBar(Market.SPOT, interval, symbol, Long.parseLong(f[0]), Double.parseDouble(f[1]),
                    Double.parseDouble(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4]),
                    Double.parseDouble(f[5]), Double.NaN, -1, Double.NaN, Double.NaN));
        }
        return out;
    }

    private static CandleBar bar(String symbol, long t, double close, double volume) {
        return new CandleBar(Market.SPOT, Interval.M5, symbol, t, close - 0.5, close + 1, close - 1.5, close, volume,
                Double.NaN, -1, Double.NaN, Double.NaN);
    }

    /** Rows {open_time, open, high, low, close, volume} of complete hours, by symbol then time. */
    private static List<double[]> plainJavaHourly(List<CandleBar> bars) {
        Map<String, List<CandleBar>> buckets = new TreeMap<>();
        for (CandleBar b : bars) {
            String key = b.symbol() + "|" + String.format("%020d", Interval.H1.floor(b.openTime()));
            buckets.computeIfAbsent(key, k -> new ArrayList<>()).add(b);
        }
        List<double[]> out = new ArrayList<>();
        for (List<CandleBar> bucket : buckets.values()) {
            if (bucket.size() != 12) {
                continue;
            }
            CandleBar first = bucket.get(0);
            CandleBar last = bucket.get(0);
            double high = Double.NEGATIVE_INFINITY;
            double low = Double.POSITIVE_INFINITY;
            double volume = 0;
            for (CandleBar b : bucket) {
                first = b.openTime() < first.openTime() ? b : first;
                last = b.openTime() > last.openTime() ? b : last;
                high = Math.max(high, b.high());
                low = Math.min(low, b.low());
                volume += b.volume();
            }
            out.add(new double[] {Interval.H1.floor(first.openTime()), first.open(), high, low, last.close(), volume});
        }
        return out;
    }
}
