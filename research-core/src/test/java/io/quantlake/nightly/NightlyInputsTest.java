package io.quantlake.nightly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.config.ConfigException;
import io.quantlake.config.ConfigLoader;
import io.quantlake.market.Interval;
import io.quantlake.market.Market;
import io.quantlake.strategy.TargetWeights;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The nightly config, the positions file and the choice of the latest decision (no Spark). */
class NightlyInputsTest {
    private static final Path BASE = Path.of("/conf");

    @TempDir
    Path tmp;

    private static NightlyConfig bind(String yaml) {
        return NightlyConfig.bind(ConfigLoader.parse(yaml, "file n.yaml"), BASE);
    }

    @Test
    void configBindsArchiveOrApiAndResolvesPathsAgainstTheConfigDirectory() {
        NightlyConfig a = bind("ingest: {archive: ../sample}\nstrategy: {config: mr.yaml}\npositions: p.csv\ncash: 500\n");
        assertEquals(new IngestSource.Archive(Path.of("/conf/../sample")), a.ingest().orElseThrow());
        assertEquals(Path.of("/conf/mr.yaml"), a.strategyConfig());
        assertEquals(Path.of("/conf/out/nightly"), a.output());
        assertEquals(500, a.cash().getAsDouble());
        NightlyConfig b = bind("""
                ingest: {api: {market: usdm, symbols: [BTCUSDT], interval: 1h, base_url: 'http://127.0.0.1:1', start: 2024-01-01}}
                factors: {config: f.yaml, days: 3, research: true}
                strategy: {config: mr.yaml}
                positions: p.csv
                output: /tmp/o
                """);
        IngestSource.Api api = (IngestSource.Api) b.ingest().orElseThrow();
        assertEquals(Market.USDM, api.market());
        assertEquals(Interval.H1, api.interval());
        assertEquals(URI.create("http://127.0.0.1:1"), api.baseUrl().orElseThrow());
        assertEquals(3, b.factorDays());
        assertTrue(b.research());
        assertEquals(Path.of("/tmp/o"), b.output());
    }

    @Test
    void configErrorsNameTheKey() {
        String[][] cases = {
            {"strategy: {config: a}\npositions: p\nextra: 1\n", "unknown config key `extra`"},
            {"positions: p\n", "config key `strategy` is required"},
            {"ingest: {}\nstrategy: {config: a}\npositions: p\n", "`ingest.archive` must be given, or `ingest.api` given"},
            {"ingest: {api: {market: spot, symbols: [X]}}\nstrategy: {config: a}\npositions: p\n", "`ingest.api.interval` is required"},
            {"ingest: {api: {market: spot, symbols: [X], interval: 7m}}\nstrategy: {config: a}\npositions: p\n", "`ingest.api.interval` must be one of"},
            {"strategy: {config: a}\npositions: p\nfactors: {config: f, days: 0}\n", "`factors.days`"},
            {"strategy: {config: a}\npositions: p\ncash: -1\n", "`cash`"},
        };
        for (String[] c : cases) {
            ConfigException e = assertThrows(ConfigException.class, () -> bind(c[0]), c[0]);
            assertTrue(e.getMessage().contains(c[1]) && e.getMessage().contains("n.yaml"), e.getMessage());
        }
    }

    @Test
    void positionsReadQuantitiesAndCash() throws IOException {
        Path f = Files.writeString(tmp.resolve("p.csv"), "# held\nsymbol,quantity\nBTCUSDT,0.5\n\nETHUSDT,-2\nUSDT,1000.5\n");
        Positions p = Positions.read(f, OptionalDouble.empty());
        assertEquals(0.5, p.quantity("BTCUSDT"));
        assertEquals(-2, p.quantity("ETHUSDT"));
        assertEquals(0, p.quantity("SOLUSDT"));
        assertEquals(1000.5, p.cash());
        Path noCash = Files.writeString(tmp.resolve("q.csv"), "symbol,quantity\nBTCUSDT,1\n");
        assertEquals(250, Positions.read(noCash, OptionalDouble.of(250)).cash());
    }

    @Test
    void positionErrorsNameFileLineAndValue() throws IOException {
        String[][] cases = {
            {"sym,qty\n", "the header must be 'symbol,quantity'"},
            {"symbol,quantity\nBTCUSDT,abc\n", "line 2: quantity of BTCUSDT is not a number: 'abc'"},
            {"symbol,quantity\nBTCUSDT,1\nBTCUSDT,2\n", "line 3: symbol BTCUSDT is listed twice"},
            {"symbol,quantity\nBTCUSDT\n", "line 2: expected 'symbol,quantity'"},
            {"", "is empty"},
        };
        for (String[] c : cases) {
            Path f = Files.writeString(tmp.resolve("bad.csv"), c[0]);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Positions.read(f, OptionalDouble.empty()));
            assertTrue(e.getMessage().contains(c[1]) && e.getMessage().contains("bad.csv"), e.getMessage());
        }
        Path both = Files.writeString(tmp.resolve("both.csv"), "symbol,quantity\nUSDT,5\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Positions.read(both, OptionalDouble.of(1)))
                .getMessage().contains("cash is given twice"));
    }

    @Test
    void latestTargetsTakeTheLastDecisionRow() {
        double nan = Double.NaN;
        TargetWeights tw = new TargetWeights(4, 2, new boolean[] {true, false, true, false},
                new double[] {0.1, 0.9, nan, nan, 0.6, 0.4, nan, nan});
        LatestTargets latest = LatestTargets.of(tw);
        assertEquals(2, latest.decisionBar());
        assertEquals(List.of(0.6, 0.4), List.of(latest.weights()[0], latest.weights()[1]));
        assertTrue(!latest.decidedAtLastBar(4));
        LatestTargets none = LatestTargets.of(TargetWeights.none(3, 2));
        assertEquals(-1, none.decisionBar());
        assertTrue(Double.isNaN(none.weights()[0]));
    }
}
