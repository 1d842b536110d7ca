package io.quantlake.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.config.BacktestConfig;
import io.quantlake.config.ConfigException;
import io.quantlake.config.ConfigLoader;
import io.quantlake.market.Market;
import io.quantlake.panel.Panel;
import io.quantlake.panel.PanelSource;
import io.quantlake.sim.FundingSchedule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A demo config over a memory budget runs in time blocks ({@link Backtest#run(PanelSource, BacktestConfig, Map,
 * Map, int, long)}) and writes the same bytes as the run on the whole panel ({@link OutputDigestTest}'s digest of
 * equity.csv, ledger.csv, targets.csv and metrics.json), on {@link OutputDigestTest#synthetic} candles (a
 * listing, a delisting, gaps; usdm with funding) in several blocks. Configs with portfolio sections are
 * refused in blocks with an error naming the budget and the sections.
 */
class BlockBacktestTest {
    @Test
    void demoConfigsWriteTheSameBytesInBlocks() throws Exception {
        List<String> ran = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        int k = 0;
        for (Path file : OutputDigestTest.demoConfigs()) {
            BacktestConfig config = BacktestConfig.bind(ConfigLoader.parse(Files.readString(file), "file " + file.getFileName()));
            if (!config.strategy().requiredFactors().isEmpty()) {
                continue; // factors are computed by Spark (research-core BlockLakeBacktestTest)
            }
            Panel panel = OutputDigestTest.synthetic(config);
            Map<String, FundingSchedule> funding = config.market() == Market.USDM ? OutputDigestTest.funding(panel) : Map.of();
            long perBar = Backtest.bytesPerBar(panel.symbolCount(), 0);
            long budget = perBar * (200 + 7 * k++); // under the 700-bar panel: 3 to 7 blocks
            if (config.portfolio().any()) {
                ConfigException e = assertThrows(ConfigException.class,
                        () -> Backtest.run(PanelSource.of(panel), config, funding, Map.of(), 0, budget));
                assertTrue(e.getMessage().contains("memory budget") && e.getMessage().contains("portfolio sections"),
                        e.getMessage());
                refused.add(config.strategy().name());
                continue;
            }
            String whole = OutputDigestTest.digest(Backtest.run(panel, config, funding, Map.of()));
            String blocks = OutputDigestTest.digest(Backtest.run(PanelSource.of(panel), config, funding, Map.of(), 0,
                    budget));
            assertEquals(whole, blocks, file.getFileName() + " in blocks");
            ran.add(file.getFileName().toString());
        }
        assertTrue(ran.size() >= 6, "configs run in blocks: " + ran);
    }
}
