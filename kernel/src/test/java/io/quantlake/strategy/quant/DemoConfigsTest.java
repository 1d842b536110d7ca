package io.quantlake.strategy.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.config.BacktestConfig;
import io.quantlake.factorspec.FactorRef;
import io.quantlake.panel.Panel;
import io.quantlake.strategy.ConfiguredStrategy;
import io.quantlake.strategy.TargetWeights;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The demo configs in {@code datasets/configs}: each binds, builds through {@link StrategyRegistry#all()},
 * and (weight strategies) decides on a synthetic panel over its universe; their universes exist in the
 * committed sample when it is there.
 */
class DemoConfigsTest {
    static final Set<String> EXPECTED = Set.of("monthly_rebalance", "inverse_vol", "market_neutral", "sma_cross_tpsl",
            "risk_parity_inverse_vol", "risk_parity_erc", "factor_long_short", "factor_long_only", "market_neutral_beta",
            "market_neutral_risk_hedge", "monthly_rebalance_vol_target", "pair_trading", "sma_cross_tpsl_kelly_capped",
            "pair_trading_vol_target", "factor_long_short_erc_capped", "market_neutral_inverse_vol_net_capped",
            "sma_cross_tpsl_fixed_fraction", "sma_cross_tpsl_exits");

    static Path root() {
        String root = System.getProperty("quantlake.root", "");
        Assumptions.assumeTrue(!root.isEmpty(), "system property quantlake.root not set (run through Maven)");
        return Path.of(root);
    }

    static List<Path> configs() throws IOException {
        try (Stream<Path> s = Files.list(root().resolve("datasets/configs"))) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void everyDemoConfigBuildsAndDecides() throws IOException {
        Set<String> seen = new TreeSet<>();
        for (Path file : configs()) {
            seen.add(file.getFileName().toString().replace(".yaml", ""));
            BacktestConfig c = BacktestConfig.load(file);
            ConfiguredStrategy s = c.strategy().built();
            if (!(s instanceof ConfiguredStrategy.Weight w)) {
                continue;
            }
            String[] universe = c.universe().toArray(new String[0]);
            // the factors' values stand in for the ones Spark attaches (research-core FactorLibraryTest)
            Panel p = QuantPanels.withFactors(QuantPanels.market(universe, 400, universe.length),
                    c.strategy().requiredFactors().stream().map(FactorRef::name).toArray(String[]::new));
            TargetWeights tw = w.strategy().targets(p);
            int decisions = 0;
            for (int t = 0; t < tw.bars(); t++) {
                if (!tw.decision()[t]) {
                    continue;
                }
                decisions++;
                for (int i = 0; i < universe.length; i++) {
                    double x = tw.weights()[t * universe.length + i];
                    assertTrue(Double.isFinite(x) && Math.abs(x) <= 2, file + ": weight " + x);
                    assertTrue(c.market().code().equals("usdm") || x >= 0, file + ": short in spot");
                }
            }
            assertTrue(decisions >= 5, file + " decides " + decisions + " times in 400 bars");
        }
        assertEquals(new TreeSet<>(EXPECTED), seen);
    }

    @Test
    void demoUniversesExistInTheSample() throws IOException {
        Path sample = root().resolve("datasets/sample");
        Assumptions.assumeTrue(Files.isDirectory(sample), "datasets/sample not generated in this checkout: " + sample);
        for (Path file : configs()) {
            BacktestConfig c = BacktestConfig.load(file);
            String market = c.market().code().equals("usdm") ? "futures/um" : "spot";
            for (String symbol : c.universe()) {
                Path dir = sample.resolve(market + "/monthly/klines/" + symbol + "/" + c.interval().code());
                assertTrue(Files.isDirectory(dir), file.getFileName() + ": no sample candles for " + symbol + " in " + dir);
                if (market.equals("futures/um")) {
                    assertTrue(Files.isDirectory(sample.resolve("futures/um/monthly/fundingRate/" + symbol)),
                            file.getFileName() + ": no sample funding for " + symbol);
                }
            }
        }
    }
}
