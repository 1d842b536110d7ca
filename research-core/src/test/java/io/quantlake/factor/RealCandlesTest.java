package io.quantlake.factor;

import io.quantlake.spark.SharedSpark;
import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.market.Interval;
import io.quantlake.market.Market;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Factors on real Binance 1d candles (../shared/data/binance-spot-2024: BTC, ETH, SOL and WIFUSDT,
 * listed 2024-03-05). These files carry no quote volume, so liquidity uses close·volume.
 */
class RealCandlesTest {
    private static final String[] SYMBOLS = {"BTCUSDT", "ETHUSDT", "SOLUSDT", "WIFUSDT"};

    @Test
    void factorsOnRealCandlesAgreeWithTheCsvAndWithMarketIntuition() throws IOException {
        String shared = System.getProperty("quantlake.shared");
        Path dir = shared == null ? null : Path.of(shared, "data", "binance-spot-2024", "1d");
        Assumptions.assumeTrue(dir != null && Files.isDirectory(dir),
                "skipped: shared data directory absent (system property quantlake.shared=" + shared + ")");
        Map<String, List<double[]>> bars = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        for (String s : SYMBOLS) {
            List<double[]> own = new ArrayList<>();
            List<String> lines = Files.readAllLines(dir.resolve(s + ".csv"));
            for (int i = 1; i < lines.size(); i++) {
                String[] f = lines.get(i).split(",");
                double[] b = {Long.parseLong(f[0]), Double.parseDouble(f[4]), Double.parseDouble(f[5])};
                own.add(b);
                rows.add(RowFactory.create("spot", "1d", s, new Timestamp((long) b[0]), Double.parseDouble(f[1]),
                        Double.parseDouble(f[2]), Double.parseDouble(f[3]), b[1], b[2]));
            }
            bars.put(s, own);
        }
        StructType schema = new StructType().add("market", DataTypes.StringType).add("interval", DataTypes.StringType)
                .add("symbol", DataTypes.StringType).add("open_time", DataTypes.TimestampType)
                .add("open", DataTypes.DoubleType).add("high", DataTypes.DoubleType).add("low", DataTypes.DoubleType)
                .add("close", DataTypes.DoubleType).add("volume", DataTypes.DoubleType); // no quote_volume column
        Dataset<Row> candles = SharedSpark.spark().createDataFrame(rows, schema);

        FactorEngine engine = FactorEngine.of(new Momentum(30, 1), new Beta(60, MarketProxy.btc()), new Liquidity(20),
                RatioToRollingHigh.overDays(365, Interval.D1), new MaxDrawdown(60));
        Map<String, Row> wide = new HashMap<>();
        for (Row r : engine.wide(candles).where(col("symbol").isin("BTCUSDT", "ETHUSDT", "WIFUSDT")).collectAsList()) {
            wide.put(r.<String>getAs("symbol") + "@" + r.<Timestamp>getAs("ts").getTime(), r);
        }

        List<double[]> btc = bars.get("BTCUSDT");
        double[] last = btc.get(btc.size() - 1);
        int k = btc.size() - 1;
        Row btcLast = wide.get("BTCUSDT@" + (long) last[0]);
        FactorEngineTest.assertClose("BTC mom_30_1", btc.get(k - 1)[1] / btc.get(k - 30)[1] - 1.0, btcLast.getAs("mom_30_1"));
        double qv = 0.0;
        for (int j = k - 19; j <= k; j++) {
            qv += btc.get(j)[1] * btc.get(j)[2];
        }
        FactorEngineTest.assertClose("BTC liq_20 from close*volume", qv / 20, btcLast.getAs("liq_20"));
        FactorEngineTest.assertClose("BTC beta to itself", 1.0, btcLast.getAs("beta_btcusdt_60"));
        assertNull(btcLast.getAs("high_ratio_365"), "eight months of data cannot fill a 365-day window");
        double mdd = btcLast.<Double>getAs("mdd_60");
        assertTrue(mdd > 0.05 && mdd < 0.6, "BTC 60-day max drawdown in 2024 " + mdd);
        double ethBeta = wide.get("ETHUSDT@" + (long) last[0]).<Double>getAs("beta_btcusdt_60");
        assertTrue(ethBeta > 0.5 && ethBeta < 2.5, "ETH beta to BTC " + ethBeta);

        List<double[]> wif = bars.get("WIFUSDT");
        assertNull(wide.get("WIFUSDT@" + (long) wif.get(29)[0]).getAs("mom_30_1"), "WIF's 30th bar: warm-up");
        assertNotNull(wide.get("WIFUSDT@" + (long) wif.get(30)[0]).getAs("mom_30_1"), "WIF's 31st bar: first value");

        CorrelationMatrix corr = ReturnCorrelation.of(candles, Market.SPOT, Interval.D1, List.of(SYMBOLS));
        // complete cases: from WIF's first return to 2024-09-05 (BTC and ETH end a day before SOL and WIF)
        assertEquals(wif.size() - 2, corr.observations(), "complete cases");
        assertTrue(corr.get("BTCUSDT", "ETHUSDT") > 0.6, "BTC/ETH daily return correlation " + corr.get("BTCUSDT", "ETHUSDT"));
        assertEquals(1.0, corr.get("SOLUSDT", "SOLUSDT"), 1e-12);
    }
}
