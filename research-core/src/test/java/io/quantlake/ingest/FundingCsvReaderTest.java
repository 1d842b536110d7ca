package io.quantlake.ingest;

import io.quantlake.market.FundingRecord;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quantlake.market.Market;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FundingCsvReaderTest {
    static {
        Fixtures.ensureTmpdir();
    }

    @Test
    void sharedXrpFundingOf2021ReadsEveryEightHours() throws IOException {
        Path dir = Fixtures.shared("data/binance-usdm-xrp-2021/funding");

        IngestBatch b = Fixtures.fundingCsv(dir);

        assertEquals(List.of(), b.quarantine());
        assertEquals(b.rowsRead(), b.funding().size());
        assertEquals(new FundingRecord(Market.USDM, "XRPUSDT", 1637193600000L, 0.0001, Double.NaN), b.funding().get(0));
        for (int i = 1; i < b.funding().size(); i++) {
            assertEquals(8 * 3_600_000L, b.funding().get(i).fundingTime() - b.funding().get(i - 1).fundingTime(),
                    "8-hourly funding at index " + i);
        }
    }

    @Test
    void markPriceColumnIsoTimesAndABlankMarkPrice() throws IOException {
        IngestBatch b = Fixtures.fundingCsv(Fixtures.path("funding/XRPUSDT.csv"), Market.USDM);

        assertEquals(List.of(
                new FundingRecord(Market.USDM, "XRPUSDT", 1637193600000L, 0.0001, 1.0812),
                new FundingRecord(Market.USDM, "XRPUSDT", 1637222400000L, -0.000025, 1.0905),
                new FundingRecord(Market.USDM, "XRPUSDT", 1637251200000L, 0.0001, Double.NaN)), b.funding());
    }

    @Test
    void badFundingRowsAreQuarantined(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("BTCUSDT.csv");
        Files.writeString(file, String.join("\n",
                "funding_time,funding_rate,mark_price",
                "1637193600000,0.0001,60000.5",
                "1637222400000,one bp,60000.5",
                "1637251200000,0.0001",
                "1637280000000,0.0001,0",
                "1637193600000,0.0002,60000.5"));

        IngestBatch b = Fixtures.fundingCsv(file);

        assertEquals(List.of(), b.funding(), "line 2 conflicts with line 6");
        assertEquals(List.of(
                "3 unparsable_field: funding_rate 'one bp' is not a decimal number",
                "4 wrong_column_count: 3 columns expected (funding_time,funding_rate,mark_price), got 2",
                "5 non_positive_price: mark_price 0 must be > 0",
                "2 conflicting_duplicate: same key usdm BTCUSDT funding_time 1637193600000 (2021-11-18T00:00:00Z) as "
                        + file + " line 6 with different values: fundingRate 0.0001 vs 0.0002",
                "6 conflicting_duplicate: same key usdm BTCUSDT funding_time 1637193600000 (2021-11-18T00:00:00Z) as "
                        + file + " line 2 with different values: fundingRate 0.0002 vs 0.0001"),
                b.quarantine().stream().map(q -> q.line() + " " + q.reason().code() + ": " + q.detail()).toList());
    }

    @Test
    void spotHasNoFunding() {
        IngestException e = assertThrows(IngestException.class,
                () -> Fixtures.fundingCsv(Fixtures.path("funding"), Market.SPOT));
        assertEquals("funding rates exist only for market usdm, got spot", e.getMessage());
    }
}
