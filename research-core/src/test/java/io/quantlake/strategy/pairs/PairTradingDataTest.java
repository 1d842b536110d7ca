package io.quantlake.strategy.pairs;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.sim.BooksCheck;
import io.quantlake.backtest.Backtest;
import io.quantlake.backtest.BacktestOutcome;
import io.quantlake.config.BacktestConfig;
import io.quantlake.datasets.SampleReads;
import io.quantlake.ingest.CandleBar;
import io.quantlake.market.FundingRecord;
import io.quantlake.ingest.IngestBatch;
import io.quantlake.ledger.TradeEvent;
import io.quantlake.ledger.TradeEventType;
import io.quantlake.market.Interval;
import io.quantlake.market.Market;
import io.quantlake.panel.Panel;
import io.quantlake.panel.PanelBuilder;
import io.quantlake.sim.BacktestResult;
import io.quantlake.sim.FundingMissing;
import io.quantlake.sim.FundingSchedule;
import io.quantlake.sim.SimConfig;
import io.quantlake.sim.Simulator;
import io.quantlake.sim.StrategyInput;
import io.quantlake.strategy.ConfiguredStrategy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Smoke runs on the synthetic sample's planted pairs and on real Binance candles: selection, trades, books. */
class PairTradingDataTest {

    static Path sample() {
        String root = System.getProperty("quantlake.root");
        Assumptions.assumeTrue(root != null, "system property quantlake.root (the project root) is not set; run under Maven");
        Path dir = Path.of(root, "datasets", "sample");
        Assumptions.assumeTrue(Files.isDirectory(dir), dir + " is absent; skipping the sample smoke test");
        return dir;
    }

    /** The 1d klines of {@code symbols} under {@code klines} ({@code <klines>/<SYMBOL>/1d}), read by ArchiveReader. */
    static Panel panel(Path klines, List<String> symbols, long startMs, long endMs) throws IOException {
        PanelBuilder b = Panel.builder(Interval.D1, symbols.toArray(String[]::new));
        IngestBatch batch = SampleReads.read(SampleReads.folders(klines, symbols, "1d"));
        assertTrue(batch.quarantine().isEmpty(), "quarantined: " + batch.quarantine());
        Map<String, List<CandleBar>> bySymbol = SampleReads.candlesBySymbol(batch);
        for (String s : symbols) {
            for (CandleBar c : bySymbol.getOrDefault(s, List.of())) {
                if (c.openTime() >= startMs && c.openTime() < endMs) {
                    b.bar(s, c.openTime(), c.open(), c.high(), c.low(), c.close(), c.volume());
                }
            }
        }
        return b.build();
    }

    /** Ordered pair as an unordered set, to compare selections regardless of which leg is y. */
    static Set<Set<String>> unordered(List<PairScanRow> rows) {
        return rows.stream().map(r -> Set.of(r.y(), r.x())).collect(Collectors.toSet());
    }

    static long count(BacktestResult r, TradeEventType type) {
        return r.ledger().events().stream().filter(e -> e.type() == type).count();
    }

    /**
     * The three planted pairs (datasets/README.md) among eight symbols of the spot 1d sample, run as a usdm
     * panel (funding 0): selection over all 56 ordered pairs on the first 250 days finds exactly them, each trades.
     */
    @Test
    void findsAndTradesTheSamplesPlantedPairs() throws IOException {
        List<String> symbols = List.of("BTCUSDT", "ETHUSDT", "LTCUSDT", "BCHUSDT", "ARBUSDT", "OPUSDT", "DOGEUSDT", "SHIBUSDT");
        Panel p = panel(sample().resolve("spot/monthly/klines"), symbols, Long.MIN_VALUE, Long.MAX_VALUE);
        PairTradingParams params = new PairTradingParams(List.of(), 3, 0.05, 250, PriceScale.LOG, new RollingOlsHedge(120),
                20, 2, 0.25, 4, 30, LegSizing.BETA_NEUTRAL, 0.15, 60, OnBreak.CLOSE);
        PairTradingStrategy s = new PairTradingStrategy(params);
        SimConfig c = SimConfig.builder(Market.USDM, 100_000).costs(5, 2, 2).maxLeverage(2)
                .fundingMissing(FundingMissing.ZERO).build();
        BacktestResult r = Simulator.run(p, c, StrategyInput.signals(s));
        assertEquals(Set.of(Set.of("LTCUSDT", "BCHUSDT"), Set.of("ARBUSDT", "OPUSDT"), Set.of("DOGEUSDT", "SHIBUSDT")),
                unordered(s.selection()), s.selection().toString());
        for (PairScanRow row : s.selection()) {
            assertTrue(row.pValue() < 0.05, row.toString());
            long opens = r.ledger().events().stream()
                    .filter(e -> e.type() == TradeEventType.OPEN && e.symbol().equals(row.y())).count();
            assertTrue(opens >= 3, row.y() + "/" + row.x() + " opened " + opens + " trades");
        }
        assertTrue(count(r, TradeEventType.CONDITIONAL_EXIT) >= 6);
        BooksCheck.verify(p, c.capital(), r);
    }

    /** The demo config end to end through Backtest.run on the sample's usdm candles and funding: it finds BCH/LTC. */
    @Test
    void demoConfigRunsOnTheSampleThroughBacktest() throws IOException {
        Path root = sample();
        BacktestConfig config = BacktestConfig.load(root.getParent().resolve("configs").resolve("pair_trading.yaml"));
        Panel p = panel(root.resolve("futures/um/monthly/klines"), config.universe(), config.startMs(), config.endMs());
        List<FundingRecord> records = new ArrayList<>();
        IngestBatch fundingRead = SampleReads.read(SampleReads.folders(root.resolve("futures/um/monthly/fundingRate"),
                config.universe(), ""));
        for (String s : config.universe()) {
            records.addAll(SampleReads.funding(fundingRead, s));
        }
        Map<String, FundingSchedule> funding = FundingSchedule.bySymbol(records);
        BacktestOutcome out = Backtest.run(p, config, funding, Map.of());
        ConfiguredStrategy.Signal sig = (ConfiguredStrategy.Signal) config.strategy().built();
        PairTradingStrategy s = (PairTradingStrategy) sig.forMarket(config.market());
        SimConfig c = config.simConfig(funding, Map.of());
        BacktestResult r = Simulator.run(p, c, StrategyInput.signals(s));
        assertEquals(r.ledger().events(), out.result().ledger().events(), "Backtest.run wires the same strategy");
        assertEquals(Set.of(Set.of("LTCUSDT", "BCHUSDT")), unordered(s.selection()), s.selection().toString());
        assertTrue(count(r, TradeEventType.OPEN) >= 6, "opens: " + count(r, TradeEventType.OPEN));
        assertTrue(count(r, TradeEventType.FUNDING) > 0, "usdm funding is charged on the legs");
        BooksCheck.verify(p, c.capital(), r);
    }

    /** LTC/BCH on real Binance spot 1d candles of 2024 (shared/data), run as a usdm panel. */
    @Test
    void realCandlesLtcBchKeepTheBooks() throws IOException {
        String shared = System.getProperty("quantlake.shared");
        Path dir = shared == null ? null : Path.of(shared, "data", "binance-spot-2024", "1d");
        Assumptions.assumeTrue(dir != null && Files.isRegularFile(dir.resolve("LTCUSDT.csv"))
                        && Files.isRegularFile(dir.resolve("BCHUSDT.csv")),
                "shared data not found (system property quantlake.shared=" + shared + "); skipping real-data test");
        PanelBuilder b = Panel.builder(Interval.D1, "BCHUSDT", "LTCUSDT");
        for (String s : List.of("BCHUSDT", "LTCUSDT")) {
            List<String> lines = Files.readAllLines(dir.resolve(s + ".csv"));
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",");
                b.bar(s, Long.parseLong(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                        Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5]));
            }
        }
        Panel p = b.build();
        for (HedgeRatio hedge : new HedgeRatio[] {new RollingOlsHedge(40), new KalmanHedge(1e-4, 1e-3, 40)}) {
            PairTradingParams params = new PairTradingParams(List.of(new PairSpec("BCHUSDT", "LTCUSDT")), 1, 1, 60,
                    PriceScale.LOG, hedge, 20, 1.5, 0, 3.5, 20, LegSizing.DOLLAR_NEUTRAL, 0.4, 0, OnBreak.HOLD);
            PairTradingStrategy s = new PairTradingStrategy(params);
            SimConfig c = SimConfig.builder(Market.USDM, 10_000).costs(5, 2, 2).fundingMissing(FundingMissing.ZERO).build();
            BacktestResult r = Simulator.run(p, c, StrategyInput.signals(s));
            assertEquals(1, s.selection().size());
            long opens = count(r, TradeEventType.OPEN);
            assertTrue(opens >= 4 && opens % 2 == 0, hedge + ": OPEN rows come in legs: " + opens);
            for (TradeEvent e : r.ledger().events()) {
                assertTrue(e.type() != TradeEventType.LIQUIDATION, "liquidated: " + e);
            }
            BooksCheck.verify(p, c.capital(), r);
        }
    }
}
