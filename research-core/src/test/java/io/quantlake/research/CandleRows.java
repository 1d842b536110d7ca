package io.quantlake.research;

import io.quantlake.ingest.CandleBar;
import io.quantlake.lake.LakeTable;
import io.quantlake.spark.SharedSpark;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/** Test helper: {@link CandleBar} records as rows of {@link LakeTable#CANDLES} (NaN and trades −1 as NULL, as the lake writes them). */
final class CandleRows {
    private CandleRows() {
    }

    static Dataset<Row> dataset(List<CandleBar> bars) {
        List<Row> rows = new ArrayList<>(bars.size());
        for (CandleBar b : bars) {
            rows.add(RowFactory.create(b.market().code(), b.interval().code(), b.symbol(), new Timestamp(b.openTime()),
                    b.open(), b.high(), b.low(), b.close(), b.volume(), orNull(b.quoteVolume()),
                    b.trades() < 0 ? null : b.trades(), orNull(b.takerBuyBase()), orNull(b.takerBuyQuote()), "test"));
        }
        return SharedSpark.spark().createDataFrame(rows, LakeTable.CANDLES.schema());
    }

    private static Double orNull(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
