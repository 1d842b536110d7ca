package io.quantlake.datasets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quantlake.market.Market;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a market's symbol filters as Binance's exchangeInfo would give them ({@code GET /api/v3/exchangeInfo},
 * {@code GET /fapi/v1/exchangeInfo}), beside the archive folders: {@code spot/exchangeInfo.json} and
 * {@code futures/um/exchangeInfo.json}. Per symbol: {@code symbol, status, baseAsset, quoteAsset} and the
 * filters {@code PRICE_FILTER tickSize} (the tick of the symbol's prices, quote currency), {@code LOT_SIZE
 * stepSize = minQty} (the step of its volumes, base units: worth 0.01–0.1 USDT at the start price) and a
 * minimum order notional of {@value #MIN_NOTIONAL} USDT ({@code NOTIONAL minNotional} on spot,
 * {@code MIN_NOTIONAL notional} on USDⓈ-M). USDⓈ-M entries are {@code PERPETUAL} with {@code onboardDate} (first
 * bar) and {@code deliveryDate} (the delisting time, else Binance's perpetual placeholder 2100-12-25).
 * A symbol delisted inside the sample is {@code BREAK} (spot) or {@code SETTLING} (USDⓈ-M), else {@code TRADING}.
 * Decimals are strings in shortest plain form; bytes are deterministic ({@code \n} line ends, fixed order).
 */
final class ExchangeInfoWriter {
    /** Minimum order notional of every sample symbol, USDT (Binance's usual spot value). */
    static final String MIN_NOTIONAL = "5";
    /** {@code deliveryDate} of a live perpetual on Binance: 2100-12-25T08:00:00Z. */
    static final long PERPETUAL_DELIVERY = 4133404800000L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ExchangeInfoWriter() {
    }

    /** The file of {@code market} under the sample root. */
    static Path path(Path root, Market market) {
        return (market == Market.SPOT ? root.resolve("spot") : root.resolve("futures").resolve("um"))
                .resolve("exchangeInfo.json");
    }

    /** Writes {@code market}'s exchangeInfo of {@code symbols} (in that order) under {@code root}. */
    static void write(Path root, Market market, UniversePlan plan, List<SymbolProfile> symbols) {
        ObjectNode info = JSON.createObjectNode();
        info.put("timezone", "UTC");
        info.put("serverTime", plan.endMs());
        ArrayNode out = info.putArray("symbols");
        for (SymbolProfile p : symbols) {
            boolean delisted = p.endTime() < plan.endMs();
            ObjectNode s = out.addObject();
            s.put("symbol", p.symbol());
            if (market == Market.USDM) {
                s.put("contractType", "PERPETUAL");
                s.put("deliveryDate", delisted ? p.endTime() : PERPETUAL_DELIVERY);
                s.put("onboardDate", p.firstOpenTime());
            }
            s.put("status", delisted ? (market == Market.SPOT ? "BREAK" : "SETTLING") : "TRADING");
            s.put("baseAsset", p.symbol().substring(0, p.symbol().length() - "USDT".length()));
            s.put("quoteAsset", "USDT");
            String tick = DecimalText.of(1, p.priceScale());
            String step = DecimalText.of(1, p.qtyScale());
            ArrayNode filters = s.putArray("filters");
            filters.addObject().put("filterType", "PRICE_FILTER").put("minPrice", tick).put("tickSize", tick);
            filters.addObject().put("filterType", "LOT_SIZE").put("minQty", step).put("stepSize", step);
            if (market == Market.SPOT) {
                filters.addObject().put("filterType", "NOTIONAL").put("minNotional", MIN_NOTIONAL);
            } else {
                filters.addObject().put("filterType", "MIN_NOTIONAL").put("notional", MIN_NOTIONAL);
            }
        }
        Path file = path(root, market);
        try {
            DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n"));
            Files.createDirectories(file.getParent());
            Files.writeString(file, JSON.writer(pretty).writeValueAsString(info) + "\n", StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render the exchangeInfo of " + market, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
