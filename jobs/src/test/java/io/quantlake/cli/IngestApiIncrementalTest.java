package io.quantlake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code ingest api} against a Binance stand-in on 127.0.0.1: the first run downloads the window,
 * a second run with a later end resumes after the last stored bar (incremental), and the symbol
 * filters from exchangeInfo land in {@code symbols}. No internet.
 */
class IngestApiIncrementalTest {
    private static final long HOUR = 3_600_000L;
    private static final long T0 = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();

    @Test
    void secondRunResumesAfterTheLastStoredBar() throws IOException {
        List<Map<String, String>> klineRequests = Collections.synchronizedList(new ArrayList<>());
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v3/exchangeInfo", ex -> reply(ex, """
                {"symbols":[{"symbol":"BTCUSDT","status":"TRADING","baseAsset":"BTC","quoteAsset":"USDT",
                 "filters":[{"filterType":"PRICE_FILTER","tickSize":"0.01"},
                            {"filterType":"LOT_SIZE","stepSize":"0.00001"},
                            {"filterType":"NOTIONAL","minNotional":"5.00000000"}]}]}"""));
        server.createContext("/api/v3/klines", ex -> {
            Map<String, String> q = query(ex.getRequestURI());
            klineRequests.add(q);
            long start = Long.parseLong(q.get("startTime"));
            long end = Long.parseLong(q.get("endTime"));
            int limit = Integer.parseInt(q.get("limit"));
            StringBuilder body = new StringBuilder("[");
            int n = 0;
            for (long t = start; t <= end && n < limit; t += HOUR, n++) {
                double open = 40_000 + (t - T0) / HOUR;
                body.append(n == 0 ? "" : ",").append("[").append(t).append(",\"").append(open).append("\",\"")
                        .append(open + 5).append("\",\"").append(open - 5).append("\",\"").append(open + 1)
                        .append("\",\"2.5\",").append(t + HOUR - 1).append(",\"100000.0\",10,\"1.0\",\"40000.0\",\"0\"]");
            }
            reply(ex, body.append("]").toString());
        });
        server.start();
        try {
            Path lake = TestSpark.newTempDir("api-lake");
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            CliRun first = CliRun.of("ingest", "api", "--market", "spot", "--symbols", "BTCUSDT", "--interval", "1h",
                    "--start", "2024-01-01", "--end", "2024-01-03", "--base-url", base, "--lake", lake.toString());
            assertEquals(0, first.exitCode(), first.err());
            assertTrue(first.out().matches("(?s).*candles\\s+48\\s+0\\s+0\\n.*"), first.out());
            assertEquals(Long.toString(T0), klineRequests.get(0).get("startTime"));

            klineRequests.clear();
            CliRun second = CliRun.of("ingest", "api", "--market", "spot", "--symbols", "BTCUSDT", "--interval", "1h",
                    "--start", "2024-01-01", "--end", "2024-01-04", "--base-url", base, "--lake", lake.toString());
            assertEquals(0, second.exitCode(), second.err());
            assertEquals(Long.toString(T0 + 48 * HOUR), klineRequests.get(0).get("startTime"),
                    "resumes at the last stored open_time + 1h");
            assertTrue(second.out().matches("(?s).*candles\\s+24\\s+0\\s+0\\n.*"), second.out());

            CliRun filters = CliRun.of("sql", "--csv", "--lake", lake.toString(),
                    "SELECT symbol, status, step_size, min_notional, count(*) OVER () AS bars FROM symbols");
            assertEquals("symbol,status,step_size,min_notional,bars\nBTCUSDT,TRADING,1.0E-5,5.0,1\n", filters.out());
        } finally {
            server.stop(0);
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> q = new HashMap<>();
        for (String kv : uri.getRawQuery().split("&")) {
            int eq = kv.indexOf('=');
            q.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        return q;
    }

    private static void reply(HttpExchange ex, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.getResponseHeaders().add("X-MBX-USED-WEIGHT-1M", "10");
        ex.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
