package io.quantlake.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quantlake.market.Interval;
import io.quantlake.market.Market;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class ArchiveFileTest {
    private static ArchiveFile of(String path) {
        return ArchiveFile.of(Path.of(path), Market.SPOT);
    }

    private static String error(String path) {
        return assertThrows(IngestException.class, () -> of(path)).getMessage();
    }

    @Test
    void marketSymbolIntervalAndPeriodComeFromTheLayout() {
        Path p = Path.of("data/futures/um/daily/klines/1000SHIBUSDT/15m/1000SHIBUSDT-15m-2024-03-05.zip");
        assertEquals(new ArchiveFile(p, ArchiveFile.Kind.KLINES, Market.USDM, "1000SHIBUSDT", Interval.M15, "2024-03-05"),
                ArchiveFile.of(p, Market.SPOT));
        assertEquals(Market.SPOT, of("/x/data/spot/monthly/klines/BTCUSDT/1d/BTCUSDT-1d-2024-01.zip").market());
        ArchiveFile funding = of("data/futures/um/monthly/fundingRate/BTCUSDT/BTCUSDT-fundingRate-2024-01.zip");
        assertEquals(ArchiveFile.Kind.FUNDING_RATE, funding.kind());
        assertEquals(Market.USDM, funding.market());
        assertEquals(null, funding.interval());
    }

    @Test
    void bareNamesTakeTheGivenMarketExceptFundingWhichIsAlwaysUsdm() {
        assertEquals(Market.USDM, ArchiveFile.of(Path.of("BTCUSDT-1h-2024-01.csv"), Market.USDM).market());
        assertEquals(Market.SPOT, of("downloads/BTCUSDT-1h-2024-01.csv").market());
        assertEquals(Market.USDM, of("BTCUSDT-fundingRate-2024-01.csv").market());
    }

    @Test
    void namesAndFoldersThatDisagreeOrAreUnsupportedAreErrors() {
        assertEquals("data/futures/cm/monthly/klines/BTCUSD_PERP/1h/BTCUSD_PERP-1h-2024-01.zip: coin-margined futures "
                        + "(futures/cm) are not supported; markets: spot, usdm",
                error("data/futures/cm/monthly/klines/BTCUSD_PERP/1h/BTCUSD_PERP-1h-2024-01.zip"));
        assertEquals("data/spot/monthly/klines/ETHUSDT/1h/BTCUSDT-1h-2024-01.zip: folder 'ETHUSDT' does not match the "
                        + "file name (BTCUSDT); expected the layout …/spot|futures/um/monthly|daily/klines/BTCUSDT/1h/",
                error("data/spot/monthly/klines/ETHUSDT/1h/BTCUSDT-1h-2024-01.zip"));
        assertEquals("data/spot/daily/klines/BTCUSDT/1h/BTCUSDT-1h-2024-01.zip: a monthly file must be in a 'monthly' "
                        + "folder, found 'daily'; expected the layout …/spot|futures/um/monthly|daily/klines/BTCUSDT/1h/",
                error("data/spot/daily/klines/BTCUSDT/1h/BTCUSDT-1h-2024-01.zip"));
        assertEquals("data/spot/monthly/fundingRate/BTCUSDT/BTCUSDT-fundingRate-2024-01.zip: fundingRate archives exist "
                        + "only under futures/um, found spot",
                error("data/spot/monthly/fundingRate/BTCUSDT/BTCUSDT-fundingRate-2024-01.zip"));
        assertEquals("BTCUSDT-1s-2024-01.zip: unknown interval '1s'; accepted: " + Interval.codes(),
                error("BTCUSDT-1s-2024-01.zip"));
        assertEquals("BTCUSDT-1h-2024-13.zip: '2024-13' in the file name is not a date YYYY-MM[-DD]",
                error("BTCUSDT-1h-2024-13.zip"));
        assertEquals("btcusdt.zip: not a Binance archive file name; expected <SYMBOL>-<interval>-<YYYY-MM[-DD]>.zip|.csv"
                + " or <SYMBOL>-fundingRate-<YYYY-MM>.zip|.csv", error("btcusdt.zip"));
    }
}
