package io.quantlake.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quantlake.lake.EquityRow;
import io.quantlake.lake.LedgerRow;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The exact comparison and the one-line answers of a replay, without Spark. */
class RowDiffTest {
    private static final long T0 = 1_704_067_200_000L;
    private static final List<Object> E0 = RowDiff.values(new EquityRow(T0, 100, 100, 0, 0, 0));
    private static final List<Object> E1 = RowDiff.values(new EquityRow(T0 + 86_400_000L, 101, 1, 100, 100, 0.99));

    @Test
    void identicalRowsHaveNoDifference() {
        assertEquals(Optional.empty(), RowDiff.first("equity", RowDiff.EQUITY_COLUMNS, List.of(E0, E1), List.of(E0, E1)));
        List<Object> nan = RowDiff.values(new EquityRow(T0, Double.NaN, 1, 0, 0, 0));
        assertEquals(Optional.empty(), RowDiff.first("equity", RowDiff.EQUITY_COLUMNS, List.of(nan), List.of(nan)),
                "NaN equals NaN");
    }

    @Test
    void theFirstDifferingColumnOfTheFirstDifferingRowIsReported() {
        List<Object> off = RowDiff.values(new EquityRow(T0 + 86_400_000L, 101, 1.0000000000000002, 100, 100, 1));
        Difference d = RowDiff.first("equity", RowDiff.EQUITY_COLUMNS, List.of(E0, E1), List.of(E0, off)).orElseThrow();
        assertEquals("equity row 1 (2024-01-02T00:00:00Z) column cash: stored 1.0, replayed 1.0000000000000002",
                d.describe(), "one ulp is a difference");
        List<Object> negativeZero = RowDiff.values(new EquityRow(T0, 100, 100, -0.0, 0, 0));
        assertEquals("gross", RowDiff.first("equity", RowDiff.EQUITY_COLUMNS, List.of(E0), List.of(negativeZero))
                .orElseThrow().column());
    }

    @Test
    void aMissingOrExtraRowIsADifference() {
        assertEquals("equity row 1 (2024-01-02T00:00:00Z): stored no row (1 rows), replayed row at "
                        + "2024-01-02T00:00:00Z [101.0, 1.0, 100.0, 100.0, 0.99]",
                RowDiff.first("equity", RowDiff.EQUITY_COLUMNS, List.of(E0), List.of(E0, E1)).orElseThrow().describe());
        List<Object> fill = RowDiff.values(new LedgerRow(T0, "BTCUSDT", "LONG", "OPEN", null, 1, 100, 0.1, -100.1, 0, 1));
        Difference d = RowDiff.first("ledger", RowDiff.LEDGER_COLUMNS, List.of(fill), List.of()).orElseThrow();
        assertEquals("ledger row 0 (2024-01-01T00:00:00Z): stored row at 2024-01-01T00:00:00Z [BTCUSDT, LONG, OPEN, null,"
                + " 1.0, 100.0, 0.1, -100.1, 0.0, 1.0], replayed no row (0 rows)", d.describe());
    }

    @Test
    void theResultLineNamesTheRunItsVersionsAndTheDifference() {
        Map<String, Long> versions = Map.of("symbols", 0L, "candles", 3L, "funding_rates", 1L);
        assertEquals("identical: run bt-1 (backtest at candles@3, funding_rates@1, symbols@0): 2 equity rows, 0 ledger rows",
                new ReplayResult("bt-1", "backtest", versions, "2 equity rows, 0 ledger rows", Optional.empty()).describe());
        Difference d = new Difference("ledger", 4, Instant.ofEpochMilli(T0).toString(), "price", "1.5", "1.25");
        assertEquals("different: run bt-1 (backtest at candles@3, funding_rates@1, symbols@0): ledger row 4"
                        + " (2024-01-01T00:00:00Z) column price: stored 1.5, replayed 1.25 (compared 2 equity rows, 5 ledger rows)",
                new ReplayResult("bt-1", "backtest", versions, "2 equity rows, 5 ledger rows", Optional.of(d)).describe());
    }

    @Test
    void runsThatCannotBeReplayedSayWhyInOneLine() {
        Map<String, Long> read = Map.of("candles", 1L);
        assertEquals("cannot replay run bt-f: its status is failed, only a succeeded run has outputs to compare"
                + " (metrics {\"error\":\"no candles\"})", cannot("bt-f", "backtest", "failed", "market: spot", read,
                "{\"error\":\"no candles\"}"));
        assertEquals("cannot replay run bt-r: its status is running, only a succeeded run has outputs to compare",
                cannot("bt-r", "backtest", "running", "market: spot", read, null));
        assertEquals("cannot replay run in-1: its kind is ingest; replay rebuilds backtest and sweep runs",
                cannot("in-1", "ingest", "succeeded", "x", read, null));
        assertEquals("cannot replay run bt-c: its runs row holds no config text",
                cannot("bt-c", "backtest", "succeeded", null, read, null));
        assertEquals("cannot replay run bt-o: its runs row records no Delta versions of the tables it read"
                        + " (data_versions is empty; written by a QuantLake that did not record them)",
                cannot("bt-o", "backtest", "succeeded", "market: spot", Map.of(), null));
        Replay.requireReplayable("bt-ok", "backtest", "succeeded", "market: spot", read, null);
    }

    private static String cannot(String runId, String kind, String status, String config, Map<String, Long> versions,
                                 String metrics) {
        return assertThrows(IllegalArgumentException.class,
                () -> Replay.requireReplayable(runId, kind, status, config, versions, metrics)).getMessage();
    }
}
