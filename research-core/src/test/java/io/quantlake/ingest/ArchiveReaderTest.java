package io.quantlake.ingest;

import io.quantlake.market.FundingRecord;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.market.Interval;
import io.quantlake.market.Market;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveReaderTest {
    private static final String SPOT_1H = "archive/data/spot/monthly/klines/BTCUSDT/1h/BTCUSDT-1h-2024-01.zip";

    static {
        Fixtures.ensureTmpdir();
    }

    @Test
    void spotZipWithoutHeaderAndGoodChecksumGivesEveryField() throws IOException {
        IngestBatch b = Fixtures.archive(Fixtures.path(SPOT_1H));

        assertEquals(1, b.files());
        assertEquals(3, b.rowsRead());
        assertEquals(List.of(), b.quarantine());
        assertEquals(new CandleBar(Market.SPOT, Interval.H1, "BTCUSDT", 1704067200000L, 42283.58, 42554.57, 42261.02,
                42475.23, 1271.68108, 53957248.973789, 47134, 682.57581, 28957416.819357), b.candles().get(0));
        assertEquals(List.of(1704067200000L, 1704070800000L, 1704074400000L),
                b.candles().stream().map(CandleBar::openTime).toList());
    }

    @Test
    void futuresZipWithHeaderRowReadsAsUsdm() throws IOException {
        IngestBatch b = Fixtures.archive(Fixtures.path("archive/data/futures/um/monthly/klines/ETHUSDT/4h"));

        assertEquals(2, b.rowsRead(), "the header line is not a row");
        assertEquals(List.of(), b.quarantine());
        CandleBar first = b.candles().get(0);
        assertEquals(Market.USDM, first.market());
        assertEquals(Interval.H4, first.interval());
        assertEquals("ETHUSDT", first.symbol());
        assertEquals(2281.87, first.open());
        assertEquals(106011, first.trades());
    }

    @Test
    void spotFileOf2025InMicrosecondsIsConvertedToMilliseconds() throws IOException {
        IngestBatch b = Fixtures.archive(Fixtures.path(
                "archive/data/spot/daily/klines/BTCUSDT/1h/BTCUSDT-1h-2025-01-01.zip"));

        // 1735689600000000 µs / 1000 = 1735689600000 ms = 2025-01-01T00:00:00Z
        assertEquals(List.of(1735689600000L, 1735693200000L, 1735696800000L),
                b.candles().stream().map(CandleBar::openTime).toList());
        assertEquals(List.of(), b.quarantine());
    }

    @Test
    void fileMixingMillisecondsAndMicrosecondsIsAnError() {
        IngestException e = assertThrows(IngestException.class,
                () -> Fixtures.archive(Fixtures.path("mixed-units/BTCUSDT-1h-2025-01.csv")));

        assertTrue(e.getMessage().contains("BTCUSDT-1h-2025-01.csv line 2: open_time 1735693200000000 is epoch µs"
                + " but line 1 is epoch ms"), e.getMessage());
    }

    @Test
    void fundingRateArchiveWithHeader() throws IOException {
        IngestBatch b = Fixtures.archive(Fixtures.path(
                "archive/data/futures/um/monthly/fundingRate/ETHUSDT/ETHUSDT-fundingRate-2024-01.zip"));

        assertEquals(List.of(), b.candles());
        assertEquals(3, b.funding().size());
        assertEquals(new FundingRecord(Market.USDM, "ETHUSDT", 1704124800000L, -0.00028745, Double.NaN),
                b.funding().get(2));
    }

    @Test
    void directoryTreeReadsEveryMarketKindAndUnit() throws IOException {
        IngestBatch b = Fixtures.archive(Fixtures.path("archive"));

        assertEquals(4, b.files());
        assertEquals(3 + 3 + 2 + 3, b.rowsRead());
        assertEquals(8, b.candles().size());
        assertEquals(3, b.funding().size());
        assertEquals(List.of(), b.quarantine());
    }

    @Test
    void severalPathsReadAsOneInputEachFileOnce() throws IOException {
        Path futures = Fixtures.path("archive/data/futures/um/monthly");
        Path badTree = Fixtures.path("bad-checksum");
        IngestBatch apart1 = Fixtures.archive(futures);
        IngestBatch apart2 = Fixtures.archive(badTree);

        // the futures folder twice (and once more through a file inside it): its files are read once
        IngestBatch together = read(List.of(futures, badTree,
                futures.resolve("klines/ETHUSDT/4h/ETHUSDT-4h-2024-01.zip")));

        assertEquals(apart1.files() + apart2.files(), together.files());
        assertEquals(apart1.rowsRead() + apart2.rowsRead(), together.rowsRead());
        List<CandleBar> candles = new java.util.ArrayList<>(apart1.candles());
        candles.addAll(apart2.candles());
        candles.sort(IngestCollector.CANDLE_ORDER);
        assertEquals(candles, together.candles());
        assertEquals(apart1.funding(), together.funding());
        assertEquals(apart2.quarantine(), together.quarantine(), "the bad checksum of the second path, named as given");
        assertTrue(!apart1.candles().isEmpty() && !apart1.funding().isEmpty() && !apart2.candles().isEmpty());
        IngestException none = assertThrows(IngestException.class,
                () -> read(List.of()));
        assertTrue(none.getMessage().contains("no input path"), none.getMessage());
    }

    @Test
    void aReadOfSeveralFoldersRunsAsFewSparkJobsAsAReadOfOne() throws Exception {
        Path spot = Fixtures.path("archive/data/spot/monthly/klines/BTCUSDT/1h");
        List<Path> three = List.of(spot, Fixtures.path("archive/data/futures/um/monthly/klines/ETHUSDT/4h"),
                Fixtures.path("archive/data/spot/daily/klines/BTCUSDT/1h"));

        int one = io.quantlake.spark.SharedSpark.jobsDuring(() -> read(List.of(spot)));
        int together = io.quantlake.spark.SharedSpark.jobsDuring(() -> read(three));

        assertEquals(one, together, "one read, whatever the number of folders");
        assertTrue(one <= 3, "a clean klines read runs the verdicts' and the candles' few jobs, got " + one);
    }

    private static IngestBatch read(List<Path> paths) {
        try {
            return ArchiveReader.read(io.quantlake.spark.SharedSpark.spark(), paths, Market.SPOT).collect();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void badChecksumQuarantinesThatZipWhileTheOtherFilesLand() throws IOException {
        Path bad = Fixtures.path("bad-checksum/data/spot/monthly/klines/SOLUSDT/1d/SOLUSDT-1d-2024-01.zip");
        IngestBatch b = Fixtures.archive(Fixtures.path("bad-checksum"));

        assertEquals(2, b.files());
        assertEquals(List.of(new QuarantineRow(bad.toString(), 0, "", QuarantineReason.CHECKSUM_MISMATCH,
                "checksum mismatch (expected 0eb0265c147cec59111c8d43eb90976298257ae4324165cc5abd54b1f2142cae, got "
                        + "0b4bc8b63bdbbb7736c3ac1bb580aef3915ca5fa7dae818b0527825beda67fe3)")), b.quarantine());
        assertTrue(b.candles().stream().allMatch(c -> c.symbol().equals("BTCUSDT")) && !b.candles().isEmpty(),
                "the BTCUSDT zip beside it lands, nothing of SOLUSDT: " + b.candles());
    }

    @Test
    void truncatedZipInATreeIsQuarantinedByNameWhileTheOtherFilesLand(@TempDir Path dir) throws IOException {
        Path tree = dir.resolve("spot/monthly/klines/BTCUSDT/1h");
        Files.createDirectories(tree);
        Path good = tree.resolve("BTCUSDT-1h-2024-01.zip");
        Files.copy(Fixtures.path(SPOT_1H), good);
        byte[] zip = Files.readAllBytes(good);
        Path truncated = tree.resolve("BTCUSDT-1h-2024-02.zip");
        Files.write(truncated, java.util.Arrays.copyOf(zip, zip.length / 2));

        IngestBatch b = Fixtures.archive(dir);

        assertEquals(3, b.candles().size(), "the good zip's three bars land");
        assertEquals(1, b.quarantine().size(), b.quarantine().toString());
        QuarantineRow q = b.quarantine().get(0);
        assertEquals(truncated.toString(), q.source());
        assertEquals(0, q.line());
        assertEquals(QuarantineReason.UNREADABLE_FILE, q.reason());
        assertTrue(q.detail().startsWith("not a readable zip (") && q.detail().contains("END header"), q.detail());
    }

    @Test
    void csvWithAHeaderAndNoRowsIsQuarantinedAsEmpty(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("BTCUSDT-1h-2024-03.csv");
        Files.writeString(file, BinanceFormat.KLINE_HEADER + "\n");

        IngestBatch b = Fixtures.archive(file);

        assertEquals(List.of(new QuarantineRow(file.toString(), 0, "", QuarantineReason.EMPTY_FILE, "holds no data row")),
                b.quarantine());
        assertEquals(List.of(), b.candles());
    }

    @Test
    void fourHourBarsNamedDailyAreAnIntervalMismatchNotDailyCandles(@TempDir Path dir) throws IOException {
        // six 4h bars of 2024-01-01: only the 00:00 one is a 1d bar open, and it would land as a daily candle
        StringBuilder rows = new StringBuilder();
        for (int k = 0; k < 6; k++) {
            long open = 1704067200000L + k * 14_400_000L;
            rows.append(open).append(",100,101,99,100.5,10,").append(open + 14_399_999L).append(",1005,7,5,502.5,0\n");
        }
        Path file = dir.resolve("BTCUSDT-1d-2024-01.csv");
        Files.writeString(file, rows.toString());

        IngestBatch b = Fixtures.archive(file);

        assertEquals(List.of(), b.candles());
        assertEquals(List.of(new QuarantineRow(file.toString(), 0, "", QuarantineReason.INTERVAL_MISMATCH,
                "bars are 4h apart (5 of 5 gaps between open times), not the interval 1d they are ingested as")),
                b.quarantine());
    }

    @Test
    void exchangeInfoFilesInTheTreeGiveTheSymbolsOfTheirMarket(@TempDir Path dir) throws IOException {
        Path klines = Files.createDirectories(dir.resolve("spot/monthly/klines/BTCUSDT/1h"));
        Files.copy(Fixtures.path(SPOT_1H), klines.resolve("BTCUSDT-1h-2024-01.zip"));
        Files.writeString(dir.resolve("spot/exchangeInfo.json"), """
                {"symbols": [{"symbol": "BTCUSDT", "status": "TRADING", "baseAsset": "BTC", "quoteAsset": "USDT",
                  "filters": [{"filterType": "PRICE_FILTER", "tickSize": "0.01"},
                              {"filterType": "LOT_SIZE", "minQty": "0.00001", "stepSize": "0.00001"},
                              {"filterType": "NOTIONAL", "minNotional": "5"}]},
                 {"symbol": "DOGEUSDT", "status": "BREAK", "baseAsset": "DOGE", "quoteAsset": "USDT", "filters": []}]}
                """);
        Files.createDirectories(dir.resolve("futures/um"));
        Files.writeString(dir.resolve("futures/um/exchangeInfo.json"), """
                {"symbols": [{"symbol": "BTCUSDT", "contractType": "PERPETUAL", "onboardDate": 1569398400000,
                  "deliveryDate": 4133404800000, "status": "TRADING", "baseAsset": "BTC", "quoteAsset": "USDT",
                  "filters": [{"filterType": "LOT_SIZE", "stepSize": "0.001"},
                              {"filterType": "MIN_NOTIONAL", "notional": "100"}]}]}
                """);

        IngestBatch b = Fixtures.archive(dir);

        assertEquals(3, b.files(), "one zip and two exchangeInfo files");
        assertEquals(3, b.candles().size());
        assertEquals(List.of(
                new SymbolInfo(Market.USDM, "BTCUSDT", "BTC", "USDT", "TRADING", 1569398400000L, -1, Double.NaN, 0.001, 100),
                new SymbolInfo(Market.SPOT, "BTCUSDT", "BTC", "USDT", "TRADING", -1, -1, 0.01, 0.00001, 5),
                new SymbolInfo(Market.SPOT, "DOGEUSDT", "DOGE", "USDT", "BREAK", -1, -1, Double.NaN, Double.NaN, Double.NaN)),
                b.symbols(), "files in path order (futures/ before spot/), symbols in file order");
    }

    @Test
    void aSymbolInTwoExchangeInfoFilesOfOneMarketOrAFileWithoutSymbolsIsAnError(@TempDir Path dir) throws IOException {
        String info = "{\"symbols\": [{\"symbol\": \"BTCUSDT\", \"filters\": []}]}";
        Path twice = dir.resolve("twice");
        Files.createDirectories(twice.resolve("a/spot"));
        Files.createDirectories(twice.resolve("b/spot"));
        Files.writeString(twice.resolve("a/spot/exchangeInfo.json"), info);
        Files.writeString(twice.resolve("b/spot/exchangeInfo.json"), info);
        Path bad = Files.createDirectories(dir.resolve("bad"));
        Files.writeString(bad.resolve("exchangeInfo.json"), "{\"symbols\": 3}");

        IngestException e = assertThrows(IngestException.class, () -> Fixtures.archive(twice));
        assertTrue(e.getMessage().endsWith("b/spot/exchangeInfo.json: spot symbol BTCUSDT is also in "
                + twice.resolve("a/spot/exchangeInfo.json") + "; keep one exchangeInfo.json per market"), e.getMessage());
        e = assertThrows(IngestException.class, () -> Fixtures.archive(bad));
        assertEquals(bad.resolve("exchangeInfo.json") + ": exchangeInfo without a 'symbols' array: {\"symbols\":3}",
                e.getMessage(), "names the file and shows the start of what it holds");
    }

    @Test
    void theCommittedSampleCarriesTheFiltersOfEverySymbolOfItsManifest() throws IOException {
        String root = System.getProperty("quantlake.root");
        Assumptions.assumeTrue(root != null, "system property quantlake.root (the project root) is not set; run under Maven");
        Path sample = Path.of(root, "datasets", "sample");
        Map<String, String[]> manifest = new HashMap<>();
        for (String line : Files.readAllLines(sample.resolve("MANIFEST"))) {
            String[] f = line.split("\t");
            if (f[0].equals("symbol")) {
                manifest.put(f[1], f);
            }
        }
        List<SymbolInfo> spot = Fixtures.archive(sample.resolve("spot/exchangeInfo.json")).symbols();
        List<SymbolInfo> usdm = Fixtures.archive(sample.resolve("futures/um/exchangeInfo.json")).symbols();

        assertEquals(manifest.keySet(), spot.stream().map(SymbolInfo::symbol).collect(Collectors.toSet()));
        assertEquals(manifest.values().stream().filter(f -> List.of(f).contains("usdm=true")).count(), usdm.size());
        for (SymbolInfo s : concat(spot, usdm)) {
            List<String> facts = List.of(manifest.get(s.symbol()));
            assertTrue(facts.contains("step=" + new BigDecimal(s.stepSize()).round(MathContext.DECIMAL64)
                    .stripTrailingZeros().toPlainString()) && facts.contains("tick=" + new BigDecimal(s.tickSize())
                    .round(MathContext.DECIMAL64).stripTrailingZeros().toPlainString()), s + " vs " + facts);
            assertEquals(5.0, s.minNotional(), s.toString());
            assertEquals(s.market() == Market.SPOT ? Market.SPOT : Market.USDM, s.market());
        }
        assertEquals("BREAK", spot.stream().filter(s -> s.symbol().equals("XUBOXEUSDT")).findFirst().orElseThrow().status(),
                "delisted in the sample (MANIFEST)");
    }

    private static List<SymbolInfo> concat(List<SymbolInfo> a, List<SymbolInfo> b) {
        List<SymbolInfo> out = new java.util.ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    @Test
    void checksumOfAMissingZipIsAnError(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("BTCUSDT-1h-2024-01.zip.CHECKSUM"), "00  BTCUSDT-1h-2024-01.zip\n");

        IngestException e = assertThrows(IngestException.class, () -> Fixtures.archive(dir));
        assertTrue(e.getMessage().contains("checksum of a missing file BTCUSDT-1h-2024-01.zip"), e.getMessage());
    }

    @Test
    void bareFileNameDefaultsToSpotOrTakesTheGivenMarket() throws IOException {
        Path bare = Fixtures.path("bare/BTCUSDT-1h-2024-01.csv");

        assertEquals(Market.SPOT, Fixtures.archive(bare).candles().get(0).market());
        assertEquals(Market.USDM, Fixtures.archive(bare, Market.USDM).candles().get(0).market());
    }

    @Test
    void sameBarsFromZipAndExtractedCsvCollapse(@TempDir Path dir) throws IOException {
        Path tree = dir.resolve("spot/monthly/klines/BTCUSDT/1h");
        Files.createDirectories(tree);
        Files.copy(Fixtures.path(SPOT_1H), tree.resolve("BTCUSDT-1h-2024-01.zip"));
        Files.copy(Fixtures.path("bare/BTCUSDT-1h-2024-01.csv"), tree.resolve("BTCUSDT-1h-2024-01.csv"));

        IngestBatch b = Fixtures.archive(dir);

        assertEquals(6, b.rowsRead());
        assertEquals(3, b.candles().size(), "identical rows of the same key are one candle");
        assertEquals(List.of(), b.quarantine());
    }

    @Test
    void everyKindOfBadRowIsQuarantinedWhileGoodRowsOfTheFileLand() throws IOException {
        Path file = Fixtures.path("bad-rows/data/spot/monthly/klines/XRPUSDT/1h/XRPUSDT-1h-2024-01.csv");
        IngestBatch b = Fixtures.archive(file);

        assertEquals(12, b.rowsRead());
        assertEquals(List.of(1704067200000L, 1704096000000L), b.candles().stream().map(CandleBar::openTime).toList(),
                "lines 1 and 9 land; line 10 repeats line 1 exactly and collapses");
        List<String> got = b.quarantine().stream()
                .map(q -> q.line() + " " + q.reason().code() + ": " + q.detail()).toList();
        assertEquals(List.of(
                "2 unparsable_field: open 'abc' is not a decimal number",
                "3 wrong_column_count: 12 columns expected (" + BinanceFormat.KLINE_HEADER + "), got 11",
                "4 non_positive_price: low 0 must be > 0",
                "5 high_below_open_close: high 0.617 < max(open 0.6163, close 0.6189)",
                "6 low_above_open_close: low 0.617 > min(open 0.6163, close 0.6189)",
                "7 negative_volume: volume -5 must be >= 0",
                "8 misaligned_open_time: open_time 1704090600000 (2024-01-01T06:30:00Z) is not a bar open of interval 1h",
                "11 conflicting_duplicate: same key spot 1h XRPUSDT open_time 1704099600000 (2024-01-01T09:00:00Z) as "
                        + file + " line 12 with different values: close 0.622 vs 0.623",
                "12 conflicting_duplicate: same key spot 1h XRPUSDT open_time 1704099600000 (2024-01-01T09:00:00Z) as "
                        + file + " line 11 with different values: close 0.623 vs 0.622"), got);
        for (QuarantineRow q : b.quarantine()) {
            assertEquals(file.toString(), q.source());
            assertTrue(q.raw().startsWith("17040"), q.raw());
        }
    }

    @Test
    void quarantineSourceOfAZipRowNamesTheEntry(@TempDir Path dir) throws IOException {
        Path zip = dir.resolve("XRPUSDT-1h-2024-01.zip");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new java.util.zip.ZipEntry("XRPUSDT-1h-2024-01.csv"));
            out.write(Files.readAllBytes(
                    Fixtures.path("bad-rows/data/spot/monthly/klines/XRPUSDT/1h/XRPUSDT-1h-2024-01.csv")));
        }

        QuarantineRow first = Fixtures.archive(zip).quarantine().get(0);

        assertEquals(zip + "!/XRPUSDT-1h-2024-01.csv", first.source());
        assertEquals(2, first.line());
    }
}
