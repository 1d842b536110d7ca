package io.quantlake.factor;

import io.quantlake.spark.SharedSpark;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A small daily panel for factor tests: 40 grid bars from 2024-01-01, four symbols as own-bar arrays.
 * BTCUSDT misses grid bar 30; ETHUSDT misses 20–22 (a gap); SOLUSDT has every bar, with
 * quote_volume NaN at some bars and null at others (the close·volume fallback); NEWUSDT is listed
 * at grid bar 12.
 */
final class SmallPanel {
    static final long DAY = 86_400_000L;
    static final long T0 = 1_704_067_200_000L; // 2024-01-01T00:00Z
    static final int GRID = 40;
    static final String[] SYMBOLS = {"BTCUSDT", "ETHUSDT", "SOLUSDT", "NEWUSDT"};

    /** Per symbol: grid indices of its own bars, and per own bar close, volume, raw quote volume (NaN = NaN, null = null). */
    final int[][] grid = new int[SYMBOLS.length][];
    final double[][] close = new double[SYMBOLS.length][];
    final double[][] volume = new double[SYMBOLS.length][];
    final Double[][] quoteVolume = new Double[SYMBOLS.length][];

    /**
     * The panel from {@code seed}; bars at grid index > {@code perturbAfter} get prices, volumes and
     * quote volumes from a second random stream (for the look-ahead test; pass GRID for none).
     */
    SmallPanel(long seed, int perturbAfter) {
        double[] start = {42000.0, 2300.0, 100.0, 2.5};
        for (int s = 0; s < SYMBOLS.length; s++) {
            List<Integer> own = new ArrayList<>();
            for (int t = 0; t < GRID; t++) {
                boolean missing = (s == 0 && t == 30) || (s == 1 && t >= 20 && t <= 22) || (s == 3 && t < 12);
                if (!missing) {
                    own.add(t);
                }
            }
            int n = own.size();
            grid[s] = new int[n];
            close[s] = new double[n];
            volume[s] = new double[n];
            quoteVolume[s] = new Double[n];
            Random rnd = new Random(seed + s);
            Random other = new Random(seed * 31 + 7 + s);
            double price = start[s];
            for (int k = 0; k < n; k++) {
                int t = own.get(k);
                Random r = t > perturbAfter ? other : rnd;
                double step = 0.03 * r.nextGaussian() + 0.002 * (s - 1.5);
                double vol = 1000.0 * (1.0 + r.nextDouble()) / Math.sqrt(start[s]);
                double qvNoise = 0.9 + 0.2 * r.nextDouble();
                price = price * Math.exp(step);
                grid[s][k] = t;
                close[s][k] = price;
                volume[s][k] = vol;
                if (s == 2 && k % 5 == 1) {
                    quoteVolume[s][k] = Double.NaN;
                } else if (s == 2 && k % 7 == 3) {
                    quoteVolume[s][k] = null;
                } else {
                    quoteVolume[s][k] = price * vol * qvNoise;
                }
            }
        }
    }

    static long time(int gridIndex) {
        return T0 + gridIndex * DAY;
    }

    /** Effective quote volume of own bar k of symbol s: quote volume, or close·volume when null/NaN. */
    double qv(int s, int k) {
        Double q = quoteVolume[s][k];
        return q == null || q.isNaN() ? close[s][k] * volume[s][k] : q;
    }

    /** Own bar of symbol s at grid index t, or -1. */
    int ownBar(int s, int t) {
        for (int k = 0; k < grid[s].length; k++) {
            if (grid[s][k] == t) {
                return k;
            }
        }
        return -1;
    }

    /** The panel as rows of the Delta table {@code candles} (market spot, interval 1d). */
    Dataset<Row> candles() {
        StructType schema = new StructType()
                .add("market", DataTypes.StringType, false)
                .add("interval", DataTypes.StringType, false)
                .add("symbol", DataTypes.StringType, false)
                .add("open_time", DataTypes.TimestampType, false)
                .add("open", DataTypes.DoubleType)
                .add("high", DataTypes.DoubleType)
                .add("low", DataTypes.DoubleType)
                .add("close", DataTypes.DoubleType)
                .add("volume", DataTypes.DoubleType)
                .add("quote_volume", DataTypes.DoubleType)
                .add("trades", DataTypes.LongType)
                .add("taker_buy_base", DataTypes.DoubleType)
                .add("taker_buy_quote", DataTypes.DoubleType)
                .add("ingest_run", DataTypes.StringType);
        List<Row> rows = new ArrayList<>();
        for (int s = 0; s < SYMBOLS.length; s++) {
            for (int k = 0; k < grid[s].length; k++) {
                double c = close[s][k];
                rows.add(RowFactory.create("spot", "1d", SYMBOLS[s], new Timestamp(time(grid[s][k])), c, c * 1.01, c * 0.99, c,
                        volume[s][k], quoteVolume[s][k], 100L, volume[s][k] / 2, null, "test"));
            }
        }
        return SharedSpark.spark().createDataFrame(rows, schema);
    }
}
