package io.quantlake.strategy.quant;

import io.quantlake.spark.SharedSpark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.backtest.PanelCandles;
import io.quantlake.factorspec.FactorRef;
import io.quantlake.ingest.CandleBar;
import io.quantlake.ingest.CsvCandleReader;
import io.quantlake.ingest.IngestBatch;
import io.quantlake.market.Interval;
import io.quantlake.market.Market;
import io.quantlake.panel.Panel;
import io.quantlake.panel.PanelBuilder;
import io.quantlake.schedule.RebalanceSchedule;
import io.quantlake.spark.SharedSpark;
import io.quantlake.strategy.TargetWeights;
import io.quantlake.strategy.reference.MarketNeutralStrategy;
import io.quantlake.strategy.reference.Selection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Smoke test on real Binance spot 1d candles (shared/data/binance-spot-2024) for six symbols: WIFUSDT
 * lists on 2024-03-05, BTCUSDT, ETHUSDT and LTCUSDT end on 09-05 (their delisting bar, R5) while the others
 * run to 09-06. Checks sums, signs and the R6/R7 zeros of every quant strategy.
 */
class QuantRealDataTest {
    static final String[] SYMBOLS = {"BTCUSDT", "ETHUSDT", "SOLUSDT", "XRPUSDT", "LTCUSDT", "WIFUSDT"};
    static final int N = SYMBOLS.length;
    static Panel panel;

    @BeforeAll
    static void load() throws IOException {
        String shared = System.getProperty("quantlake.shared", "");
        Path dir = Path.of(shared, "data", "binance-spot-2024", "1d");
        Assumptions.assumeTrue(!shared.isEmpty() && Files.isDirectory(dir),
                "real-data smoke test skipped: " + dir + " not found (system property quantlake.shared)");
        PanelBuilder b = Panel.builder(Interval.D1, SYMBOLS);
        for (String symbol : SYMBOLS) {
            IngestBatch batch = CsvCandleReader.read(SharedSpark.spark(), dir.resolve(symbol + ".csv"), Market.SPOT, Interval.D1).collect();
            assertEquals(List.of(), batch.quarantine(), symbol);
            for (CandleBar c : batch.candles()) {
                b.bar(symbol, c.openTime(), c.open(), c.high(), c.low(), c.close(), c.volume());
            }
        }
        panel = b.build();
    }

    /** Checks R6/R7 zeros and returns the number of decisions; {@code rowCheck} sees each decision row. */
    static int eachDecision(TargetWeights tw, java.util.function.BiConsumer<Integer, double[]> rowCheck) {
        int decisions = 0;
        for (int t = 0; t < tw.bars(); t++) {
            if (!tw.decision()[t]) {
                continue;
            }
            decisions++;
            double[] row = java.util.Arrays.copyOfRange(tw.weights(), t * N, t * N + N);
            for (int i = 0; i < N; i++) {
                assertTrue(Double.isFinite(row[i]), SYMBOLS[i] + " at " + t);
                if (!panel.exists(t, i) || !panel.hasBar(t, i)) {
                    assertEquals(0.0, row[i], SYMBOLS[i] + " not listed at bar " + t);
                }
            }
            rowCheck.accept(t, row);
        }
        return decisions;
    }

    static double sum(double[] row, int sign) {
        double s = 0;
        for (double x : row) {
            s += sign > 0 ? Math.max(x, 0) : Math.min(x, 0);
        }
        return s;
    }

    @Test
    void riskParityIsLongOnlyAndSumsToOneOrTheVolTarget() {
        CovarianceModel lw = new CovarianceModel(new CovarianceModel.Ewma(20), CovarianceModel.Shrinkage.LEDOIT_WOLF);
        TargetWeights erc = new RiskParityStrategy(RiskParityStrategy.Method.ERC, 30, lw, Optional.empty(),
                new RebalanceSchedule.Daily()).targets(panel);
        int wif = panel.indexOf("WIFUSDT");
        int decisions = eachDecision(erc, (t, row) -> {
            assertEquals(0.0, sum(row, -1));
            assertEquals(1.0, sum(row, 1), 1e-12);
            assertEquals(t >= panel.firstBar(wif) + 30, row[wif] > 0, "WIF needs 31 bars, t=" + t);
        });
        assertEquals(panel.bars() - 30, decisions);
        int btcDelisting = panel.delistingBar(panel.indexOf("BTCUSDT"));
        assertEquals(panel.bars() - 2, btcDelisting);
        assertEquals(0.0, erc.weights()[btcDelisting * N]);
        TargetWeights vt = new RiskParityStrategy(RiskParityStrategy.Method.INVERSE_VOL, 60,
                new CovarianceModel(new CovarianceModel.Sample(), CovarianceModel.Shrinkage.NONE),
                Optional.of(new VolTargeting(0.30, 1)), new RebalanceSchedule.Weekly(1)).targets(panel);
        eachDecision(vt, (t, row) -> {
            assertEquals(0.0, sum(row, -1));
            double gross = sum(row, 1);
            assertTrue(gross > 0.2 && gross <= 1 + 1e-12, "crypto vol ~50-80%: a 30% target holds 0.3..0.7, got " + gross);
        });
    }

    @Test
    void factorLongShortAndLongOnly() {
        CompositeScore score = new CompositeScore(List.of(new CompositeScore.Component(FactorRef.of("mom_20_1"), 1),
                new CompositeScore.Component(FactorRef.of("rev_3"), 0.5),
                new CompositeScore.Component(FactorRef.of("rvol_20"), -0.5)));
        // the research definitions computed by Spark over the real candles (FactorPanels), as a backtest attaches them
        Panel panel = PanelCandles.withFactors(SharedSpark.spark(), QuantRealDataTest.panel, Market.SPOT, score.factors());
        TargetWeights ls = new FactorStrategy(score, new FactorStrategy.LongShort(new Selection.Counts(2, 2), 0.6, 0.4,
                Optional.empty()), new RebalanceSchedule.Weekly(1)).targets(panel);
        assertTrue(eachDecision(ls, (t, row) -> {
            assertEquals(0.6, sum(row, 1), 1e-12);
            assertEquals(-0.4, sum(row, -1), 1e-12);
        }) >= 30);
        TargetWeights lo = new FactorStrategy(score, new FactorStrategy.LongOnly(new Selection.Quantiles(0.5, 0), true),
                new RebalanceSchedule.Monthly(1)).targets(panel);
        assertTrue(eachDecision(lo, (t, row) -> {
            assertEquals(0.0, sum(row, -1));
            assertEquals(1.0, sum(row, 1), 1e-12);
        }) >= 7);
    }

    @Test
    void marketNeutralBetaHasZeroBetaToBtc() {
        RollingBeta beta = new RollingBeta(30, new MarketIndex.Symbol("BTCUSDT"));
        TargetWeights tw = new BetaNeutralStrategy(MarketNeutralStrategy.momentum(20, 1, 2, 2, 0.5, 0.5,
                new RebalanceSchedule.Weekly(1)), beta).targets(panel);
        boolean[] all = new boolean[panel.bars()];
        java.util.Arrays.fill(all, true);
        double[] b = beta.betas(panel, all);
        int decisions = eachDecision(tw, (t, row) -> {
            double exposure = 0;
            for (int i = 0; i < N; i++) {
                exposure += row[i] == 0 ? 0 : row[i] * b[t * N + i];
            }
            assertEquals(0.0, exposure, 1e-12, "Σ w β at bar " + t);
            assertEquals(0.5, sum(row, 1), 1e-12);
            assertTrue(sum(row, -1) < 0);
        });
        assertTrue(decisions >= 25, "decisions " + decisions);
    }
}
