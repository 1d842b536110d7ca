package io.quantlake.backtest;

import io.quantlake.market.Market;
import io.quantlake.panel.Panel;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Test helper: a panel's bars as a candles Dataset (the columns {@link FactorPanels#attach} reads). */
public final class PanelCandles {
    private static final StructType SCHEMA = new StructType()
            .add("market", DataTypes.StringType).add("interval", DataTypes.StringType)
            .add("symbol", DataTypes.StringType).add("open_time", DataTypes.TimestampType)
            .add("open", DataTypes.DoubleType).add("high", DataTypes.DoubleType).add("low", DataTypes.DoubleType)
            .add("close", DataTypes.DoubleType).add("volume", DataTypes.DoubleType);

    private PanelCandles() {
    }

    /** One row per bar of {@code panel} (cells with a close), market {@code market}. */
    public static Dataset<Row> of(SparkSession spark, Panel panel, Market market) {
        List<Row> rows = new ArrayList<>();
        int n = panel.symbolCount();
        for (int t = 0; t < panel.bars(); t++) {
            for (int i = 0; i < n; i++) {
                int k = t * n + i;
                if (!Double.isNaN(panel.close()[k])) {
                    rows.add(RowFactory.create(market.code(), panel.interval().code(), panel.symbols()[i],
                            new Timestamp(panel.times()[t]), panel.open()[k], panel.high()[k], panel.low()[k],
                            panel.close()[k], panel.volume()[k]));
                }
            }
        }
        return spark.createDataFrame(rows, SCHEMA);
    }

    /** {@code panel} with the factors {@code config} reads computed by {@link FactorPanels} over its own bars. */
    public static Panel withFactors(SparkSession spark, Panel panel, Market market,
                                    java.util.Collection<io.quantlake.factorspec.FactorRef> factors) {
        return FactorPanels.attach(panel, of(spark, panel, market), factors, "test panel");
    }
}
