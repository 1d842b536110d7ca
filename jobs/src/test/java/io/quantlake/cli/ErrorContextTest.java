package io.quantlake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quantlake.ingest.BinanceRestClient;
import io.quantlake.ingest.IngestException;
import io.quantlake.ingest.RestSettings;
import io.quantlake.market.Interval;
import io.quantlake.market.Market;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Errors keep their context (README, Commands): the one line on stderr is the message that names the file,
 * URL or key, not a library's innermost cause; a bad option value is a usage error (exit 2) naming the option
 * and the accepted values. No Spark here.
 */
class ErrorContextTest {
    @Test
    void malformedRestBodiesNameTheUrlAndTheFirstBytes() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v3/exchangeInfo", ex -> reply(ex, "<html><body>502 Bad Gateway</body></html>"));
        server.createContext("/api/v3/klines", ex -> reply(ex, "{\"code\":-1121,\"msg\":\"Invalid symbol.\"}"));
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            BinanceRestClient client = new BinanceRestClient(
                    RestSettings.defaults().withBaseUrl(Market.SPOT, URI.create(base)));

            IngestException notJson = assertThrows(IngestException.class, () -> client.symbols(Market.SPOT, List.of()));
            assertEquals("GET " + base + "/api/v3/exchangeInfo: the response is not JSON: "
                    + "<html><body>502 Bad Gateway</body></html>", OneLineErrors.message(notJson));

            IngestException notArray = assertThrows(IngestException.class, () -> client.klines(Market.SPOT, Interval.H1,
                    Map.of("BTCUSDT", 1704067200000L), 1704070800000L));
            String line = OneLineErrors.message(notArray);
            assertTrue(line.startsWith("GET " + base + "/api/v3/klines?symbol=BTCUSDT&interval=1h&startTime=1704067200000")
                    && line.endsWith(": expected a JSON array, got OBJECT: {\"code\":-1121,\"msg\":\"Invalid symbol.\"}"), line);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aLibraryWrapperGivesWayToTheMessageQuantLakeWrote() {
        IllegalArgumentException ours = new IllegalArgumentException("config key `x` must be > 0, got -1 (file a.yaml)");
        RuntimeException spark = thrownBy("org.apache.spark.scheduler.DAGScheduler", new RuntimeException(
                "Job aborted due to stage failure: Task 0 failed: java.lang.IllegalArgumentException: config key `x` "
                        + "must be > 0, got -1 (file a.yaml)\n\tat io.quantlake.X", ours));
        assertEquals("config key `x` must be > 0, got -1 (file a.yaml)", OneLineErrors.message(spark));

        // no QuantLake message in the chain: the innermost one, looking through new RuntimeException(cause)
        IOException root = thrownBy("java.io.FileInputStream", new IOException("Permission denied"));
        RuntimeException wrapper = thrownBy("org.apache.hadoop.fs.FileSystem", new RuntimeException(root));
        assertEquals("Permission denied", OneLineErrors.message(wrapper));
    }

    @Test
    void badOptionValuesExitTwoNamingTheOptionAndTheAcceptedValues(@TempDir Path dir) throws IOException {
        Path csv = Files.writeString(dir.resolve("BTCUSDT.csv"), "open_time,open,high,low,close,volume\n");
        String path = csv.toString();
        usage("quantlake ingest csv: Invalid value for option '--market': unknown market 'spto'; accepted: spot, usdm",
                "ingest", "csv", "--path", path, "--market", "spto", "--interval", "1d");
        usage("quantlake ingest csv: Invalid value for option '--interval': unknown interval '1x'; accepted: "
                + Interval.codes(), "ingest", "csv", "--path", path, "--interval", "1x");
        usage("quantlake ingest archive: Invalid value for option '--market': unknown market 'coin'; accepted: spot, usdm",
                "ingest", "archive", "--path", path, "--market", "coin");
        usage("quantlake ingest api: Invalid value for option '--start': '2024-13-01' is not a UTC date (2024-01-01) or "
                + "an ISO-8601 instant (2024-01-01T08:00:00Z)", "ingest", "api", "--market", "spot", "--symbols", "BTCUSDT",
                "--interval", "1h", "--start", "2024-13-01");
        usage("quantlake pairs: Invalid value for option '--price': price must be log or raw, got 'ln'",
                "pairs", "--interval", "1d", "--symbols", "A,B", "--price", "ln");
        usage("quantlake datasets generate: Invalid value for option '--size': unknown size 'huge'; accepted: default, "
                + "large, minute", "datasets", "generate", "--out", dir.resolve("gen").toString(), "--size", "huge");
        usage("quantlake datasets generate: Invalid value for option '--interval': only 1m is generated on request (1d and"
                + " 1h files are always written), got '5m'", "datasets", "generate", "--out", dir.resolve("gen").toString(),
                "--interval", "5m");
        usage("quantlake datasets generate: Invalid value for option '--size': --interval, --symbols and --days apply to "
                + "size minute, got 'large'", "datasets", "generate", "--out", dir.resolve("gen").toString(), "--size",
                "large", "--days", "3");
        usage("quantlake datasets generate: Invalid value for option '--symbols': symbols must be in [16, 5000], got 3",
                "datasets", "generate", "--out", dir.resolve("gen").toString(), "--symbols", "3");
        assertFalse(Files.exists(dir.resolve("gen")), "nothing generated");
    }

    private static void usage(String expected, String... args) {
        CliRun run = CliRun.of(args);
        assertEquals(2, run.exitCode(), String.join(" ", args) + ": " + run.err());
        assertEquals(expected + " (see --help)", run.err().strip());
    }

    /** {@code t} as if thrown inside {@code className} (a library, not QuantLake). */
    private static <T extends Throwable> T thrownBy(String className, T t) {
        t.setStackTrace(new StackTraceElement[] {new StackTraceElement(className, "run", null, -1)});
        return t;
    }

    private static void reply(HttpExchange ex, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
