package io.quantlake.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.market.Interval;
import io.quantlake.market.Market;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvCandleReaderTest {
    static {
        Fixtures.ensureTmpdir();
    }

    @Test
    void knownBtcusdtDailyBarOf20240101FromSharedData() throws IOException {
        Path file = Fixtures.shared("data/binance-spot-2024/1d/BTCUSDT.csv");

        IngestBatch b = Fixtures.csv(file, Market.SPOT, Interval.D1);

        assertEquals(List.of(), b.quarantine());
        assertEquals(b.rowsRead(), b.candles().size());
        assertEquals(new CandleBar(Market.SPOT, Interval.D1, "BTCUSDT", 1704067200000L,
                42283.58, 44184.10, 42180.77, 44179.55, 27174.29903, Double.NaN, -1, Double.NaN, Double.NaN),
                b.candles().get(0));
    }

    @Test
    void everySharedDailySpotFileReadsWithoutABadRow() throws IOException {
        Path dir = Fixtures.shared("data/binance-spot-2024/1d");

        IngestBatch b = Fixtures.csv(dir, Market.SPOT, Interval.D1);

        assertEquals(136, b.files());
        assertEquals(List.of(), b.quarantine());
        assertEquals(b.rowsRead(), b.candles().size());
    }

    @Test
    void shared4hCandlesReadAs4hLandButAs1dAreAnIntervalMismatch() throws IOException {
        Path dir = Fixtures.shared("data/binance-spot-2024/4h");

        IngestBatch asFourHours = Fixtures.csv(dir, Market.SPOT, Interval.H4);
        IngestBatch asDays = Fixtures.csv(dir.resolve("BTCUSDT.csv"), Market.SPOT, Interval.D1);

        assertEquals(List.of(), asFourHours.quarantine(), "no false alarm on 136 real 4h files");
        assertEquals(List.of(), asDays.candles(), "not one 00:00 bar lands as a daily candle");
        assertEquals(1, asDays.quarantine().size());
        QuarantineRow q = asDays.quarantine().get(0);
        assertEquals(QuarantineReason.INTERVAL_MISMATCH, q.reason());
        assertTrue(q.detail().startsWith("bars are 4h apart ("), q.detail());
    }

    @Test
    void sharedUsdmXrpCandlesOf2021ReadWithoutABadRow() throws IOException {
        IngestBatch fiveMinutes = Fixtures.csv(Fixtures.shared("data/binance-usdm-xrp-2021/5m"),
                Market.USDM, Interval.M5);
        IngestBatch hours = Fixtures.csv(Fixtures.shared("data/binance-usdm-xrp-2021/1h"),
                Market.USDM, Interval.H1);

        assertEquals(List.of(), fiveMinutes.quarantine());
        assertEquals(List.of(), hours.quarantine());
        assertTrue(fiveMinutes.candles().size() > 1000, "5m bars of 2021-11-15..21: " + fiveMinutes.candles().size());
        assertEquals(Market.USDM, hours.candles().get(0).market());
    }

    @Test
    void directoryIsReadRecursivelyWithEpochAndIsoTimes() throws IOException {
        IngestBatch b = Fixtures.csv(Fixtures.path("ohlcv"), Market.SPOT, Interval.D1);

        assertEquals(2, b.files());
        assertEquals(List.of(), b.quarantine());
        // 2024-01-02T00:00:00Z = 1704067200000 + 86400000; +00:00 offsets read the same
        assertEquals(List.of("BTCUSDT 1704067200000", "BTCUSDT 1704153600000", "ETHUSDT 1704067200000",
                        "ETHUSDT 1704153600000"),
                b.candles().stream().map(c -> c.symbol() + " " + c.openTime()).toList());
    }

    @Test
    void badRowsAreQuarantinedAndGoodOnesLand(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("SOLUSDT.csv");
        Files.writeString(file, String.join("\n",
                CsvCandleReader.HEADER,
                "2024-01-01T00:00:00Z,101.57,110.0,100.64,109.7,2856432.45",
                "2024-13-01T00:00:00Z,101.57,110.0,100.64,109.7,2856432.45",
                "1704153600000,109.7,110.0,100.64",
                "1704240000000,109.7,110.0,100.64,0x1p3,1.0",
                "1704326400000,-1,110.0,100.64,109.7,1.0",
                "1704412800000,101.57,110.0,100.64,109.7,2856432.45",
                ""));

        IngestBatch b = Fixtures.csv(file, Market.SPOT, Interval.D1);

        assertEquals(6, b.rowsRead());
        assertEquals(List.of(1704067200000L, 1704412800000L), b.candles().stream().map(CandleBar::openTime).toList());
        assertEquals(List.of(
                "3 unparsable_field: open_time '2024-13-01T00:00:00Z' is not epoch milliseconds or an ISO-8601 UTC time",
                "4 wrong_column_count: 6 columns expected (open_time,open,high,low,close,volume), got 4",
                "5 unparsable_field: close '0x1p3' is not a decimal number",
                "6 non_positive_price: open -1 must be > 0"),
                b.quarantine().stream().map(q -> q.line() + " " + q.reason().code() + ": " + q.detail()).toList());
    }

    @Test
    void headerOnlyFileAndFourHourBarsAsDailyAreQuarantinedWhileTheOtherFileLands(@TempDir Path dir)
            throws IOException {
        Path empty = dir.resolve("ETHUSDT.csv");
        Files.writeString(empty, CsvCandleReader.HEADER + "\n");
        Path fourHour = dir.resolve("SOLUSDT.csv");
        Files.writeString(fourHour, String.join("\n", CsvCandleReader.HEADER,
                "2024-01-01T00:00:00Z,101,102,100,101.5,1", "2024-01-01T04:00:00Z,101.5,103,101,102,1",
                "2024-01-01T08:00:00Z,102,103,101,102.5,1", "2024-01-01T12:00:00Z,102.5,104,102,103,1", ""));
        Path good = dir.resolve("BTCUSDT.csv");
        Files.writeString(good, String.join("\n", CsvCandleReader.HEADER,
                "2024-01-01T00:00:00Z,42283.58,44184.1,42180.77,44179.55,27174.29903",
                "2024-01-03T00:00:00Z,44179.55,45879.63,44148.34,44946.91,65146.40661", ""));

        IngestBatch b = Fixtures.csv(dir, Market.SPOT, Interval.D1);

        assertEquals(3, b.files());
        assertEquals(List.of("BTCUSDT 1704067200000", "BTCUSDT 1704240000000"),
                b.candles().stream().map(c -> c.symbol() + " " + c.openTime()).toList(),
                "one 2-day gap is missing bars, not a mismatch; SOLUSDT's 00:00 bar does not land as a daily candle");
        assertEquals(List.of(
                empty + " 0 empty_file: holds no data row",
                fourHour + " 0 interval_mismatch: bars are 4h apart (3 of 3 gaps between open times), not the interval 1d"
                        + " they are ingested as"),
                b.quarantine().stream().map(q -> q.source() + " " + q.line() + " " + q.reason().code() + ": "
                        + q.detail()).toList());
    }

    @Test
    void missingHeaderIsAnErrorNamingTheFileAndLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("BTCUSDT.csv");
        Files.writeString(file, "time,o,h,l,c,v\n1704067200000,1,1,1,1,1\n");

        IngestException e = assertThrows(IngestException.class,
                () -> Fixtures.csv(file, Market.SPOT, Interval.D1));
        assertEquals(file + " line 1: expected header 'open_time,open,high,low,close,volume', got 'time,o,h,l,c,v'",
                e.getMessage());
    }

    @Test
    void archiveFileNameIsNotASymbol() {
        IngestException e = assertThrows(IngestException.class,
                () -> Fixtures.csv(Fixtures.path("bare"), Market.SPOT, Interval.H1));
        assertTrue(e.getMessage().contains("looks like a Binance archive file"), e.getMessage());
    }
}
