package io.quantlake.research;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.config.ConfigException;
import io.quantlake.config.ConfigLoader;
import io.quantlake.factor.Momentum;
import io.quantlake.factor.RealizedVolatility;
import io.quantlake.factor.UserFactor;
import io.quantlake.market.Interval;
import io.quantlake.market.Market;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The YAML binding of a factor study: defaults, and errors that name the key, the file and the accepted values. */
class FactorResearchConfigTest {
    private static final String ORIGIN = "file conf/research.yaml";

    private static FactorResearchConfig bind(String yaml) {
        return FactorResearchConfig.bind(ConfigLoader.parse(yaml, ORIGIN));
    }

    private static String error(String yaml) {
        return assertThrows(ConfigException.class, () -> bind(yaml)).getMessage();
    }

    @Test
    void fullConfigBindsEveryKey() {
        FactorResearchConfig c = bind("""
                market: usdm
                interval: 4h
                universe: [BTCUSDT, ETHUSDT]
                start: 2024-01-01
                end: 2024-06-01T12:00:00Z
                factors: [mom_30_1, rvol_20]
                composites: {qm: {mom_30_1: 1.0, rvol_20: -0.5}}
                horizons: [1, 3]
                quantiles: 4
                min_symbols: 8
                """);
        assertEquals(Market.USDM, c.market());
        assertEquals(Interval.H4, c.interval());
        assertEquals(List.of("BTCUSDT", "ETHUSDT"), c.universe());
        assertEquals(Instant.parse("2024-01-01T00:00:00Z"), c.start().orElseThrow());
        assertEquals(Instant.parse("2024-06-01T12:00:00Z"), c.end().orElseThrow());
        assertEquals(List.of(new Momentum(30, 1), new RealizedVolatility(20)), c.spec().factors());
        assertEquals("qm", c.spec().composites().get(0).name());
        assertEquals(List.of("mom_30_1", "rvol_20", "qm"), c.spec().names());
        assertEquals(List.of(1, 3), c.spec().horizons());
        assertEquals(4, c.spec().quantiles());
        assertEquals(8, c.spec().minSymbols());
        assertEquals(ORIGIN, c.origin());
        assertTrue(c.rawYaml().contains("mom_30_1"));
    }

    @Test
    void defaultsStudyEverySymbolAndDateAtOneFiveAndTwentyBars() {
        FactorResearchConfig c = bind("market: spot\ninterval: 1d\nfactors: [rev_1]\n");
        assertTrue(c.universe().isEmpty() && c.start().isEmpty() && c.end().isEmpty());
        assertEquals(List.of(1, 5, 20), c.spec().horizons());
        assertEquals(5, c.spec().quantiles());
        assertEquals(5, c.spec().minSymbols());
        assertTrue(bind("market: spot\ninterval: 1d\nuniverse: all\nfactors: [rev_1]\nquantiles: 10\n").universe().isEmpty());
        assertEquals(10, bind("market: spot\ninterval: 1d\nfactors: [rev_1]\nquantiles: 10\n").spec().minSymbols(),
                "min_symbols defaults to at least the number of quantiles");
    }

    @Test
    void errorsNameTheKeyTheFileAndTheAcceptedValues() {
        String base = "market: spot\ninterval: 1d\n";
        assertEquals("unknown config key `horizon` (file conf/research.yaml); accepted keys: market, interval, universe, start, "
                + "end, factors, composites, horizons, quantiles, min_symbols", error(base + "factors: [rev_1]\nhorizon: [1]\n"));
        assertEquals("config key `factors` is required (file conf/research.yaml); list the factors to study (and/or `composites`)",
                error(base));
        assertEquals("config key `market` must be one of spot, usdm, got \"futures\" (file conf/research.yaml)",
                error("market: futures\ninterval: 1d\nfactors: [rev_1]\n"));
        assertTrue(error("market: spot\ninterval: 2d\nfactors: [rev_1]\n").startsWith("config key `interval` must be one of 1m, "));
        String unknown = error(base + "factors: [rev_1, momentum_30]\n");
        assertTrue(unknown.startsWith("config key `factors` entry \"momentum_30\" is not a factor: unknown factor 'momentum_30'; accepted: mom_L_S")
                && unknown.endsWith("(file conf/research.yaml)"), unknown);
        assertEquals("config key `horizons` must be a non-empty list of distinct integers >= 1 (bars), got [1,0] (file conf/research.yaml)",
                error(base + "factors: [rev_1]\nhorizons: [1, 0]\n"));
        assertEquals("config key `horizons` must be a non-empty list of distinct integers >= 1 (bars), got [5,5] (file conf/research.yaml)",
                error(base + "factors: [rev_1]\nhorizons: [5, 5]\n"));
        assertEquals("config key `min_symbols` must be an integer >= 5, got 4 (file conf/research.yaml)",
                error(base + "factors: [rev_1]\nquantiles: 5\nmin_symbols: 4\n"));
        assertEquals("config key `quantiles` must be an integer in [2, 100], got 1 (file conf/research.yaml)",
                error(base + "factors: [rev_1]\nquantiles: 1\n"));
        assertEquals("config key `universe` must be `all` or a list of symbols, got \"everything\" (file conf/research.yaml)",
                error(base + "factors: [rev_1]\nuniverse: everything\n"));
        assertEquals("config key `end` must be after start 2024-02-01T00:00:00Z, got \"2024-01-01\" (file conf/research.yaml)",
                error(base + "factors: [rev_1]\nstart: 2024-02-01\nend: 2024-01-01\n"));
        assertEquals("config key `start` must be a UTC date (2024-01-01) or an ISO-8601 date-time (2024-01-01T00:00:00Z), "
                + "got \"yesterday\" (file conf/research.yaml)", error(base + "factors: [rev_1]\nstart: yesterday\n"));
        assertTrue(error(base + "factors: [rev_1]\ncomposites: {qm: {mom_30_1: 0}}\n")
                .startsWith("config key `composites.qm`: weight of mom_30_1 must be finite and non-zero"));
        assertTrue(error(base + "factors: [rev_1]\ncomposites: {rev_1: {mom_30_1: 1}}\n")
                .contains("composite name 'rev_1' is already used"));
    }

    @Test
    void factorsMixNamesAndUserExpressionsWithDerivedWarmup() {
        FactorResearchConfig c = bind("""
                market: spot
                interval: 1d
                factors:
                  - mom_30_1
                  - {name: vol_adj_mom, expr: "(close / lag(close, 30) - 1) / stddev(ln(close / lag(close, 1))) over last 30"}
                  - rvol_20
                composites: {qm: {vol_adj_mom: 1.0, rvol_20: -0.5}}
                """);
        List<io.quantlake.factor.Factor> factors = c.spec().factors();
        assertEquals(List.of("mom_30_1", "vol_adj_mom", "rvol_20", "qm"), c.spec().names());
        UserFactor vam = (UserFactor) factors.get(1);
        assertEquals(31, vam.warmup(), "lag 30: 31 bars; 30 returns of two bars each: 31 bars");
        assertEquals(ORIGIN, vam.origin());
        assertEquals(vam, c.spec().composites().get(0).components().get(0).factor(), "a composite takes the user factor");
    }

    @Test
    void userFactorErrorsAreOneLineNamingFactorFileAndProblem() {
        String base = "market: spot\ninterval: 1d\n";
        assertEquals("factor peek (file conf/research.yaml): look-ahead: lead(…) reads later bars; use lag(x, k) for earlier "
                + "ones in `lead(close, 1) / close`", error(base + "factors: [rev_1, {name: peek, expr: \"lead(close, 1) / close\"}]\n"));
        assertEquals("factor peek (file conf/research.yaml): look-ahead: the frame ROWS BETWEEN CURRENT ROW AND 1 FOLLOWING "
                        + "reaches 1 FOLLOWING (past the current row) in `avg(close) OVER (PARTITION BY symbol ORDER BY open_time "
                        + "ROWS BETWEEN CURRENT ROW AND 1 FOLLOWING)`",
                error(base + "factors:\n  - name: peek\n    expr: avg(close) OVER (PARTITION BY symbol ORDER BY open_time ROWS "
                        + "BETWEEN CURRENT ROW AND 1 FOLLOWING)\n"));
        assertEquals("factor vam (file conf/research.yaml): unknown column 'clos'; columns: open, high, low, close, volume, qv, ret "
                + "in `clos / lag(close, 5)`", error(base + "factors: [{name: vam, expr: \"clos / lag(close, 5)\"}]\n"));
        assertEquals("factor vam (file conf/research.yaml): syntax error: Syntax error at or near end of input: missing ')'. (line 1, pos 17) "
                + "in `close / lag(close`", error(base + "factors: [{name: vam, expr: \"close / lag(close\"}]\n"));
        assertTrue(error(base + "factors: [{name: rev_1, expr: close}]\n")
                .startsWith("factor rev_1 (file conf/research.yaml): the name is taken by the built-in factor form"));
        assertEquals("unknown config key `factors[0].exp` (file conf/research.yaml); accepted keys: name, expr",
                error(base + "factors: [{name: vam, exp: close}]\n"));
        assertEquals("config key `factors[1].expr` is required (file conf/research.yaml); required keys: name, expr",
                error(base + "factors: [rev_1, {name: vam}]\n"));
        assertEquals("config key `factors[0]` must be a factor name or a mapping {name: …, expr: …}, got 5 (file conf/research.yaml)",
                error(base + "factors: [5]\n"));
    }

    @Test
    void specRejectsImpossibleStudies() {
        List<io.quantlake.factor.Factor> mom = List.of(new Momentum(5, 1));
        assertEquals("horizons must be >= 1 bar, got 0 in [0]",
                assertThrows(IllegalArgumentException.class, () -> FactorResearchSpec.of(mom, List.of(0))).getMessage());
        assertEquals("minSymbols must be >= max(3, quantiles = 5), got 4",
                assertThrows(IllegalArgumentException.class, () -> new FactorResearchSpec(mom, List.of(), List.of(1), 5, 4)).getMessage());
        assertEquals("factor research needs at least one factor or composite",
                assertThrows(IllegalArgumentException.class, () -> FactorResearchSpec.of(List.of(), List.of(1))).getMessage());
    }

    @Test
    void seriesStatsSkipNaNAndGiveIrAndT() {
        SeriesStats s = SeriesStats.of(new double[] {0.1, Double.NaN, 0.3, 0.2});
        // mean 0.2; deviations −0.1, 0.1, 0: ss = 0.02, sd = √(0.02 / 2) = 0.1; IR 2; t = 0.2 / (0.1 / √3)
        assertEquals(3, s.n());
        assertEquals(0.2, s.mean(), 1e-15);
        assertEquals(0.1, s.sd(), 1e-15);
        assertEquals(2.0, s.ir(), 1e-12);
        assertEquals(2.0 * Math.sqrt(3), s.tStat(), 1e-12);
        assertTrue(Double.isNaN(SeriesStats.of(new double[] {0.5}).tStat()), "one value has no sd");
        assertTrue(Double.isNaN(SeriesStats.of(new double[] {0.5, 0.5}).ir()), "zero sd has no IR");
        assertEquals(0, SeriesStats.of(new double[0]).n());
        assertEquals(SeriesStats.of(new double[] {0.1, 0.3}), SeriesStats.everyNth(new double[] {0.1, 9, 9, 0.3, 9}, 3));
    }

    @Test
    void theDemoResearchConfigBinds() {
        String root = System.getProperty("quantlake.root");
        org.junit.jupiter.api.Assumptions.assumeTrue(root != null, "skipped: quantlake.root is not set (run through Maven)");
        FactorResearchConfig c = FactorResearchConfig.load(java.nio.file.Path.of(root, "datasets/configs/research/factors.yaml"));
        assertTrue(c.universe().isEmpty(), "universe: all");
        assertEquals(List.of("mom_30_1", "rev_1", "rvol_20", "amihud_20", "beta_ew_60", "high_ratio_60", "vol_adj_mom"),
                c.spec().names());
        assertEquals(31, c.spec().factors().get(6).warmup());
        assertEquals(List.of(1, 5, 20), c.spec().horizons());
    }
}
