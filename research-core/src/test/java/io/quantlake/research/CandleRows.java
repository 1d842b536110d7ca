package io.quantlake.research;

import io.quantlake.ingest.CandleBar;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Test helper: {@link CandleBar} records as rows of the Delta table {@code candles} (DESIGN.md), NaN / −1 as null. */
final class CandleRows {
    static final StructType SCHEMA = new StructType()
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

    private CandleRows() {
    }

    static Dataset<Row> dataset(List<CandleBar> bars) {
        List<Row> rows = new ArrayList<>(bars.size());
        for (CandleBar b : bars) {
            rows.add(RowFactory.create(b.market().code(), b.interval().code(), b.symbol(), new Timestamp(b.openTime()),
                    b.open(), b.high(), b.low(), b.close(), b.volume(), orNull(b.quoteVolume()),
                    b.trades() < 0 ? null : b.trades(), orNull(b.takerBuyBase()), orNull(b.takerBuyQuote()), "test"));
        }
        return ResearchSpark.session().createDataFrame(rows, SCHEMA);
    }

    private static Double orNull(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
