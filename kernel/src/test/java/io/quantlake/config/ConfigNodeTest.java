package io.quantlake.config;

import io.quantlake.sim.ExecutionPrice;
import io.quantlake.sim.FundingMissing;
import io.quantlake.schedule.RebalanceMode;
import io.quantlake.sim.CircuitBreaker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The strict getters every binder builds on. */
class ConfigNodeTest {
    private static ConfigNode yaml(String text) {
        return ConfigLoader.parse(text, "file conf/x.yaml").root();
    }

    private static String error(Runnable r) {
        return assertThrows(ConfigException.class, r::run).getMessage();
    }

    @Test
    void yamlNumberForms() {
        ConfigNode n = yaml("a: 1.0e-3\nb: 0.5\nc: 100000\nd: 5.0\ne: -2\n");
        assertEquals(1e-3, n.number("a", Range.above(0)));
        assertEquals(0.5, n.number("b", Range.closedOpen(0, 1)));
        assertEquals(100000.0, n.number("c", Range.above(0)));
        assertEquals(5, n.integer("d", 1, 10)); // 5.0 is an exact integer
        assertEquals(-2.0, n.number("e", Range.finite()));
    }

    @Test
    void quotedNumbersAreStringsAndRejected() {
        ConfigNode n = yaml("a: \"0.5\"\nb: 2.5\n");
        assertEquals("config key `a` must be a number in [0, 1), got \"0.5\" (file conf/x.yaml)",
                error(() -> n.number("a", Range.closedOpen(0, 1))));
        assertEquals("config key `b` must be an integer in [1, 10], got 2.5 (file conf/x.yaml)",
                error(() -> n.integer("b", 1, 10)));
    }

    @Test
    void enumChoicesUseLowerCaseNames() {
        ConfigNode n = yaml("to: band_edge\nbad: BAND_EDGE\n");
        assertEquals(RebalanceMode.BAND_EDGE, n.choice("to", RebalanceMode.class));
        assertEquals(RebalanceMode.TARGET, n.choice("absent", RebalanceMode.TARGET));
        assertEquals("config key `bad` must be one of target, band_edge, got \"BAND_EDGE\" (file conf/x.yaml)",
                error(() -> n.choice("bad", RebalanceMode.class)));
    }

    @Test
    void nestedPathsAndNullValues() {
        ConfigNode n = yaml("a:\n  b:\n    c: [x, y]\n  n:\n  e: \"\"\n");
        assertEquals(List.of("x", "y"), n.object("a").object("b").stringList("c"));
        assertEquals("a.b.c", n.object("a").object("b").keyPath("c"));
        // `n:` with no value counts as absent
        assertEquals("config key `a.n` is required (file conf/x.yaml)", error(() -> n.object("a").string("n")));
        assertEquals("config key `a.e` must be a non-empty string, got \"\" (file conf/x.yaml)",
                error(() -> n.object("a").string("e")));
        assertEquals("config key `a.b` must be a non-empty string, got {\"c\":[\"x\",\"y\"]} (file conf/x.yaml)",
                error(() -> n.object("a").string("b")));
    }

    @Test
    void inMemoryMapsBehaveLikeYaml() {
        ConfigNode n = ConfigNode.of(Map.of("lookback", 20, "band", 1.5), "strategy.params", "notebook x.ipynb");
        assertEquals(20, n.integer("lookback", 2, Integer.MAX_VALUE));
        assertEquals("config key `strategy.params.band` must be in [0, 1), got 1.5 (notebook x.ipynb)",
                error(() -> n.number("band", Range.closedOpen(0, 1))));
        assertEquals("unknown config key `strategy.params.band` (notebook x.ipynb); accepted keys: lookback",
                error(() -> n.allowOnly("lookback")));
    }

    @Test
    void rangesDescribeThemselves() {
        assertEquals("in [0, 1)", Range.closedOpen(0, 1).describe());
        assertEquals("> 0", Range.above(0).describe());
        assertEquals(">= 0.5", Range.atLeast(0.5).describe());
        assertEquals("in (0, 1]", Range.openClosed(0, 1).describe());
        assertEquals(false, Range.atLeast(0).contains(Double.POSITIVE_INFINITY));
        assertEquals(false, Range.finite().contains(Double.NaN));
    }

    @Test
    void instantsAreUtcDatesOrIsoDateTimesAndIntervalsBinanceCodes() {
        ConfigNode n = yaml("a: 2024-01-01\nb: 2024-01-01T06:00:00+02:00\nc: 2024-01-01T06:00\nd: 20240101\n"
                + "i: 4h\nj: 7h\n");
        assertEquals(java.time.Instant.parse("2024-01-01T00:00:00Z"), n.instant("a"));
        assertEquals(java.time.Instant.parse("2024-01-01T04:00:00Z"), n.instant("b"));
        assertEquals(java.time.Instant.parse("2024-01-01T06:00:00Z"), n.instant("c"), "no offset reads as UTC");
        assertEquals("config key `d` must be a UTC date (2024-01-01) or an ISO-8601 date-time (2024-01-01T00:00:00Z),"
                + " got 20240101 (file conf/x.yaml)", error(() -> n.instant("d")));
        assertEquals(io.quantlake.market.Interval.parse("4h"), n.interval("i"));
        assertEquals("config key `j` must be one of " + io.quantlake.market.Interval.codes() + ", got \"7h\" (file conf/x.yaml)",
                error(() -> n.interval("j")));
    }
}
