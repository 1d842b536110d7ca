package io.quantlake.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.config.BacktestConfig;
import io.quantlake.config.ConfigLoader;
import io.quantlake.exit.TrailingStopExitStrategy;
import io.quantlake.ledger.Ledger;
import io.quantlake.ledger.Reason;
import io.quantlake.market.Market;
import io.quantlake.panel.Panel;
import io.quantlake.panel.PanelSource;
import io.quantlake.sim.FundingSchedule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A demo config over a memory budget runs in time blocks ({@link Backtest#run(PanelSource, BacktestConfig, Map,
 * Map, int, long)}) and writes the same bytes as the run on the whole panel ({@link OutputDigestTest}'s digest of
 * equity.csv, ledger.csv, targets.csv and metrics.json), on {@link OutputDigestTest#synthetic} candles (a
 * listing, a delisting, gaps; usdm with funding) in several blocks, the portfolio sections (risk caps, sizing,
 * hedge) and their portfolio.json report included; so does a config whose exits hold an ATR trailing stop.
 */
class BlockBacktestTest {
    @Test
    void demoConfigsWriteTheSameBytesInBlocks() throws Exception {
        List<String> ran = new ArrayList<>();
        List<String> sections = new ArrayList<>();
        int k = 0;
        for (Path file : OutputDigestTest.demoConfigs()) {
            BacktestConfig config = BacktestConfig.bind(ConfigLoader.parse(Files.readString(file), "file " + file.getFileName()));
            if (!config.strategy().requiredFactors().isEmpty()) {
                continue; // factors are computed by Spark (research-core BlockLakeBacktestTest)
            }
            int extra = 7 * k++; // under the 700-bar panel: 3 to 7 blocks
            assertSameInBlocks(config, perBar -> perBar * (200 + extra), file.getFileName().toString());
            ran.add(file.getFileName().toString());
            if (config.portfolio().any()) {
                sections.add(file.getFileName().toString());
            }
        }
        assertTrue(ran.size() >= 10 && sections.size() >= 4, "configs run in blocks: " + ran + ", with portfolio "
                + "sections: " + sections);
    }

    @Test
    void anAtrTrailingStopRunsTheSameInBlocks() throws Exception {
        String yaml = Files.readString(OutputDigestTest.demoConfigs().stream()
                .filter(f -> f.getFileName().toString().equals("sma_cross_tpsl_exits.yaml")).findFirst().orElseThrow())
                .replace("{type: trailing_stop, trail: 0.08}", "{type: trailing_stop, atr: {k: 2, lookback: 5}}");
        assertTrue(yaml.contains("atr: {k: 2"), "the demo's trailing stop replaced");
        BacktestConfig config = BacktestConfig.bind(ConfigLoader.parse(yaml, "atr test"));
        for (int bars : new int[] {1, 37, 150}) {
            assertSameInBlocks(config, perBar -> perBar * (bars + 2), "ATR stop, blocks of about " + bars + " bars");
        }
    }

    /** Runs {@code config} on the whole synthetic panel and in blocks within {@code budget(bytesPerBar)}: the same bytes. */
    private static void assertSameInBlocks(BacktestConfig config, java.util.function.LongUnaryOperator budget,
                                           String what) throws Exception {
        Panel panel = OutputDigestTest.synthetic(config);
        Map<String, FundingSchedule> funding = config.market() == Market.USDM ? OutputDigestTest.funding(panel) : Map.of();
        long perBar = Backtest.bytesPerBar(panel.symbolCount(), 0);
        BacktestOutcome whole = Backtest.run(panel, config, funding, Map.of());
        BacktestOutcome blocks = Backtest.run(PanelSource.of(panel), config, funding, Map.of(), 0,
                budget.applyAsLong(perBar));
        assertEquals(OutputDigestTest.digest(whole), OutputDigestTest.digest(blocks), what + " in blocks");
        assertEquals(whole.portfolio().map(r -> r.toMap()), blocks.portfolio().map(r -> r.toMap()),
                what + ": portfolio.json");
        if (config.strategy().exits().rules().stream().anyMatch(r -> r instanceof TrailingStopExitStrategy t
                && t.atrFeature() != null)) {
            Ledger l = whole.result().ledger();
            assertTrue(IntStream.range(0, l.size()).anyMatch(i -> l.reason(i) == Reason.TRAILING_STOP),
                    what + ": the ATR stop closes a lot");
        }
    }
}
