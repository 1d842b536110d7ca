package io.quantlake.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.quantlake.market.Market;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /api/v3/exchangeInfo} (spot) and {@code GET /fapi/v1/exchangeInfo} (USDⓈ-M) as
 * {@link SymbolInfo}s: {@code symbol, baseAsset, quoteAsset, status}; tick size from the {@code PRICE_FILTER}
 * filter, step size from {@code LOT_SIZE}, min notional from {@code NOTIONAL} or {@code MIN_NOTIONAL}
 * ({@code minNotional} on spot, {@code notional} on futures); futures {@code onboardDate} as onboard time and
 * {@code deliveryDate} as delist time unless it is Binance's perpetual placeholder (2100-12-25, shown as -1).
 * USDⓈ-M keeps perpetual contracts only (the project's usdm market); quarterly contracts are left out.
 */
final class ExchangeInfoParser {
    /** {@code deliveryDate} of every live perpetual: 2100-12-25T08:00:00Z. */
    static final long PERPETUAL_DELIVERY = 4133404800000L;

    private ExchangeInfoParser() {
    }

    static List<SymbolInfo> parse(Market market, JsonNode root, String source) {
        JsonNode symbols = root.path("symbols");
        if (!symbols.isArray()) {
            throw new IngestException(source + ": exchangeInfo without a 'symbols' array: "
                    + RestTransport.abbreviate(root.toString()));
        }
        List<SymbolInfo> out = new ArrayList<>(symbols.size());
        for (JsonNode s : symbols) {
            String symbol = s.path("symbol").asText("");
            if (symbol.isEmpty()) {
                throw new IngestException(source + ": exchangeInfo entry without 'symbol': " + s);
            }
            String contract = s.path("contractType").asText("PERPETUAL");
            if (market == Market.USDM && !contract.equals("PERPETUAL")) {
                continue;
            }
            long onboard = -1;
            long delist = -1;
            if (market == Market.USDM) {
                onboard = s.path("onboardDate").asLong(-1);
                long delivery = s.path("deliveryDate").asLong(-1);
                delist = delivery > 0 && delivery < PERPETUAL_DELIVERY ? delivery : -1;
            }
            double tick = Double.NaN;
            double step = Double.NaN;
            double minNotional = Double.NaN;
            for (JsonNode f : s.path("filters")) {
                switch (f.path("filterType").asText("")) {
                    case "PRICE_FILTER" -> tick = decimal(f, "tickSize", symbol, source);
                    case "LOT_SIZE" -> step = decimal(f, "stepSize", symbol, source);
                    case "NOTIONAL", "MIN_NOTIONAL" ->
                            minNotional = decimal(f, f.has("minNotional") ? "minNotional" : "notional", symbol, source);
                    default -> {
                        // other filters (PERCENT_PRICE, MAX_NUM_ORDERS, ...) are not stored
                    }
                }
            }
            out.add(new SymbolInfo(market, symbol, s.path("baseAsset").asText(""), s.path("quoteAsset").asText(""),
                    s.path("status").asText(""), onboard, delist, tick, step, minNotional));
        }
        return out;
    }

    private static double decimal(JsonNode filter, String field, String symbol, String source) {
        String v = filter.path(field).asText("");
        if (!FieldParser.isDecimal(v)) {
            throw new IngestException(source + ": " + symbol + " filter " + filter.path("filterType").asText()
                    + " field " + field + " '" + v + "' is not a decimal number");
        }
        return Double.parseDouble(v);
    }
}
