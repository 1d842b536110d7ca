package io.quantlake.lake;

import io.quantlake.ingest.CandleBar;
import io.quantlake.market.FundingRecord;
import io.quantlake.ingest.IngestBatch;
import io.quantlake.ingest.QuarantineReason;
import io.quantlake.ingest.QuarantineRow;
import io.quantlake.ingest.SymbolInfo;
import io.quantlake.market.Interval;
import io.quantlake.market.Market;
import java.util.List;

/** Small inline candles and batches for the lake tests. */
final class Fixtures {
    /** 2024-01-01T00:00:00Z, a Monday. */
    static final long T0 = 1_704_067_200_000L;
    static final long DAY = 86_400_000L;

    private Fixtures() {
    }

    /** A spot 1d bar on day {@code day} after {@link #T0}: open = close − 1, high = close + 2, low = close − 3. */
    static CandleBar daily(String symbol, int day, double close) {
        return bar(Market.SPOT, Interval.D1, symbol, T0 + day * DAY, close);
    }

    static CandleBar bar(Market market, Interval interval, String symbol, long openTime, double close) {
        return new CandleBar(market, interval, symbol, openTime, close - 1, close + 2, close - 3, close,
                10 + close / 100, Double.NaN, -1, Double.NaN, Double.NaN);
    }

    static FundingRecord funding(String symbol, long time, double rate, double mark) {
        return new FundingRecord(Market.USDM, symbol, time, rate, mark);
    }

    static SymbolInfo symbol(String symbol) {
        return new SymbolInfo(Market.SPOT, symbol, symbol.replace("USDT", ""), "USDT", "TRADING", -1, -1,
                0.01, 0.00001, 5.0);
    }

    static QuarantineRow rejected(String source, long line, QuarantineReason reason) {
        return new QuarantineRow(source, line, "raw line " + line, reason, "detail of line " + line);
    }

    static IngestBatch candlesOnly(List<CandleBar> candles) {
        return new IngestBatch(1, candles.size(), candles, List.of(), List.of(), List.of());
    }
}
