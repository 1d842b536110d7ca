package io.quantlake.lake;

import static io.quantlake.lake.Fixtures.DAY;
import static io.quantlake.lake.Fixtures.T0;
import static io.quantlake.lake.Fixtures.daily;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.ingest.CandleBar;
import io.quantlake.ingest.IngestBatch;
import io.quantlake.market.Interval;
import io.quantlake.market.Market;
import io.quantlake.panel.Panel;
import io.quantlake.spark.SharedSpark;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reads from one small lake written once: panels, funding series, resume times, runs and results. */
class LakeReadTest {
    private static Lake lake;
    private static CandleStore store;

    /**
     * Spot 1d: BTCUSDT days 0..5; ETHUSDT days 1..5 without day 3; SOLUSDT only day 9 (outside the
     * windows below). Usdm funding of BTCUSDT at days 0, 1 (no mark), 2 and of ETHUSDT at day 1.
     */
    @BeforeAll
    static void writeLake() {
        lake = Lake.at(SharedSpark.spark(), SharedSpark.newTempDir("lake-read").toString());
        store = new CandleStore(lake);
        List<CandleBar> candles = new ArrayList<>();
        for (int d = 0; d <= 5; d++) {
            candles.add(daily("BTCUSDT", d, 100 + d));
            if (d >= 1 && d != 3) {
                candles.add(daily("ETHUSDT", d, 50 + d));
            }
        }
        candles.add(daily("SOLUSDT", 9, 20));
        new LakeWriter(lake).ingest(new IngestBatch(1, candles.size() + 4, candles,
                List.of(Fixtures.funding("BTCUSDT", T0 + 2 * DAY, 0.0003, 102),
                        Fixtures.funding("BTCUSDT", T0, 0.0001, 100),
                        Fixtures.funding("BTCUSDT", T0 + DAY, 0.0002, Double.NaN),
                        Fixtures.funding("ETHUSDT", T0 + DAY, -0.0001, 51)),
                List.of(), List.of()), "ingest-read-fixture", null);
    }

    @Test
    void panelIsDenseInUniverseOrderWithNaNForMissingBars() {
        CandleQuery q = new CandleQuery(Market.SPOT, Interval.D1, List.of("ETHUSDT", "SOLUSDT", "BTCUSDT"),
                T0 + DAY, T0 + 5 * DAY);
        Panel p = store.panel(q, "quote_volume");
        assertArrayEquals(new String[] {"ETHUSDT", "SOLUSDT", "BTCUSDT"}, p.symbols());
        assertArrayEquals(new long[] {T0 + DAY, T0 + 2 * DAY, T0 + 3 * DAY, T0 + 4 * DAY}, p.times(), "end is exclusive");
        assertEquals(51.0, p.close()[p.at(0, 0)]);
        assertTrue(Double.isNaN(p.close()[p.at(2, 0)]), "ETH has no bar on day 3");
        assertEquals(-1, p.firstBar(1), "SOL has rows, but none in the window: it never exists");
        assertEquals(104.0, p.close()[p.at(3, 2)]);
        assertEquals(103.0, p.open()[p.at(3, 2)], "open = close - 1");
        assertEquals(106.0, p.high()[p.at(3, 2)]);
        assertEquals(101.0, p.low()[p.at(3, 2)]);
        assertEquals(10 + 104 / 100.0, p.volume()[p.at(3, 2)]);
        assertTrue(Double.isNaN(p.feature("quote_volume")[p.at(3, 2)]), "NULL quote volume → NaN");

        assertEquals(7L, store.candles(q).count(), "ETH 3 + BTC 4 rows in the window");
    }

    @Test
    void aUniverseSymbolWithoutAnyCandleIsAnErrorNamingIt() {
        CandleQuery q = new CandleQuery(Market.SPOT, Interval.D1, List.of("BTCUSDT", "DOGEUSDT", "XRPUSDT"),
                T0, T0 + 5 * DAY);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> store.panel(q));
        assertTrue(e.getMessage().startsWith("no candles in the lake for DOGEUSDT, XRPUSDT (market spot, interval 1d"),
                e.getMessage());
        CandleQuery otherInterval = new CandleQuery(Market.SPOT, Interval.H4, List.of("BTCUSDT"), T0, T0 + DAY);
        assertThrows(IllegalArgumentException.class, () -> store.candles(otherInterval));
    }

    @Test
    void fundingIsReadPerSymbolInTheHalfOpenWindow() {
        FundingSeries f = store.funding(Market.USDM, List.of("BTCUSDT", "ETHUSDT", "SOLUSDT"), T0, T0 + 2 * DAY);
        assertArrayEquals(new long[] {T0, T0 + DAY}, f.times(0), "sorted by time; day 2 is at the exclusive end");
        assertArrayEquals(new double[] {0.0001, 0.0002}, f.rates(0));
        assertEquals(100.0, f.marks(0)[0]);
        assertTrue(Double.isNaN(f.marks(0)[1]), "no mark price → NaN");
        assertArrayEquals(new double[] {-0.0001}, f.rates(1));
        assertEquals(0, f.times(2).length, "no funding records → empty arrays");
        assertEquals(0, store.funding(Market.SPOT, List.of("BTCUSDT"), T0, T0 + 9 * DAY).times(0).length,
                "funding is per market");
    }

    @Test
    void resumeTimesAreTheLastTimesInTheLake() {
        assertEquals(OptionalLong.of(T0 + 5 * DAY), store.lastOpenTime(Market.SPOT, Interval.D1, "BTCUSDT"));
        assertEquals(OptionalLong.empty(), store.lastOpenTime(Market.SPOT, Interval.H1, "BTCUSDT"));
        assertEquals(OptionalLong.of(T0 + 2 * DAY), store.lastFundingTime(Market.USDM, "BTCUSDT"));
        assertEquals(OptionalLong.empty(), store.lastFundingTime(Market.USDM, "XRPUSDT"));
    }

    /** A backtest's records: runs row (MERGE on run_id), equity and ledger (replaced per run), versions. */
    @Test
    void backtestRunsEquityAndLedgerAreStoredIdempotently() {
        RunStore runs = new RunStore(lake);
        Map<String, Long> read = lake.versions(List.of(LakeTable.CANDLES, LakeTable.FUNDING_RATES));
        assertEquals(Map.of("candles", 1L, "funding_rates", 1L), read, "version 0 = creation, 1 = the fixture's MERGE");
        Instant started = Instant.parse("2026-01-02T03:04:05Z");
        runs.record(new RunRecord("bt-1", "backtest", "market: spot\n", read, null, "running", started, null));
        runs.record(new RunRecord("bt-1", "backtest", "market: spot\n", read, "{\"sharpe\":1.5}", "succeeded",
                started, started.plusSeconds(3)));
        Row run = runs.find("bt-1").orElseThrow();
        assertEquals("succeeded", run.getString(run.fieldIndex("status")));
        assertEquals("{\"sharpe\":1.5}", run.getString(run.fieldIndex("metrics")));
        assertEquals(read, run.getJavaMap(run.fieldIndex("data_versions")));
        assertFalse(runs.find("bt-2").isPresent());

        List<EquityRow> equity = List.of(new EquityRow(T0, 1000, 1000, 0, 0, 0), new EquityRow(T0 + DAY, 1010, 10, 1000, 1000, 0.99));
        runs.writeEquity("bt-1", equity);
        runs.writeEquity("bt-1", equity);
        runs.writeLedger("bt-1", List.of(
                new LedgerRow(T0 + DAY, "BTCUSDT", "LONG", "CLOSE", "rebalance", -1, 101, 0.1, 100.9, 1, 0),
                new LedgerRow(T0 + DAY, "BTCUSDT", "SHORT", "OPEN", "rebalance", -1, 101, 0.1, 100.9, 0, -1)));
        List<Row> eq = lake.read(LakeTable.EQUITY).orderBy("time").collectAsList();
        assertEquals(2, eq.size(), "writing the same run twice keeps one copy");
        assertEquals(1010.0, eq.get(1).getDouble(eq.get(1).fieldIndex("equity")));
        List<Row> ledger = lake.read(LakeTable.LEDGER).orderBy("seq").collectAsList();
        assertEquals(List.of("CLOSE", "OPEN"), ledger.stream().map(r -> r.getString(r.fieldIndex("type"))).toList(),
                "seq keeps the ledger order within one bar");
        assertEquals(0L, lake.readAsOf(LakeTable.CANDLES, 0).count(), "version 0 of candles is the empty table");
    }
}
