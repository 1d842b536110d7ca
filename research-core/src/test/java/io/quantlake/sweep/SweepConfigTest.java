package io.quantlake.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.config.ConfigException;
import io.quantlake.config.ConfigLoader;
import io.quantlake.factorspec.FactorRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Binding the sweep YAML, in both forms (base inside the sweep file, or given separately). */
class SweepConfigTest {
    private static final String SWEEP = """
            grid: {lookback: [10, 20], schedule: [{every: 5}, {every: 10}]}
            validation: {walk_forward: {train_bars: 100, test_bars: 50}}
            """;

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    @Test
    void baseInsideTheSweepFileIsRelativeToIt() throws IOException {
        write("conf/base.yaml", SweepFixtures.BASE_YAML);
        Path sweep = write("conf/sweep.yaml", "base: base.yaml\n" + SWEEP);
        SweepConfig c = SweepConfig.load(sweep);
        assertEquals("inverse_vol", c.base().strategy().name());
        assertEquals(new ValidationScheme.WalkForward(100, 50, 50, false), c.validation());
        assertEquals(Objective.SHARPE, c.objective());
        assertEquals(16, c.cscvBlocks());
        assertEquals(4, c.parameterSets().size());
        assertEquals(20, ((Number) c.backtest(c.parameterSets().get(2)).strategy().params().json().get("lookback")
                .numberValue()).intValue());
        assertTrue(c.runConfigText().contains("base: base.yaml") && c.runConfigText().contains("name: inverse_vol"));
    }

    @Test
    void baseGivenSeparatelyAsTheCliDoes() throws IOException {
        Path base = write("base.yaml", SweepFixtures.BASE_YAML);
        Path sweep = write("grids/sweep.yaml", SWEEP + "objective: calmar\nprogress: {chunk_sets: 8}\n");
        SweepConfig c = SweepConfig.load(base, sweep);
        assertEquals(Objective.CALMAR, c.objective());
        assertEquals(8, c.chunkSets());
        assertEquals(4, c.parameterSets().size());
        Path same = write("grids/same.yaml", "base: ../base.yaml\n" + SWEEP);
        assertEquals(4, SweepConfig.load(base, same).parameterSets().size());
        Path other = write("grids/other.yaml", "base: other.yaml\n" + SWEEP);
        ConfigException e = assertThrows(ConfigException.class, () -> SweepConfig.load(base, other));
        assertTrue(e.getMessage().startsWith("config key `base` must be absent or the base config given separately"),
                e.getMessage());
    }

    @Test
    void sweepFileWithoutBaseNeedsItSeparately() throws IOException {
        Path sweep = write("sweep.yaml", SWEEP);
        ConfigException e = assertThrows(ConfigException.class, () -> SweepConfig.load(sweep));
        assertTrue(e.getMessage().startsWith("config key `base` is required (file " + sweep + ")"), e.getMessage());
    }

    @Test
    void errorsNameKeyFileAndAcceptedValues() {
        ConfigException objective = assertThrows(ConfigException.class, () -> bind(SWEEP + "objective: alpha\n"));
        assertEquals("config key `objective` must be one of total_return, cagr, volatility, sharpe, sortino,"
                + " max_drawdown, calmar, got \"alpha\" (file s.yaml)", objective.getMessage());
        ConfigException unknown = assertThrows(ConfigException.class, () -> bind(SWEEP + "folds: 3\n"));
        assertTrue(unknown.getMessage().startsWith("unknown config key `folds` (file s.yaml); accepted keys: base, grid,"),
                unknown.getMessage());
        ConfigException both = assertThrows(ConfigException.class, () -> bind(
                "grid: {lookback: [10]}\nvalidation: {walk_forward: {train_bars: 5, test_bars: 5},"
                        + " purged_kfold: {folds: 3}}\n"));
        assertEquals("config key `validation` needs exactly one of walk_forward, purged_kfold (file s.yaml)",
                both.getMessage());
        ConfigException blocks = assertThrows(ConfigException.class, () -> bind(SWEEP + "overfitting: {blocks: 7}\n"));
        assertTrue(blocks.getMessage().startsWith("config key `overfitting.blocks` must be an even integer"),
                blocks.getMessage());
        ConfigException folds = assertThrows(ConfigException.class, () -> bind(
                "grid: {lookback: [10]}\nvalidation: {purged_kfold: {folds: 1}}\n"));
        assertEquals("config key `validation.purged_kfold.folds` must be an integer >= 2, got 1 (file s.yaml)",
                folds.getMessage());
    }

    @Test
    void anInvalidParameterSetFailsBeforeAnyWorkNamingTheSet() {
        SweepConfig c = bind("grid: {lookback: [10, 1]}\nvalidation: {purged_kfold: {folds: 4, embargo_bars: 2}}\n");
        ConfigException e = assertThrows(ConfigException.class, c::parameterSets);
        assertTrue(e.getMessage().startsWith("config key `strategy.params.lookback` must be an integer >= 2, got 1"
                + " (parameter set 1 "), e.getMessage());
        assertTrue(e.getMessage().endsWith("of sweep file s.yaml)"), e.getMessage());
    }

    private static SweepConfig bind(String yaml) {
        return SweepConfig.bind(ConfigLoader.parse(yaml, "file s.yaml"), SweepFixtures.base());
    }

    /** The factors every set reads, each once: the sweep computes their union before it broadcasts the panel. */
    @Test
    void requiredFactorsAreTheUnionOverTheSets() {
        String base = SweepFixtures.BASE_YAML.replace("name: inverse_vol", "name: factor").replace(
                "params: {lookback: 20, schedule: {every: 5}, band: 0}",
                "params: {factors: [{name: mom_10_1}], mode: long_only, top: 1, schedule: daily}");
        SweepConfig c = SweepConfig.bind(ConfigLoader.parse("grid: {factors: [[{name: mom_10_1}], [{name: rev_3}, "
                + "{name: rvol_8, weight: -1}], [{name: mom_10_1, weight: 2}]]}\n"
                + "validation: {walk_forward: {train_bars: 100, test_bars: 50}}\n", "sweep test"),
                io.quantlake.config.BacktestConfig.bind(ConfigLoader.parse(base, "base test")));
        assertEquals(3, c.parameterSets().size());
        assertEquals(java.util.List.of(FactorRef.of("mom_10_1"), FactorRef.of("rev_3"), FactorRef.of("rvol_8")),
                c.requiredFactors());
    }
}
