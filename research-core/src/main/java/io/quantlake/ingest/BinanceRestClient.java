package io.quantlake.ingest;

import io.quantlake.market.FundingRecord;
import com.fasterxml.jackson.databind.JsonNode;
import io.quantlake.market.Interval;
import io.quantlake.market.Market;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Downloads klines, funding rates and symbol metadata from Binance's public REST API (no key needed):
 * spot {@code GET /api/v3/klines} (1000 rows a page), USDⓈ-M {@code GET /fapi/v1/klines} (1500),
 * {@code GET /fapi/v1/fundingRate} (1000), {@code GET /api/v3/exchangeInfo} and {@code GET /fapi/v1/exchangeInfo}.
 *
 * <p>Paging: from {@code startMs} (inclusive) a page of the endpoint's maximum size is requested with
 * {@code startTime} = cursor and {@code endTime = endMs - 1}; the next cursor is the last open time plus one
 * interval (funding: last funding time + 1 ms), until {@code endMs} or an empty or short page. For an
 * incremental download pass {@code startMs} = last stored open time + interval. Klines are downloaded only
 * for closed bars: {@code endMs} is cut to the open of the bar in progress ({@code interval.floor(now)}), so
 * {@code Long.MAX_VALUE} means "up to now".
 *
 * <p>Rows go through the same parsing and validation as archive rows ({@link BinanceFormat},
 * {@link CandleValidator}); a bad row is quarantined with the request URL as source and its 1-based index in
 * the page as line. Throttling and retries: see {@link RestSettings} and {@link RestTransport}; a request that
 * fails for good aborts the call with an {@link IngestException}. Not thread-safe.
 */
public final class BinanceRestClient {
    private record Endpoint(Market market, String path, int limit, int weight) {
    }

    private static final Endpoint SPOT_KLINES = new Endpoint(Market.SPOT, "/api/v3/klines", 1000, 2);
    private static final Endpoint FUTURES_KLINES = new Endpoint(Market.USDM, "/fapi/v1/klines", 1500, 10);
    private static final Endpoint FUNDING = new Endpoint(Market.USDM, "/fapi/v1/fundingRate", 1000, 1);
    private static final Endpoint SPOT_INFO = new Endpoint(Market.SPOT, "/api/v3/exchangeInfo", 0, 20);
    private static final Endpoint FUTURES_INFO = new Endpoint(Market.USDM, "/fapi/v1/exchangeInfo", 0, 1);

    /** Reads one row of a page, hands it to the collector and returns its time (open or funding time). */
    @FunctionalInterface
    private interface PageRow {
        long read(JsonNode row, FieldParser fields, long line, String source) throws RowRejection;
    }

    private final RestTransport transport;
    private final Clock clock;

    /** A client on Binance's public hosts with {@link RestSettings#defaults()}. */
    public BinanceRestClient() {
        this(RestSettings.defaults());
    }

    public BinanceRestClient(RestSettings settings) {
        this(settings, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(), Clock.systemUTC(),
                Sleeper.system());
    }

    /** A client with its HTTP client, clock (throttle minutes, "now") and sleeper injected. */
    public BinanceRestClient(RestSettings settings, HttpClient http, Clock clock, Sleeper sleeper) {
        this.transport = new RestTransport(Objects.requireNonNull(settings, "settings"),
                Objects.requireNonNull(http, "http"), Objects.requireNonNull(clock, "clock"),
                Objects.requireNonNull(sleeper, "sleeper"));
        this.clock = clock;
    }

    /** Closed bars of one symbol with {@code startMs <= open_time < endMs}. */
    public IngestBatch klines(Market market, String symbol, Interval interval, long startMs, long endMs) {
        return klines(market, interval, Map.of(symbol, startMs), endMs);
    }

    /** Closed bars of several symbols, each from its own start (incremental), up to {@code endMs} (exclusive). */
    public IngestBatch klines(Market market, Interval interval, Map<String, Long> startBySymbol, long endMs) {
        IngestCollector c = new IngestCollector();
        addKlines(c, market, interval, startBySymbol, endMs);
        return c.build();
    }

    /** USDⓈ-M funding events of one symbol with {@code startMs <= funding_time < endMs}. */
    public IngestBatch fundingRates(String symbol, long startMs, long endMs) {
        return fundingRates(Map.of(symbol, startMs), endMs);
    }

    /** USDⓈ-M funding events of several symbols, each from its own start, up to {@code endMs} (exclusive). */
    public IngestBatch fundingRates(Map<String, Long> startBySymbol, long endMs) {
        IngestCollector c = new IngestCollector();
        addFunding(c, startBySymbol, endMs);
        return c.build();
    }

    /**
     * Metadata of {@code symbols} from exchangeInfo (all symbols of the market when empty; USDⓈ-M:
     * perpetuals only). A requested symbol that is not listed is an {@link IngestException}.
     */
    public IngestBatch symbols(Market market, Collection<String> symbols) {
        IngestCollector c = new IngestCollector();
        addSymbols(c, market, symbols);
        return c.build();
    }

    /**
     * Everything {@code ingest api} needs in one batch: the symbols' metadata, their klines from
     * {@code klineStart} and, for USDⓈ-M, their funding from {@code fundingStart}, all up to {@code endMs}.
     */
    public IngestBatch download(Market market, Interval interval, Map<String, Long> klineStart,
                                Map<String, Long> fundingStart, long endMs) {
        IngestCollector c = new IngestCollector();
        Set<String> all = new LinkedHashSet<>(klineStart.keySet());
        all.addAll(fundingStart.keySet());
        addSymbols(c, market, all);
        addKlines(c, market, interval, klineStart, endMs);
        if (market == Market.USDM) {
            addFunding(c, fundingStart, endMs);
        } else if (!fundingStart.isEmpty()) {
            throw new IngestException("funding rates exist only for market usdm, got " + market);
        }
        return c.build();
    }

    private void addKlines(IngestCollector c, Market market, Interval interval, Map<String, Long> startBySymbol,
                           long endMs) {
        Endpoint e = market == Market.SPOT ? SPOT_KLINES : FUTURES_KLINES;
        long stop = Math.min(endMs, interval.floor(clock.millis()));
        for (String symbol : sorted(startBySymbol.keySet())) {
            String query = "symbol=" + symbol + "&interval=" + interval.code();
            page(c, e, query, startBySymbol.get(symbol), stop, interval.millis(), (row, p, line, source) -> {
                CandleBar bar = BinanceFormat.kline(fields(row), market, interval, symbol, p, line);
                c.candle(bar, source, line, row.toString());
                return bar.openTime();
            });
        }
    }

    private void addFunding(IngestCollector c, Map<String, Long> startBySymbol, long endMs) {
        long stop = Math.min(endMs, clock.millis());
        for (String symbol : sorted(startBySymbol.keySet())) {
            page(c, FUNDING, "symbol=" + symbol, startBySymbol.get(symbol), stop, 1, (row, p, line, source) -> {
                String[] f = {text(row, "fundingTime"), text(row, "fundingRate"), text(row, "markPrice")};
                long time = p.epochMillis(f, 0, "fundingTime", line);
                double rate = FieldParser.decimal(f, 1, "fundingRate");
                double mark = FieldParser.optionalDecimal(f, 2, "markPrice");
                c.funding(new FundingRecord(Market.USDM, symbol, time, rate, mark), source, line, row.toString());
                return time;
            });
        }
    }

    private void addSymbols(IngestCollector c, Market market, Collection<String> wanted) {
        Endpoint e = market == Market.SPOT ? SPOT_INFO : FUTURES_INFO;
        URI uri = transport.uri(market, e.path(), "");
        List<SymbolInfo> all = ExchangeInfoParser.parse(market, transport.get(market, uri, e.weight()), "GET " + uri);
        c.countFile();
        for (SymbolInfo s : all) {
            if (wanted.isEmpty() || wanted.contains(s.symbol())) {
                c.symbol(s);
            }
        }
        List<String> found = all.stream().map(SymbolInfo::symbol).toList();
        for (String w : wanted) {
            if (!found.contains(w)) {
                throw new IngestException("symbol " + w + " is not a " + (market == Market.USDM ? "perpetual " : "")
                        + market + " symbol of GET " + uri);
            }
        }
    }

    /** Pages {@code e} from {@code start} to {@code stop} (exclusive), the next cursor being last time + step. */
    private void page(IngestCollector c, Endpoint e, String query, long start, long stop, long step, PageRow reader) {
        long cursor = start;
        while (cursor < stop) {
            URI uri = transport.uri(e.market(), e.path(),
                    query + "&startTime=" + cursor + "&endTime=" + (stop - 1) + "&limit=" + e.limit());
            JsonNode page = transport.get(e.market(), uri, e.weight());
            c.countFile();
            String source = uri.toString();
            if (!page.isArray()) {
                throw new IngestException("GET " + source + ": expected a JSON array, got " + page.getNodeType() + ": "
                        + RestTransport.abbreviate(page.toString()));
            }
            FieldParser fields = new FieldParser(source);
            long last = Long.MIN_VALUE;
            for (int i = 0; i < page.size(); i++) {
                JsonNode row = page.get(i);
                c.countRow();
                try {
                    last = Math.max(last, reader.read(row, fields, i + 1, source));
                } catch (RowRejection r) {
                    c.reject(r, source, i + 1, row.toString());
                }
            }
            if (page.size() < e.limit()) {
                return;
            }
            if (last == Long.MIN_VALUE || last + step <= cursor) {
                throw new IngestException("GET " + source + ": a full page whose times do not pass the cursor "
                        + cursor + "; cannot page on");
            }
            cursor = last + step;
        }
    }

    /** The values of a kline array as text (numbers as written, strings unquoted). */
    private static String[] fields(JsonNode row) {
        if (!row.isArray()) {
            return new String[] {row.toString()};
        }
        String[] f = new String[row.size()];
        for (int i = 0; i < f.length; i++) {
            JsonNode n = row.get(i);
            f[i] = n.isValueNode() ? n.asText() : n.toString();
        }
        return f;
    }

    private static String text(JsonNode row, String field) {
        JsonNode n = row.get(field);
        return n == null || n.isNull() ? "" : n.asText();
    }

    private static List<String> sorted(Collection<String> symbols) {
        List<String> out = new ArrayList<>(symbols);
        out.sort(null);
        return out;
    }
}
