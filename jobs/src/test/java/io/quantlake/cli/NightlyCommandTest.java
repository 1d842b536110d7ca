package io.quantlake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.delta.tables.DeltaTable;
import io.quantlake.ingest.ArchiveReader;
import io.quantlake.ingest.CandleBar;
import io.quantlake.ingest.IngestBatch;
import io.quantlake.ingest.SymbolInfo;
import io.quantlake.lake.Lake;
import io.quantlake.lake.LakeWriter;
import io.quantlake.market.Market;
import io.quantlake.nightly.NightlyLock;
import io.quantlake.nightly.NightlyTables;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code nightly} end to end on a tiny archive (BTC, ETH, SOL spot 1d, Oct–Dec 2024, copied from
 * datasets/sample): orders checked against a direct computation from fixed monthly_rebalance targets and the
 * archive's closes, Delta rows, an idempotent rerun, the lock (exit 3), stale data (exit 4) and config errors
 * (exit 2). Calls {@link NightlyCommand#execute} (the command's own entry point, also used by the job).
 */
class NightlyCommandTest {
    private static final List<String> SYMBOLS = List.of("BTCUSDT", "ETHUSDT", "SOLUSDT");
    private static final long LAST_BAR = Instant.parse("2024-12-30T00:00:00Z").toEpochMilli();
    private static final double EQUITY = 100_000;
    private static Path dir;
    private static Path lake;
    private static Map<String, Double> close;

    @BeforeAll
    static void setUp() throws IOException {
        Path root = Path.of(System.getProperty("quantlake.root", "."));
        Path sample = root.resolve("datasets/sample/spot/monthly/klines");
        dir = TestSpark.newTempDir("nightly");
        lake = dir.resolve("lake");
        for (String s : SYMBOLS) {
            Path to = Files.createDirectories(dir.resolve("archive/spot/monthly/klines/" + s + "/1d"));
            try (Stream<Path> files = Files.list(sample.resolve(s + "/1d"))) {
                for (Path f : files.filter(f -> f.getFileName().toString().matches(".*-2024-1[0-2]\\.zip.*")).toList()) {
                    Files.copy(f, to.resolve(f.getFileName()));
                }
            }
        }
        close = new HashMap<>();
        for (CandleBar b : ArchiveReader.read(TestSpark.spark(), dir.resolve("archive")).collect().candles()) {
            if (b.openTime() == LAST_BAR) {
                close.put(b.symbol(), b.close());
            }
        }
        assertEquals(3, close.size(), "closes of 2024-12-30 in the copied archive: " + close);
        write("strategy.yaml", """
                market: spot
                interval: 1d
                universe: [BTCUSDT, ETHUSDT, SOLUSDT]
                start: 2024-10-01
                end: 2025-01-01
                capital: 100000
                strategy:
                  name: monthly_rebalance
                  params: {target_weights: {BTCUSDT: 0.5, ETHUSDT: 0.3, SOLUSDT: 0.2}, day: 1, band: 0.02}
                """);
        write("factors.yaml", """
                market: spot
                interval: 1d
                universe: [BTCUSDT, ETHUSDT, SOLUSDT]
                factors: [mom_10_1, rev_1, {name: my_rev, expr: "1 - close / lag(close, 1)"}]
                horizons: [1]
                quantiles: 2
                min_symbols: 3
                """);
        // BTC at 0.49 (inside the 0.02 band of 0.5: no order), SOL at 0.3 (sell to 0.2), ETH none (buy 0.3).
        double btc = 0.49 * EQUITY / close.get("BTCUSDT");
        double sol = 0.3 * EQUITY / close.get("SOLUSDT");
        write("positions.csv", "symbol,quantity\nBTCUSDT," + btc + "\nSOLUSDT," + sol + "\nUSDT," + 0.21 * EQUITY + "\n");
        String nightly = """
                ingest: {archive: archive}
                factors: {config: factors.yaml, days: 2, research: %s}
                strategy: {config: strategy.yaml}
                positions: positions.csv
                output: out
                """;
        write("nightly.yaml", nightly.formatted("false"));
        write("nightly-research.yaml", nightly.formatted("true"));
        write("no-ingest.yaml", "strategy: {config: strategy.yaml}\npositions: positions.csv\noutput: out\n");
    }

    @Test
    void ordersMatchADirectComputationAndARerunIsIdempotent() throws IOException {
        // ETHUSDT's lot step and minimum notional, as exchangeInfo would give them
        Lake l = Lake.at(TestSpark.spark(), lake.toString());
        new LakeWriter(l).ingest(new IngestBatch(1, 1, List.of(), List.of(), List.of(new SymbolInfo(Market.SPOT, "ETHUSDT",
                "ETH", "USDT", "TRADING", -1, -1, 0.01, 0.001, 5.0)), List.of()));
        // a nightly_orders table of an older version, without the filters column: the run adds it
        DeltaTable.createIfNotExists(TestSpark.spark()).location(lake.resolve(NightlyTables.ORDERS).toString())
                .addColumns(new StructType(Arrays.stream(NightlyTables.ORDERS_SCHEMA.fields())
                        .filter(f -> !f.name().equals("filters")).toArray(StructField[]::new))).execute();

        // the first run also runs the factor study (its summary lands in the runs row); the rerun skips it (Spark time)
        Run first = run("--config", dir.resolve("nightly-research.yaml").toString(), "--date", "2024-12-31", "--lake",
                lake.toString());
        assertEquals(0, first.code(), first.err());
        double sellSol = 0.1 * EQUITY / close.get("SOLUSDT");
        double buyEth = Math.floor(0.3 * EQUITY / close.get("ETHUSDT") / 0.001) * 0.001;
        List<String> csv = Files.readAllLines(dir.resolve("out/orders-2024-12-31.csv"));
        assertEquals("symbol,side,quantity,price,notional,reason,filters", csv.get(0));
        assertEquals(3, csv.size(), String.join("\n", csv));
        assertOrder(csv.get(1), "SOLUSDT", "SELL", sellSol, "to_target", "unknown");
        assertOrder(csv.get(2), "ETHUSDT", "BUY", buyEth, "open", "exchange");

        JsonNode json = new ObjectMapper().readTree(dir.resolve("out/orders-2024-12-31.json").toFile());
        assertEquals("2024-12-31", json.get("run_date").asText());
        assertEquals("2024-12-30T00:00:00Z", json.get("price_time").asText());
        assertEquals("2024-12-01T00:00:00Z", json.get("decision_time").asText(), "the last decided targets (month start)");
        assertEquals(EQUITY, json.get("equity").asDouble(), 1e-6);
        assertEquals(2, json.get("orders").size());
        assertEquals(buyEth, json.get("orders").get(1).get("quantity").asDouble(), 1e-12);
        assertEquals("unknown", json.get("orders").get(0).get("filters").asText());
        assertEquals("exchange", json.get("orders").get(1).get("filters").asText());

        List<Row> orders = rows(NightlyTables.ORDERS);
        List<Row> targets = rows(NightlyTables.TARGETS);
        assertEquals(2, orders.size(), orders.toString());
        // rows() sorts as SYMBOLS: ETH (filters in symbols), SOL (none)
        assertEquals(List.of("exchange", "unknown"), orders.stream().map(r -> r.<String>getAs("filters")).toList());
        assertEquals(3, targets.size(), targets.toString());
        Row btc = targets.get(0);
        assertEquals("BTCUSDT", btc.getString(1));
        assertEquals(0.5, btc.getDouble(2), 1e-12);
        assertEquals(0.49, btc.getDouble(3), 1e-9);
        assertEquals(0.49, btc.getDouble(4), 1e-9, "inside the band: planned = current");
        long factorRows = TestSpark.spark().read().format("delta").load(lake.resolve("factors").toString())
                .where("ts >= '2024-12-29' AND ts < '2024-12-31'").count();
        assertEquals(3 * 2 * 3, factorRows, "3 factors x 2 days x 3 symbols");
        // the user factor 1 - close / lag(close, 1) is rev_1 = -(close / lag(close, 1) - 1), to the bit
        List<Row> revs = TestSpark.spark().read().format("delta").load(lake.resolve("factors").toString())
                .where("factor IN ('rev_1', 'my_rev') AND ts >= '2024-12-29' AND ts < '2024-12-31'").groupBy("symbol", "ts").agg(
                        org.apache.spark.sql.functions.countDistinct("factor").as("n"),
                        org.apache.spark.sql.functions.countDistinct("value").as("values"))
                .collectAsList();
        assertEquals(2 * 3, revs.size());
        for (Row r : revs) {
            assertEquals(2L, r.getLong(2), "both factors at " + r);
            assertEquals(1L, r.getLong(3), "one value at " + r);
        }
        Row run = TestSpark.spark().read().format("delta").load(lake.resolve("runs").toString())
                .where("kind = 'nightly' AND status = 'succeeded'").select("metrics").first();
        assertTrue(run.getString(0).contains("\"orders\":2") && run.getString(0).contains("mom_10_1@1")
                && run.getString(0).contains("my_rev@1"), run.getString(0));

        Run again = run("--config", dir.resolve("nightly.yaml").toString(), "--date", "2024-12-31", "--lake", lake.toString());
        assertEquals(0, again.code(), again.err());
        assertEquals(orders, rows(NightlyTables.ORDERS), "rerun: the same rows, no duplicates");
        assertEquals(targets, rows(NightlyTables.TARGETS));
        assertEquals(csv, Files.readAllLines(dir.resolve("out/orders-2024-12-31.csv")));
    }

    @Test
    void aSecondRunWhileTheLockIsHeldExitsWith3() {
        Path lockFile = NightlyLock.location(lake.toString(), dir.resolve("out"));
        Optional<NightlyLock> held = NightlyLock.tryAcquire(lockFile);
        assertTrue(held.isPresent());
        try (NightlyLock lock = held.get()) {
            Run r = run("--config", dir.resolve("no-ingest.yaml").toString(), "--date", "2024-12-31", "--lake", lake.toString());
            assertEquals(3, r.code(), r.err());
            assertTrue(r.err().contains("holds the lock " + lockFile), r.err());
        }
        assertTrue(NightlyLock.tryAcquire(lockFile).map(l -> {
            l.close();
            return true;
        }).orElse(false), "released after the holder closed it");
    }

    @Test
    void dataOlderThanTheRunDateExitsWith4() {
        Run r = run("--config", dir.resolve("no-ingest.yaml").toString(), "--date", "2025-02-01", "--lake", lake.toString());
        assertEquals(4, r.code(), r.err());
        assertTrue(r.err().contains("data stale for run date 2025-02-01") && r.err().contains("expected 2025-01-31T00:00:00Z"),
                r.err());
    }

    @Test
    void configErrorsExitWith2AndNameTheKey() throws IOException {
        String[][] cases = {
            {"ingest: {archiv: x}\nstrategy: {config: strategy.yaml}\npositions: positions.csv\n", "`ingest.archiv`"},
            {"strategy: {config: strategy.yaml}\n", "`positions` is required"},
            {"strategy: {config: strategy.yaml}\npositions: positions.csv\nfactors: {config: factors.yaml, research: yes please}\n",
                "`factors.research` must be true or false"},
            {"strategy: {config: missing.yaml}\npositions: positions.csv\n", "missing.yaml does not exist"},
            {"strategy: {config: strategy.yaml}\npositions: doge.csv\n", "symbol DOGEUSDT is not in the universe"},
        };
        write("doge.csv", "symbol,quantity\nDOGEUSDT,100\n");
        for (String[] c : cases) {
            Path f = write("bad.yaml", c[0]);
            Run r = run("--config", f.toString(), "--date", "2024-12-31", "--lake", lake.toString());
            assertEquals(2, r.code(), c[0] + " -> " + r.err());
            assertTrue(r.err().contains(c[1]), r.err());
        }
        Run date = run("--config", dir.resolve("nightly.yaml").toString(), "--date", "31.12.2024");
        assertEquals(2, date.code());
        assertTrue(date.err().contains("--date must be a UTC date"), date.err());
        assertEquals(2, run("--date", "2024-12-31").code(), "--config is required");
    }

    private static void assertOrder(String line, String symbol, String side, double qty, String reason, String filters) {
        String[] c = line.split(",");
        assertEquals(symbol, c[0], line);
        assertEquals(side, c[1], line);
        assertEquals(qty, Double.parseDouble(c[2]), 1e-9 * qty, line);
        assertEquals(close.get(symbol), Double.parseDouble(c[3]), 0, line);
        assertEquals(qty * close.get(symbol), Double.parseDouble(c[4]), 1e-6, line);
        assertEquals(reason, c[5], line);
        assertEquals(filters, c[6], line);
    }

    private static List<Row> rows(String table) {
        return TestSpark.spark().read().format("delta").load(lake.resolve(table).toString())
                .where("run_date = DATE'2024-12-31'").orderBy("symbol").collectAsList()
                .stream().sorted((a, b) -> Integer.compare(SYMBOLS.indexOf(a.getString(1)), SYMBOLS.indexOf(b.getString(1))))
                .toList();
    }

    private static Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private record Run(int code, String out, String err) {
    }

    /** Runs {@link NightlyCommand#execute} capturing stdout and stderr. */
    private static synchronized Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = NightlyCommand.execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
