package io.quantlake.research;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.config.ConfigLoader;
import io.quantlake.datasets.SampleReads;
import io.quantlake.ingest.CandleBar;
import io.quantlake.ingest.IngestBatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The planted effects of the committed synthetic sample (datasets/README.md: momentum from an AR(1)
 * drift, short-term reversal from an MA(1) with θ = 0.12) show with the right signs, read through
 * the real archive reader and a YAML config: 20 symbols' spot 1d files, 2022–2024.
 */
class SampleFactorResearchTest {
    private static final String YAML = """
            market: spot
            interval: 1d
            universe: [BTCUSDT, ETHUSDT, BNBUSDT, SOLUSDT, XRPUSDT, LTCUSDT, BCHUSDT, ARBUSDT, OPUSDT, DOGEUSDT,
                       SHIBUSDT, ADAUSDT, AVAXUSDT, LINKUSDT, DOTUSDT, TRXUSDT, ATOMUSDT, NEARUSDT, UNIUSDT, FILUSDT]
            start: 2022-03-01
            end: 2025-01-01
            factors: [mom_30_1, mom_1_0, rev_1]
            horizons: [1, 5, 20]
            quantiles: 5
            min_symbols: 10
            """;

    @Test
    void plantedMomentumIsPositiveAndOneBarReturnsRevert() throws IOException {
        String root = System.getProperty("quantlake.root");
        Assumptions.assumeTrue(root != null, "skipped: system property quantlake.root is not set (run through Maven)");
        Path klines = Path.of(root, "datasets", "sample", "spot", "monthly", "klines");
        assertTrue(Files.isDirectory(klines), "the committed sample is missing: " + klines);
        FactorResearchConfig config = FactorResearchConfig.bind(ConfigLoader.parse(YAML, "sample test"));
        IngestBatch batch = SampleReads.read(SampleReads.folders(klines, config.universe(), "1d"));
        assertTrue(batch.quarantine().isEmpty(), "quarantined: " + batch.quarantine());
        List<CandleBar> bars = batch.candles();

        FactorResearchResult r = FactorResearch.run(CandleRows.dataset(bars), config);

        long start = Instant.parse("2022-03-01T00:00:00Z").toEpochMilli();
        assertEquals(start, r.ic("mom_30_1", 1).get(0).ts(), "study starts at `start`; the 30-bar warm-up comes from earlier bars");
        IcSummary mom20 = r.summary("mom_30_1", 20);
        IcSummary mom5 = r.summary("mom_30_1", 5);
        // README: past 30 d vs next 30 d +0.130 (t 4.6 over non-overlapping dates, 40 symbols)
        assertTrue(mom20.meanRankIc() > 0.03 && mom20.rankIcNonOverlapping().tStat() > 3, "momentum rank IC at 20 bars: " + mom20);
        assertTrue(mom5.meanRankIc() > 0.0, "momentum rank IC at 5 bars: " + mom5);
        List<IcSummary> decay = r.decay("mom_30_1");
        assertTrue(decay.get(0).meanRankIc() < decay.get(1).meanRankIc() && decay.get(1).meanRankIc() < decay.get(2).meanRankIc(),
                "a slow (45-day half-life) drift: the IC of momentum grows from 1 to 5 to 20 bars: " + decay);
        assertTrue(mom20.spread().mean() > 0.0, "top momentum quintile beats the bottom one over 20 bars: " + mom20.spread());

        IcSummary last1 = r.summary("mom_1_0", 1);
        IcSummary rev1 = r.summary("rev_1", 1);
        // README: past 1 d vs next 1 d −0.103 (t −18.4); the MA(1) with θ = 0.12 makes returns revert
        assertTrue(last1.meanRankIc() < -0.03 && last1.rankIc().tStat() < -5, "1-bar return vs next bar: " + last1);
        // rev_1 = −(1-bar return): its ranks are the reverse, so its rank IC is the exact negative
        assertEquals(-last1.meanRankIc(), rev1.meanRankIc(), 1e-12);
        assertEquals(-1.0, r.correlation().get("mom_1_0", "rev_1"), 1e-12);
        assertTrue(rev1.meanRankAutocorr() < 0.3, "a 1-bar return barely persists: " + rev1.meanRankAutocorr());
        assertTrue(mom20.meanRankAutocorr() > 0.8 && mom20.meanTurnover() < 0.3,
                "30-bar momentum moves slowly: autocorrelation " + mom20.meanRankAutocorr() + ", turnover " + mom20.meanTurnover());
    }
}
