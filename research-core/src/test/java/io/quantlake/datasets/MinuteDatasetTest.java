package io.quantlake.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.market.Market;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The 1m files of a small minute-scale universe: split from the 1h bars, same listings, delistings and gaps. */
class MinuteDatasetTest {
    private static final long HOUR = 3_600_000L;

    @TempDir
    static Path dir;
    static SampleUniverseSpec spec;
    static GenerationSummary summary;

    @BeforeAll
    static void generate() {
        spec = SampleUniverseSpec.minute(dir.resolve("a"), 16, 40);
        summary = SampleUniverseGenerator.generate(spec);
    }

    @Test
    void everyPresentHourHasSixtyMinutesOpeningAtItsOpenAndClosingAtItsClose() {
        long minuteStart = spec.minuteStart().atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toEpochMilli();
        long minuteRows = 0;
        int withMissingHours = 0;
        for (String symbol : summary.symbols()) {
            TreeMap<Long, String[]> hours = ArchiveFiles.klines(spec.outDir(), "spot", symbol, "1h");
            TreeMap<Long, String[]> minutes = ArchiveFiles.klines(spec.outDir(), "spot", symbol, "1m");
            TreeSet<Long> expected = new TreeSet<>(hours.tailMap(minuteStart).keySet());
            TreeSet<Long> got = new TreeSet<>();
            for (long t : minutes.keySet()) {
                got.add(t - Math.floorMod(t, HOUR));
            }
            assertEquals(expected, got, symbol + ": 1m bars exist exactly in the hours that have a 1h bar");
            if (expected.size() < 40 * 24) {
                withMissingHours++;
            }
            for (long h : expected) {
                String[] hour = hours.get(h);
                String[] first = minutes.get(h);
                String[] last = minutes.get(h + HOUR - 60_000L);
                assertEquals(60, minutes.subMap(h, h + HOUR).size(), symbol + " hour " + h);
                assertEquals(hour[1], first[1], symbol + " open of hour " + h);
                assertEquals(hour[4], last[4], symbol + " close of hour " + h);
            }
            for (Map.Entry<Long, String[]> e : minutes.entrySet()) {
                String[] f = e.getValue();
                BigDecimal o = new BigDecimal(f[1]);
                BigDecimal hi = new BigDecimal(f[2]);
                BigDecimal lo = new BigDecimal(f[3]);
                BigDecimal c = new BigDecimal(f[4]);
                assertTrue(lo.signum() > 0 && hi.compareTo(o.max(c)) >= 0 && lo.compareTo(o.min(c)) <= 0
                        && new BigDecimal(f[5]).signum() > 0, symbol + " " + String.join(",", f));
                assertEquals(e.getKey() + 59_999L, Long.parseLong(f[6]));
            }
            minuteRows += minutes.size();
        }
        assertTrue(withMissingHours > 0, "listings, delistings or gaps leave some symbols without every hour");
        assertTrue(minuteRows > 16 * 40 * 1440 * 0.8, "rows " + minuteRows);
    }

    @Test
    void sameSeedSameMinuteBytesAndTheManifestNamesTheMinuteStart() throws IOException {
        Path b = dir.resolve("b");
        SampleUniverseGenerator.generate(SampleUniverseSpec.minute(b, 16, 40));
        Path zip = Path.of("spot/monthly/klines/BTCUSDT/1m/BTCUSDT-1m-2024-12.zip");
        assertEquals(ArchiveFiles.readZip(spec.outDir().resolve(zip)).text(), ArchiveFiles.readZip(b.resolve(zip)).text());
        assertTrue(Files.readString(spec.outDir().resolve(ManifestWriter.FILE)).contains("\tminute_start=2024-11-22\n"));
        assertTrue(Files.isRegularFile(spec.outDir().resolve(zip + ".CHECKSUM")));
    }

    @Test
    void minuteDaysBeyondTheHourlyPeriodAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SampleUniverseSpec(1, 16,
                LocalDate.of(2024, 1, 1), 1, 1, 16, EnumSet.of(Market.SPOT), 0, dir.resolve("c"), 40));
        assertEquals("minuteDays must be in [0, 31] (the days with 1h files), got 40", e.getMessage());
    }
}
