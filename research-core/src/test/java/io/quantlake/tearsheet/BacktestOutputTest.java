package io.quantlake.tearsheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BacktestOutputTest {
    @Test
    void readsTheFourFilesOfCliMd(@TempDir Path tmp) throws IOException {
        BacktestOutput out = BacktestOutput.read(SyntheticBacktestDir.write(tmp, 40));
        assertEquals(40, out.equity().bars());
        assertEquals(Instant.parse("2023-11-15T00:00:00Z").toEpochMilli(), out.equity().times()[0]);
        assertEquals(List.of("total_return", "cagr", "volatility", "sharpe", "sortino", "max_drawdown", "calmar",
                "turnover", "mean_leverage", "time_in_market", "trades", "win_rate", "profit_factor", "fees",
                "funding"), List.copyOf(out.metrics().keySet()), "file order kept");
        assertTrue(Double.isNaN(out.metrics().get("profit_factor")), "JSON null is NaN");
        assertEquals(21.0, out.metrics().get("trades"), 0);
        assertEquals("OPEN", out.ledger().types()[0]);
        assertEquals(4, out.targets().size());   // 2 symbols at the first bars of Nov and Dec 2023
    }

    @Test
    void targetsAreOptional(@TempDir Path tmp) throws IOException {
        Path dir = SyntheticBacktestDir.write(tmp, 10);
        Files.delete(dir.resolve(BacktestOutput.TARGETS));
        assertEquals(0, BacktestOutput.read(dir).targets().size());
    }

    @Test
    void errorsNameTheFileLineColumnAndValue(@TempDir Path tmp) throws IOException {
        Path dir = SyntheticBacktestDir.write(tmp, 10);
        Path equity = dir.resolve(BacktestOutput.EQUITY);
        List<String> lines = Files.readAllLines(equity);

        lines.set(2, lines.get(2).replaceFirst(",[^,]*,", ",abc,"));
        Files.write(equity, lines);
        assertEquals(equity + " line 3 column equity: 'abc' is not a number", message(dir));

        lines.set(0, "time,equity");
        Files.write(equity, lines);
        assertEquals(equity + " line 1: expected header 'time,equity,cash,gross,net,leverage', got 'time,equity'",
                message(dir));

        SyntheticBacktestDir.write(dir, 10);
        Path ledger = dir.resolve(BacktestOutput.LEDGER);
        lines = Files.readAllLines(ledger);
        lines.set(1, lines.get(1).replace(",OPEN,", ",BUY,"));
        Files.write(ledger, lines);
        assertEquals(ledger + " line 2 column type: 'BUY' is not accepted; accepted: OPEN, CLOSE, PARTIAL_CLOSE,"
                + " REBALANCE, HEDGE, TIME_EXIT, CONDITIONAL_EXIT, LIQUIDATION, FUNDING", message(dir));

        SyntheticBacktestDir.write(dir, 10);
        Files.writeString(dir.resolve(BacktestOutput.METRICS), "{\"sharpe\": \"high\"}");
        assertEquals(dir.resolve(BacktestOutput.METRICS) + ": metric 'sharpe' must be a number or null, got \"high\"",
                message(dir));

        Files.delete(dir.resolve(BacktestOutput.METRICS));
        assertEquals("backtest output directory " + dir + " has no metrics.json (expected the files of CLI.md"
                + " \"Backtest output files\")", message(dir));
    }

    private static String message(Path dir) {
        return assertThrows(IllegalArgumentException.class, () -> BacktestOutput.read(dir)).getMessage();
    }
}
