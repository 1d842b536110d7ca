package io.quantlake.stats;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Pins ADF, Engle-Granger and MacKinnon values to statsmodels 0.13.5 (fixtures from make_fixtures.py):
 * statistic to 1e-6 relative, p-value to 1e-6 absolute, lags and nobs exactly. Real-candle cases skip
 * when the shared data is absent.
 */
class StatsmodelsAgreementTest {

    static final double STAT_REL = 1e-6;
    static final double P_ABS = 1e-6;
    static final JsonNode FIXTURES = StatsmodelsFixtures.load();

    @TestFactory
    List<DynamicTest> mackinnonPValuesMatchStatsmodels() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : FIXTURES.get("mackinnon_p")) {
            Trend trend = Trend.fromCode(c.get("regression").asText());
            int n = c.get("n").asInt();
            double stat = c.get("stat").doubleValue();
            tests.add(DynamicTest.dynamicTest("mackinnonp(" + stat + ", " + trend.code() + ", N=" + n + ")",
                    () -> assertEquals(c.get("p").doubleValue(), MacKinnon.pValue(stat, trend, n), 1e-12)));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> mackinnonCriticalValuesMatchStatsmodels() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : FIXTURES.get("mackinnon_crit")) {
            Trend trend = Trend.fromCode(c.get("regression").asText());
            int n = c.get("n").asInt();
            double nobs = c.get("nobs").isNull() ? Double.POSITIVE_INFINITY : c.get("nobs").doubleValue();
            double[] expected = StatsmodelsFixtures.doubles(c.get("crit"));
            tests.add(DynamicTest.dynamicTest("mackinnoncrit(" + n + ", " + trend.code() + ", " + nobs + ")",
                    () -> assertCrit(expected, MacKinnon.criticalValues(trend, n, nobs), 1e-12)));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> adfullerMatchesStatsmodels() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : FIXTURES.get("adf")) {
            Trend trend = Trend.fromCode(c.get("regression").asText());
            tests.add(DynamicTest.dynamicTest(c.get("name").asText() + " [" + trend.code() + "]", () -> {
                double[] x = c.has("series") ? StatsmodelsFixtures.doubles(c.get("series")) : realSeries(c)[1];
                AdfResult r = AugmentedDickeyFuller.test(x, trend);
                assertAll(
                        () -> assertRel(c.get("stat").doubleValue(), r.statistic(), "stat"),
                        () -> assertEquals(c.get("pvalue").doubleValue(), r.pValue(), P_ABS, "pvalue"),
                        () -> assertEquals(c.get("usedlag").asInt(), r.usedLag(), "usedlag"),
                        () -> assertEquals(c.get("nobs").asInt(), r.nobs(), "nobs"),
                        () -> assertRel(c.get("icbest").doubleValue(), r.icBest(), "icbest"),
                        () -> assertCrit(StatsmodelsFixtures.doubles(c.get("crit")), r.criticalValues(), 1e-9));
            }));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> cointMatchesStatsmodels() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : FIXTURES.get("coint")) {
            tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () -> {
                double[] y;
                double[] x;
                if (c.has("y")) {
                    y = StatsmodelsFixtures.doubles(c.get("y"));
                    x = StatsmodelsFixtures.doubles(c.get("x"));
                } else {
                    double[][] s = realSeries(c);
                    y = s[1];
                    x = s[2];
                }
                CointegrationResult r = EngleGranger.coint(y, x);
                double expectedHalfLife = c.get("half_life").isNull()
                        ? Double.POSITIVE_INFINITY : c.get("half_life").doubleValue();
                assertAll(
                        () -> assertRel(c.get("stat").doubleValue(), r.statistic(), "stat"),
                        () -> assertEquals(c.get("pvalue").doubleValue(), r.pValue(), P_ABS, "pvalue"),
                        () -> assertEquals(c.get("lags").asInt(), r.lags(), "lags"),
                        () -> assertEquals(c.get("nobs").asInt(), r.nobs(), "nobs"),
                        () -> assertRel(c.get("alpha").doubleValue(), r.alpha(), "alpha"),
                        () -> assertRel(c.get("beta").doubleValue(), r.beta(), "beta"),
                        () -> assertRel(c.get("ar1_b").doubleValue(), r.ar1Slope(), "ar1_b"),
                        () -> assertEquals(expectedHalfLife, r.halfLife(), 1e-6 * Math.abs(expectedHalfLife),
                                "half_life"),
                        () -> assertCrit(StatsmodelsFixtures.doubles(c.get("crit")), r.criticalValues(), 1e-9));
            }));
        }
        return tests;
    }

    /** The aligned real series named by a case's "source", checked against the rows it recorded. */
    private static double[][] realSeries(JsonNode c) {
        Path root = StatsmodelsFixtures.spotRoot();
        assumeTrue(root != null, "shared data binance-spot-2024 absent (system property quantlake.shared = "
                + System.getProperty("quantlake.shared") + "): skipping real-candle fixture " + c.get("name"));
        JsonNode src = c.get("source");
        double[][] s = StatsmodelsFixtures.alignedLogCloses(root, src.get("interval").asText(),
                src.get("y").asText(), src.get("x").asText());
        int rows = s[0].length;
        assertEquals(src.get("rows").asInt(), rows, "aligned rows of " + src);
        assertEquals(src.get("first_open_time").asLong(), (long) s[0][0], "first open_time of " + src);
        assertEquals(src.get("last_open_time").asLong(), (long) s[0][rows - 1], "last open_time of " + src);
        return s;
    }

    private static void assertRel(double expected, double actual, String what) {
        assertEquals(expected, actual, STAT_REL * Math.abs(expected), what);
    }

    private static void assertCrit(double[] expected, CriticalValues actual, double tol) {
        assertAll(
                () -> assertEquals(expected[0], actual.onePercent(), tol, "1%"),
                () -> assertEquals(expected[1], actual.fivePercent(), tol, "5%"),
                () -> assertEquals(expected[2], actual.tenPercent(), tol, "10%"));
    }
}
