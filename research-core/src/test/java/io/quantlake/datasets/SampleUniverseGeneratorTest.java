package io.quantlake.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.market.Interval;
import io.quantlake.market.Market;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Determinism and the Binance archive format of the generated files, read back with plain Java. */
class SampleUniverseGeneratorTest {
    private static final Pattern KLINE_ZIP = Pattern.compile("(spot|futures/um)/monthly/klines/([A-Z]+)/(1d|1h)/\\2-\\3-(\\d{4}-\\d{2})\\.zip");
    private static final Pattern FUNDING_ZIP = Pattern.compile("futures/um/monthly/fundingRate/([A-Z]+)/\\1-fundingRate-(\\d{4}-\\d{2})\\.zip");

    @TempDir
    static Path dir;
    static SampleUniverseSpec spec;
    static GenerationSummary summary;

    @BeforeAll
    static void generate() {
        spec = new SampleUniverseSpec(7, 18, LocalDate.of(2023, 7, 1), 1, 2, 6,
                EnumSet.of(Market.SPOT, Market.USDM), 4, dir.resolve("a"));
        summary = SampleUniverseGenerator.generate(spec);
    }

    @Test
    void sameSeedGivesByteIdenticalFilesAndAnotherSeedDoesNot() throws IOException {
        Path a = spec.outDir();
        Path b = dir.resolve("b");
        SampleUniverseGenerator.generate(spec.withOutDir(b));
        List<Path> files = ArchiveFiles.files(a);
        assertEquals(files, ArchiveFiles.files(b));
        for (Path f : files) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f.toString());
        }
        Path c = dir.resolve("c");
        SampleUniverseGenerator.generate(spec.withSeed(8).withOutDir(c));
        Path btc = Path.of("spot/monthly/klines/BTCUSDT/1d/BTCUSDT-1d-2023-07.zip");
        assertFalse(ArchiveFiles.readZip(a.resolve(btc)).text().equals(ArchiveFiles.readZip(c.resolve(btc)).text()),
                "seed 8 must draw another BTCUSDT path than seed 7");
    }

    @Test
    void summaryCountsWhatIsOnDisk() {
        List<Path> zips = ArchiveFiles.zips(spec.outDir());
        assertEquals(summary.files(), zips.size());
        long rows = 0;
        for (Path z : zips) {
            for (String line : ArchiveFiles.readZip(z).lines()) {
                rows += Character.isDigit(line.charAt(0)) ? 1 : 0;
            }
        }
        assertEquals(summary.rows(), rows);
        assertEquals(18, summary.symbols().size());
        assertTrue(Files.isRegularFile(spec.outDir().resolve(ManifestWriter.FILE)));
    }

    @Test
    void everyZipHasItsChecksumFileAndOneCsvOfTheSameName() throws IOException {
        for (Path zip : ArchiveFiles.zips(spec.outDir())) {
            String name = zip.getFileName().toString();
            String checksum = Files.readString(zip.resolveSibling(name + ".CHECKSUM"), StandardCharsets.US_ASCII);
            assertEquals(BinanceArchiveWriter.sha256Hex(Files.readAllBytes(zip)) + "  " + name + "\n", checksum, name);
            assertEquals(name.replace(".zip", ".csv"), ArchiveFiles.readZip(zip).name());
        }
    }

    @Test
    void klineFilesFollowTheBinanceFormatAndOhlcIsConsistent() {
        int checked = 0;
        for (Path zip : ArchiveFiles.zips(spec.outDir())) {
            String rel = spec.outDir().relativize(zip).toString();
            Matcher m = KLINE_ZIP.matcher(rel);
            if (!m.matches()) {
                assertTrue(FUNDING_ZIP.matcher(rel).matches(), "unexpected file " + rel);
                continue;
            }
            boolean futures = m.group(1).startsWith("futures");
            long interval = Interval.parse(m.group(3)).millis();
            List<String> lines = ArchiveFiles.readZip(zip).lines();
            assertEquals(futures, lines.get(0).equals(BinanceArchiveWriter.KLINE_HEADER), rel + ": header only in futures");
            for (int k = futures ? 1 : 0; k < lines.size(); k++) {
                String where = rel + " line " + (k + 1);
                String[] f = lines.get(k).split(",", -1);
                assertEquals(12, f.length, where);
                long open = Long.parseLong(f[0]);
                assertEquals(0, open % interval, where + ": open time aligned");
                assertEquals(m.group(4), java.time.Instant.ofEpochMilli(open).toString().substring(0, 7), where + ": month");
                assertEquals(open + interval - 1, Long.parseLong(f[6]), where + ": close_time");
                assertEquals("0", f[11], where + ": ignore");
                BigDecimal o = dec(f[1], where);
                BigDecimal h = dec(f[2], where);
                BigDecimal l = dec(f[3], where);
                BigDecimal c = dec(f[4], where);
                assertTrue(l.signum() > 0, where + ": low > 0");
                assertTrue(h.compareTo(o.max(c)) >= 0 && l.compareTo(o.min(c)) <= 0, where + ": OHLC " + lines.get(k));
                assertTrue(dec(f[5], where).signum() > 0 && dec(f[7], where).signum() > 0, where + ": volumes > 0");
                assertTrue(Long.parseLong(f[8]) > 0, where + ": trades > 0");
                assertTrue(dec(f[9], where).compareTo(dec(f[5], where)) <= 0, where + ": taker base <= volume");
                assertTrue(dec(f[10], where).compareTo(dec(f[7], where)) <= 0, where + ": taker quote <= quote volume");
                checked++;
            }
        }
        assertTrue(checked > 6000, "rows checked: " + checked);
    }

    /** Shortest decimal form: no exponent, no trailing zero after a point. */
    private static BigDecimal dec(String s, String where) {
        assertFalse(s.contains("e") || s.contains("E") || (s.contains(".") && s.endsWith("0")), where + ": '" + s + "'");
        return new BigDecimal(s);
    }

    @Test
    void fundingIsEightHourlySmallAndOnAveragePositive() {
        int n = 0;
        double sum = 0;
        for (int i = 0; i < spec.usdmSymbols(); i++) {
            String s = summary.symbols().get(i);
            Path d = spec.outDir().resolve("futures/um/monthly/fundingRate/" + s);
            for (Path zip : ArchiveFiles.zips(d)) {
                List<String> lines = ArchiveFiles.readZip(zip).lines();
                assertEquals(BinanceArchiveWriter.FUNDING_HEADER, lines.get(0));
                for (String line : lines.subList(1, lines.size())) {
                    String[] f = line.split(",", -1);
                    assertEquals(3, f.length, zip + ": " + line);
                    assertEquals(0, Long.parseLong(f[0]) % (8 * 3_600_000L), zip + ": 00:00, 08:00 or 16:00 UTC: " + line);
                    assertEquals("8", f[1]);
                    double rate = Double.parseDouble(f[2]);
                    assertTrue(Math.abs(rate) <= 0.003, line);
                    sum += rate;
                    n++;
                }
            }
        }
        assertEquals(4 * 366 * 3, n, "4 symbols, 2023-07-01 to 2024-07-01 (366 days), 3 a day");
        assertTrue(sum / n > 0.00002 && sum / n < 0.0003, "mean funding " + sum / n);
    }

    @Test
    void dailyBarsAreTheAggregateOfTheHourlyBars() {
        for (int i = 0; i < spec.hourlySymbols(); i++) {
            String s = summary.symbols().get(i);
            for (String market : List.of("spot", "futures/um")) {
                TreeMap<Long, String[]> hourly = ArchiveFiles.klines(spec.outDir(), market, s, "1h");
                TreeMap<Long, String[]> daily = ArchiveFiles.klines(spec.outDir(), market, s, "1d");
                if (market.startsWith("futures") && i >= spec.usdmSymbols()) {
                    assertTrue(hourly.isEmpty() && daily.isEmpty(), s + " has no USDⓈ-M files");
                    continue;
                }
                assertFalse(hourly.isEmpty(), s + " " + market + " 1h");
                for (Map.Entry<Long, String[]> day : daily.tailMap(hourly.firstKey(), true).entrySet()) {
                    java.util.NavigableMap<Long, String[]> hours = hourly.subMap(day.getKey(), true, day.getKey() + 86_400_000L, false);
                    String[] d = day.getValue();
                    String where = s + " " + market + " " + java.time.Instant.ofEpochMilli(day.getKey());
                    assertEquals(d[1], hours.firstEntry().getValue()[1], where + " open");
                    assertEquals(d[4], hours.lastEntry().getValue()[4], where + " close");
                    BigDecimal high = BigDecimal.ZERO;
                    BigDecimal low = null;
                    BigDecimal volume = BigDecimal.ZERO;
                    long trades = 0;
                    for (String[] h : hours.values()) {
                        high = high.max(new BigDecimal(h[2]));
                        low = low == null ? new BigDecimal(h[3]) : low.min(new BigDecimal(h[3]));
                        volume = volume.add(new BigDecimal(h[5]));
                        trades += Long.parseLong(h[8]);
                    }
                    assertEquals(0, high.compareTo(new BigDecimal(d[2])), where + " high");
                    assertEquals(0, low.compareTo(new BigDecimal(d[3])), where + " low");
                    assertEquals(0, volume.compareTo(new BigDecimal(d[5])), where + " volume");
                    assertEquals(trades, Long.parseLong(d[8]), where + " trades");
                }
            }
        }
    }

    @Test
    void refusesANonEmptyOutputDirectory() throws IOException {
        Path d = dir.resolve("busy");
        Files.createDirectories(d);
        Files.writeString(d.resolve("keep.txt"), "x");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SampleUniverseGenerator.generate(spec.withOutDir(d)));
        assertTrue(e.getMessage().contains("not empty"), e.getMessage());
    }

    @Test
    void commandLineRejectsBadInputWithOneLine() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertEquals(2, SampleUniverseGenerator.run(new String[] {"--size", "huge", "--out", dir.resolve("x").toString()},
                System.out, ps));
        assertEquals("unknown size 'huge'; accepted: default, large, minute\n", err.toString(StandardCharsets.UTF_8));
        assertEquals(2, SampleUniverseGenerator.run(new String[] {"--seed", "abc"}, System.out, ps));
        assertEquals(2, SampleUniverseGenerator.run(new String[] {"--seed", "1"}, System.out, ps));
    }

    @Test
    void specValidationNamesTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SampleUniverseSpec(1, 40,
                LocalDate.of(2022, 1, 2), 3, 2, 12, EnumSet.of(Market.SPOT), 0, dir));
        assertTrue(e.getMessage().startsWith("start must be the first day of a month"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new SampleUniverseSpec(1, 40,
                LocalDate.of(2022, 1, 1), 3, 2, 12, EnumSet.of(Market.USDM), 0, dir));
        assertTrue(e.getMessage().startsWith("usdmSymbols must be in [1, 40]"), e.getMessage());
    }
}
