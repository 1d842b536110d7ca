package io.quantlake.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quantlake.market.Interval;
import io.quantlake.market.Market;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class CandleValidatorTest {
    private static final long T = 1704067200000L; // 2024-01-01T00:00:00Z

    private static CandleBar bar(long t, double o, double h, double l, double c, double v) {
        return new CandleBar(Market.SPOT, Interval.H1, "BTCUSDT", t, o, h, l, c, v, Double.NaN, -1, Double.NaN, Double.NaN);
    }

    private static String check(CandleBar b) {
        return CandleValidator.check(b).map(v -> v.reason().code() + ": " + v.detail()).orElse("ok");
    }

    @Test
    void validBarPassesAndHighLowMayEqualOpenClose() {
        assertEquals("ok", check(bar(T, 10, 12, 9, 11, 0)));
        assertEquals("ok", check(bar(T, 10, 10, 10, 10, 5)));
    }

    @Test
    void eachRuleNamesItsFieldAndValue() {
        assertEquals("non_positive_price: close 0 must be > 0", check(bar(T, 10, 12, 9, 0, 1)));
        assertEquals("non_positive_price: high NaN must be > 0", check(bar(T, 10, Double.NaN, 9, 11, 1)));
        assertEquals("high_below_open_close: high 10.5 < max(open 10, close 11)", check(bar(T, 10, 10.5, 9, 11, 1)));
        assertEquals("low_above_open_close: low 10.5 > min(open 10, close 11)", check(bar(T, 10, 12, 10.5, 11, 1)));
        assertEquals("negative_volume: volume -0.5 must be >= 0", check(bar(T, 10, 12, 9, 11, -0.5)));
        assertEquals("misaligned_open_time: open_time 1704067260000 (2024-01-01T00:01:00Z) is not a bar open of interval 1h",
                check(bar(T + 60_000, 10, 12, 9, 11, 1)));
    }

    @Test
    void negativeQuoteVolumeOrTradeCountIsRejected() {
        CandleBar quote = new CandleBar(Market.SPOT, Interval.H1, "BTCUSDT", T, 10, 12, 9, 11, 1, -2, 5, 0, 0);
        CandleBar trades = new CandleBar(Market.SPOT, Interval.H1, "BTCUSDT", T, 10, 12, 9, 11, 1, 2, -5, 0, 0);
        assertEquals("negative_volume: quote_volume -2 must be >= 0", check(quote));
        assertEquals("negative_volume: count -5 must be >= 0", check(trades));
        assertEquals(Optional.empty(), CandleValidator.check(bar(T, 10, 12, 9, 11, 1)));
    }
}
