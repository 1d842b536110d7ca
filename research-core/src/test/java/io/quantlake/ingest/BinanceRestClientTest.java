package io.quantlake.ingest;

import io.quantlake.market.FundingRecord;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.ingest.FakeBinance.Reply;
import io.quantlake.market.Interval;
import io.quantlake.market.Market;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BinanceRestClientTest {
    private static final long T0 = 1704067200000L; // 2024-01-01T00:00:00Z
    private static final long MIN = 60_000L;
    private static final long HOUR = 3_600_000L;

    private final FakeBinance server;
    private final FakeBinance.TestClock clock = new FakeBinance.TestClock(T0 + 30L * 24 * HOUR);
    private final FakeBinance.RecordingSleeper sleeper = new FakeBinance.RecordingSleeper(clock);

    BinanceRestClientTest() throws IOException {
        server = new FakeBinance();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private BinanceRestClient client(RestSettings settings) {
        RestSettings s = settings.withBaseUrl(Market.SPOT, server.url()).withBaseUrl(Market.USDM, server.url());
        return new BinanceRestClient(s, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
                clock, sleeper);
    }

    private BinanceRestClient client() {
        return client(RestSettings.defaults().withRetry(3, Duration.ofMillis(100), Duration.ofSeconds(10)));
    }

    /** Klines of a steady market: bar k opens at first + k·step at price 100 + k; honours startTime, endTime, limit. */
    private static Function<Map<String, String>, Reply> klines(long first, long step, int count) {
        return q -> {
            long start = Long.parseLong(q.get("startTime"));
            long end = Long.parseLong(q.get("endTime"));
            int limit = Integer.parseInt(q.get("limit"));
            StringBuilder sb = new StringBuilder("[");
            int n = 0;
            for (int k = 0; k < count && n < limit; k++) {
                long t = first + k * step;
                if (t >= start && t <= end) {
                    double o = 100 + k;
                    sb.append(n++ == 0 ? "" : ",").append(String.format(Locale.ROOT,
                            "[%d,\"%.2f\",\"%.2f\",\"%.2f\",\"%.2f\",\"10.0\",%d,\"1000.0\",5,\"4.0\",\"400.0\",\"0\"]",
                            t, o, o + 2, o - 1, o + 1, t + step - 1));
                }
            }
            return Reply.ok(sb.append(']').toString());
        };
    }

    @Test
    void spotKlinesArePagedAtOneThousandAcrossThreePages() {
        server.on("/api/v3/klines", klines(T0, MIN, 2500));

        IngestBatch b = client().klines(Market.SPOT, "BTCUSDT", Interval.M1, T0, T0 + 2500 * MIN);

        assertEquals(3, server.requests.size());
        assertEquals(List.of(T0, T0 + 1000 * MIN, T0 + 2000 * MIN), List.of(
                Long.parseLong(server.param(0, "startTime")), Long.parseLong(server.param(1, "startTime")),
                Long.parseLong(server.param(2, "startTime"))));
        assertEquals("1000", server.param(0, "limit"));
        assertEquals(String.valueOf(T0 + 2500 * MIN - 1), server.param(0, "endTime"));
        assertEquals("BTCUSDT", server.param(0, "symbol"));
        assertEquals("1m", server.param(0, "interval"));
        assertEquals(3, b.files());
        assertEquals(2500, b.candles().size());
        assertEquals(List.of(), b.quarantine());
        assertEquals(new CandleBar(Market.SPOT, Interval.M1, "BTCUSDT", T0 + 2499 * MIN, 2599, 2601, 2598, 2600,
                10, 1000, 5, 4, 400), b.candles().get(2499));
    }

    @Test
    void futuresKlinesPageAtFifteenHundredAndStopOnAnEmptyPage() {
        server.on("/fapi/v1/klines", klines(T0, MIN, 3000));

        IngestBatch b = client().klines(Market.USDM, "ETHUSDT", Interval.M1, T0, T0 + 5000 * MIN);

        assertEquals(3, server.requests.size(), "1500 + 1500 + an empty page");
        assertEquals("1500", server.param(0, "limit"));
        assertEquals(String.valueOf(T0 + 3000 * MIN), server.param(2, "startTime"));
        assertEquals(3000, b.candles().size());
        assertEquals(Market.USDM, b.candles().get(0).market());
    }

    @Test
    void incrementalDownloadResumesAfterTheLastStoredBarAndSkipsTheBarInProgress() {
        server.on("/api/v3/klines", klines(T0, HOUR, 11));
        clock.now = T0 + 10 * HOUR + 30 * MIN; // bar 10 (10:00) is still open
        long lastStored = T0 + 5 * HOUR;

        IngestBatch b = client().klines(Market.SPOT, "BTCUSDT", Interval.H1, lastStored + HOUR, Long.MAX_VALUE);

        assertEquals(1, server.requests.size());
        assertEquals(String.valueOf(T0 + 6 * HOUR), server.param(0, "startTime"));
        assertEquals(String.valueOf(T0 + 10 * HOUR - 1), server.param(0, "endTime"));
        assertEquals(List.of(T0 + 6 * HOUR, T0 + 7 * HOUR, T0 + 8 * HOUR, T0 + 9 * HOUR),
                b.candles().stream().map(CandleBar::openTime).toList());
    }

    @Test
    void nothingNewMeansNoRequest() {
        clock.now = T0 + 10 * HOUR + 30 * MIN;

        IngestBatch b = client().klines(Market.SPOT, "BTCUSDT", Interval.H1, T0 + 10 * HOUR, Long.MAX_VALUE);

        assertEquals(0, server.requests.size());
        assertEquals(List.of(), b.candles());
    }

    @Test
    void usedWeightNearTheBudgetSleepsUntilTheNextMinute() {
        Function<Map<String, String>, Reply> bars = klines(T0, MIN, 1500);
        server.on("/api/v3/klines", q -> bars.apply(q).withHeader("X-MBX-USED-WEIGHT-1M", "1199"));
        clock.now = T0 + 40L * 24 * HOUR + 45_500; // 45.5 s into a minute

        client().klines(Market.SPOT, "BTCUSDT", Interval.M1, T0, T0 + 1500 * MIN);

        // page 2 would bring the minute's weight to 1199 + 2 > 1200: wait 60 000 - 45 500 = 14 500 ms
        assertEquals(List.of(Duration.ofMillis(14_500)), sleeper.waits);
        assertEquals(2, server.requests.size());
    }

    @Test
    void rateLimitIsRetriedAfterRetryAfterSeconds() {
        AtomicInteger calls = new AtomicInteger();
        Function<Map<String, String>, Reply> bars = klines(T0, HOUR, 3);
        server.on("/api/v3/klines", q -> calls.getAndIncrement() == 0
                ? new Reply(429, "{\"code\":-1003,\"msg\":\"Too many requests\"}", Map.of("Retry-After", "3"))
                : bars.apply(q));

        IngestBatch b = client().klines(Market.SPOT, "BTCUSDT", Interval.H1, T0, T0 + 3 * HOUR);

        assertEquals(List.of(Duration.ofSeconds(3)), sleeper.waits);
        assertEquals(3, b.candles().size());
        assertEquals(2, server.requests.size());
    }

    @Test
    void serverErrorsBackOffExponentiallyThenGiveUpWithAClearError() {
        server.on("/api/v3/klines", q -> new Reply(503, "{\"code\":-1001,\"msg\":\"Internal error\"}", Map.of()));

        IngestException e = assertThrows(IngestException.class,
                () -> client().klines(Market.SPOT, "BTCUSDT", Interval.H1, T0, T0 + 3 * HOUR));

        assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200)), sleeper.waits);
        assertEquals(3, server.requests.size());
        assertTrue(e.getMessage().contains("/api/v3/klines?symbol=BTCUSDT&interval=1h"), e.getMessage());
        assertTrue(e.getMessage().endsWith(": HTTP 503 after 3 attempts, giving up: "
                + "{\"code\":-1001,\"msg\":\"Internal error\"}"), e.getMessage());
    }

    @Test
    void otherClientErrorFailsAtOnceWithBinancesMessage() {
        server.on("/api/v3/klines", q -> new Reply(400, "{\"code\":-1121,\"msg\":\"Invalid symbol.\"}", Map.of()));

        IngestException e = assertThrows(IngestException.class,
                () -> client().klines(Market.SPOT, "NOSUCH", Interval.H1, T0, T0 + 3 * HOUR));

        assertEquals(1, server.requests.size());
        assertEquals(List.of(), sleeper.waits);
        assertTrue(e.getMessage().endsWith(": HTTP 400 {\"code\":-1121,\"msg\":\"Invalid symbol.\"}"), e.getMessage());
    }

    @Test
    void banLongerThanTheLongestWaitFailsAtOnce() {
        server.on("/api/v3/klines", q -> new Reply(418, "{\"code\":-1003,\"msg\":\"banned\"}", Map.of("Retry-After", "7200")));

        IngestException e = assertThrows(IngestException.class,
                () -> client().klines(Market.SPOT, "BTCUSDT", Interval.H1, T0, T0 + 3 * HOUR));

        assertEquals(1, server.requests.size());
        assertTrue(e.getMessage().contains("HTTP 418 with Retry-After 7200 s, longer than the longest wait of 10 s"),
                e.getMessage());
    }

    @Test
    void badRowOfAPageIsQuarantinedWithTheUrlAsSource() {
        server.on("/api/v3/klines", q -> Reply.ok("[[" + T0 + ",\"10\",\"12\",\"9\",\"11\",\"1\"," + (T0 + HOUR - 1)
                + ",\"10\",3,\"0.5\",\"5\",\"0\"],[" + (T0 + HOUR) + ",\"10\",\"9.5\",\"9\",\"11\",\"1\","
                + (T0 + 2 * HOUR - 1) + ",\"10\",3,\"0.5\",\"5\",\"0\"]]"));

        IngestBatch b = client().klines(Market.SPOT, "BTCUSDT", Interval.H1, T0, T0 + 2 * HOUR);

        assertEquals(1, b.candles().size());
        QuarantineRow q = b.quarantine().get(0);
        assertEquals(QuarantineReason.HIGH_BELOW_OPEN_CLOSE, q.reason());
        assertEquals(2, q.line());
        assertTrue(q.source().startsWith(server.url() + "/api/v3/klines?symbol=BTCUSDT"), q.source());
    }

    @Test
    void fundingRatesArePagedByFundingTime() {
        server.on("/fapi/v1/fundingRate", q -> {
            long start = Long.parseLong(q.get("startTime"));
            return Reply.ok(start == T0
                    ? "[{\"symbol\":\"XRPUSDT\",\"fundingTime\":" + T0 + ",\"fundingRate\":\"0.00010000\",\"markPrice\":\"0.61630000\"},"
                    + "{\"symbol\":\"XRPUSDT\",\"fundingTime\":" + (T0 + 8 * HOUR) + ",\"fundingRate\":\"-0.00002500\",\"markPrice\":\"\"}]"
                    : "[]");
        });

        IngestBatch b = client().fundingRates("XRPUSDT", T0, T0 + 24 * HOUR);

        assertEquals(1, server.requests.size(), "a short page ends the paging");
        assertEquals("1000", server.param(0, "limit"));
        assertEquals(List.of(new FundingRecord(Market.USDM, "XRPUSDT", T0, 0.0001, 0.6163),
                new FundingRecord(Market.USDM, "XRPUSDT", T0 + 8 * HOUR, -0.000025, Double.NaN)), b.funding());
    }

    @Test
    void exchangeInfoGivesFiltersStatusAndOnboardDate() {
        server.on("/api/v3/exchangeInfo", q -> Reply.ok("{\"symbols\":[{\"symbol\":\"BTCUSDT\",\"status\":\"TRADING\","
                + "\"baseAsset\":\"BTC\",\"quoteAsset\":\"USDT\",\"filters\":["
                + "{\"filterType\":\"PRICE_FILTER\",\"minPrice\":\"0.01\",\"maxPrice\":\"1000000.00\",\"tickSize\":\"0.01000000\"},"
                + "{\"filterType\":\"LOT_SIZE\",\"minQty\":\"0.00001\",\"maxQty\":\"9000\",\"stepSize\":\"0.00001000\"},"
                + "{\"filterType\":\"NOTIONAL\",\"minNotional\":\"5.00000000\",\"applyMinToMarket\":true}]},"
                + "{\"symbol\":\"ETHUSDT\",\"status\":\"BREAK\",\"baseAsset\":\"ETH\",\"quoteAsset\":\"USDT\",\"filters\":[]}]}"));
        server.on("/fapi/v1/exchangeInfo", q -> Reply.ok("{\"symbols\":[{\"symbol\":\"XRPUSDT\",\"status\":\"TRADING\","
                + "\"contractType\":\"PERPETUAL\",\"onboardDate\":1569398400000,\"deliveryDate\":4133404800000,"
                + "\"baseAsset\":\"XRP\",\"quoteAsset\":\"USDT\",\"filters\":["
                + "{\"filterType\":\"PRICE_FILTER\",\"tickSize\":\"0.0001\"},{\"filterType\":\"LOT_SIZE\",\"stepSize\":\"0.1\"},"
                + "{\"filterType\":\"MIN_NOTIONAL\",\"notional\":\"5\"}]},"
                + "{\"symbol\":\"BTCUSDT_240329\",\"status\":\"TRADING\",\"contractType\":\"CURRENT_QUARTER\","
                + "\"baseAsset\":\"BTC\",\"quoteAsset\":\"USDT\",\"filters\":[]}]}"));
        BinanceRestClient c = client();

        assertEquals(List.of(new SymbolInfo(Market.SPOT, "BTCUSDT", "BTC", "USDT", "TRADING", -1, -1, 0.01, 0.00001, 5)),
                c.symbols(Market.SPOT, List.of("BTCUSDT")).symbols());
        assertEquals(List.of(new SymbolInfo(Market.USDM, "XRPUSDT", "XRP", "USDT", "TRADING", 1569398400000L, -1,
                0.0001, 0.1, 5)), c.symbols(Market.USDM, List.of()).symbols(), "perpetuals only");
        IngestException e = assertThrows(IngestException.class, () -> c.symbols(Market.USDM, List.of("BTCUSDT_240329")));
        assertTrue(e.getMessage().startsWith("symbol BTCUSDT_240329 is not a perpetual usdm symbol of GET "), e.getMessage());
    }

    @Test
    void downloadGathersSymbolsKlinesAndFundingInOneBatch() {
        server.on("/fapi/v1/exchangeInfo", q -> Reply.ok("{\"symbols\":[{\"symbol\":\"XRPUSDT\",\"status\":\"TRADING\","
                + "\"contractType\":\"PERPETUAL\",\"baseAsset\":\"XRP\",\"quoteAsset\":\"USDT\",\"filters\":[]}]}"));
        server.on("/fapi/v1/klines", klines(T0, HOUR, 24));
        server.on("/fapi/v1/fundingRate", q -> Reply.ok("[{\"symbol\":\"XRPUSDT\",\"fundingTime\":" + (T0 + 8 * HOUR)
                + ",\"fundingRate\":\"0.0001\",\"markPrice\":\"0.62\"}]"));

        IngestBatch b = client().download(Market.USDM, Interval.H1, Map.of("XRPUSDT", T0 + 20 * HOUR),
                Map.of("XRPUSDT", T0), T0 + 24 * HOUR);

        assertEquals(List.of("XRPUSDT"), b.symbols().stream().map(SymbolInfo::symbol).toList());
        assertEquals(4, b.candles().size(), "20:00 to 23:00");
        assertEquals(1, b.funding().size());
        assertEquals(3, b.files(), "exchangeInfo, one kline page, one funding page");
    }
}
