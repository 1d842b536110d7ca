package io.quantlake.sweep;

import io.quantlake.config.BacktestConfig;
import io.quantlake.config.ConfigDocument;
import io.quantlake.config.ConfigException;
import io.quantlake.config.ConfigLoader;
import io.quantlake.config.ConfigNode;
import io.quantlake.config.StrategyConfig;
import io.quantlake.config.StrategyRegistry;
import io.quantlake.factorspec.FactorRef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * A parameter sweep, bound strictly from YAML (unknown keys are errors naming the key, the file
 * and the accepted keys):
 *
 * <pre>
 * base: mn.yaml                 # the base backtest config, relative to this file; optional when
 *                               # given separately (quantlake sweep --config mn.yaml --grid this.yaml)
 * grid:                         # exactly one of grid / random
 *   lookback: [10, 20, 40]
 *   schedule: [{every: 5}, {monthly: 1}]
 * random: {samples: 50, seed: 7, params: {lookback: {min: 5, max: 60, int: true}, band: {min: 0, max: 0.05},
 *          schedule: [{every: 5}, {every: 10}]}}
 * validation:                   # exactly one of
 *   walk_forward: {train_bars: 120, test_bars: 30, step_bars: 30, anchored: false}  # step default test_bars
 *   purged_kfold: {folds: 5, embargo_bars: 5}                                         # embargo default 0
 * objective: sharpe             # total_return | cagr | volatility | sharpe | sortino | max_drawdown | calmar
 * overfitting: {blocks: 16}     # CSCV blocks S for the PBO (even, 2..20; default 16)
 * progress: {chunk_sets: 256, seconds: 30}  # sets per Spark job and Delta commit; console line interval
 * </pre>
 *
 * A swept key replaces that key of the base config's {@code strategy.params}; every other setting
 * (universe, window, costs, the portfolio sections {@code sizing}, {@code hedge} and the risk caps, …) is the
 * base config's, so a set's backtest is {@code backtest} of the base config with the set's params.
 *
 * @param base            the base backtest configuration
 * @param space           the grid or random search
 * @param validation      walk-forward or purged k-fold
 * @param objective       the metric sets are ranked by
 * @param cscvBlocks      S of the PBO
 * @param chunkSets       parameter sets per Spark job (and per Delta commit of results: the resume step)
 * @param progressSeconds seconds between progress lines while a chunk runs
 * @param origin          where the sweep config came from, e.g. {@code file conf/sweep.yaml}
 * @param rawYaml         the sweep config's text
 */
public record SweepConfig(BacktestConfig base, ParamSpace space, ValidationScheme validation, Objective objective,
                          int cscvBlocks, int chunkSets, int progressSeconds, String origin, String rawYaml) {
    /**
     * The registry a sweep both checks its parameter sets with ({@link #parameterSets()}) and runs them with
     * ({@link SetEvaluator}): every strategy the project ships, as {@code backtest} uses.
     */
    public static final StrategyRegistry REGISTRY = StrategyRegistry.all();
    /** Top-level keys. */
    public static final String[] KEYS = {"base", "grid", "random", "validation", "objective", "overfitting", "progress"};

    public SweepConfig {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(objective, "objective");
        if (cscvBlocks < 2 || cscvBlocks % 2 != 0 || cscvBlocks > BacktestOverfitting.MAX_BLOCKS) {
            throw new IllegalArgumentException("overfitting.blocks must be even and in [2, "
                    + BacktestOverfitting.MAX_BLOCKS + "], got " + cscvBlocks);
        }
        if (chunkSets < 1 || progressSeconds < 1) {
            throw new IllegalArgumentException("progress.chunk_sets and progress.seconds must be >= 1, got "
                    + chunkSets + ", " + progressSeconds);
        }
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(rawYaml, "rawYaml");
    }

    /** Loads a sweep file whose {@code base} key names the base backtest config (relative to the sweep file). */
    public static SweepConfig load(Path sweepFile) {
        ConfigDocument doc = ConfigLoader.load(sweepFile);
        ConfigNode root = doc.root();
        if (!root.has("base")) {
            throw root.missing("base", " the base backtest config file (or give it separately: --config)");
        }
        return bind(doc, BacktestConfig.load(resolveBase(sweepFile, root)));
    }

    /**
     * Loads the CLI form {@code --config baseFile --grid sweepFile}; a {@code base} key in the sweep
     * file must then name the same file.
     */
    public static SweepConfig load(Path baseFile, Path sweepFile) {
        ConfigDocument doc = ConfigLoader.load(sweepFile);
        ConfigNode root = doc.root();
        if (root.has("base")) {
            Path inFile = resolveBase(sweepFile, root).toAbsolutePath().normalize();
            if (!inFile.equals(baseFile.toAbsolutePath().normalize())) {
                throw root.invalid("base", "absent or the base config given separately (" + baseFile + ")",
                        root.require("base"));
            }
        }
        return bind(doc, BacktestConfig.load(baseFile));
    }

    /** Binds a sweep document with an already loaded base config ({@code base}, if present, is not read). */
    public static SweepConfig bind(ConfigDocument doc, BacktestConfig base) {
        ConfigNode root = doc.root();
        root.allowOnly(KEYS);
        root.requireAll("validation");
        ParamSpace space = ParamSpace.bind(root);
        ValidationScheme validation;
        try {
            validation = ValidationScheme.bind(root.object("validation"));
        } catch (ConfigException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage() + " (" + doc.origin() + ")", e);
        }
        ConfigNode overfitting = root.objectOrEmpty("overfitting");
        overfitting.allowOnly("blocks");
        int blocks = overfitting.integer("blocks", 2, BacktestOverfitting.MAX_BLOCKS, 16);
        if (blocks % 2 != 0) {
            throw overfitting.invalid("blocks", "an even integer in [2, " + BacktestOverfitting.MAX_BLOCKS + "]",
                    overfitting.require("blocks"));
        }
        ConfigNode progress = root.objectOrEmpty("progress");
        progress.allowOnly("chunk_sets", "seconds");
        return new SweepConfig(base, space, validation, Objective.bind(root), blocks,
                progress.integer("chunk_sets", 1, Integer.MAX_VALUE, 256),
                progress.integer("seconds", 1, Integer.MAX_VALUE, 30), doc.origin(), doc.text());
    }

    /**
     * The parameter sets in their deterministic order, each checked by binding it ({@link #backtest}: an
     * invalid set fails here, before any Spark work, naming the param, the set and the file).
     */
    public List<ParameterSet> parameterSets() {
        StrategyConfig strategy = base.strategy();
        List<ParameterSet> sets = space.expand(strategy.name(), strategy.params().json());
        List<ParameterSet> checked = new ArrayList<>(sets.size());
        for (ParameterSet s : sets) {
            backtest(s);
            checked.add(s);
        }
        return checked;
    }

    /**
     * The factors any parameter set reads from the panel ({@link StrategyConfig#requiredFactors}), each once in
     * sweep order: the sweep computes them all over the lake before it broadcasts the panel.
     */
    public List<FactorRef> requiredFactors() {
        LinkedHashSet<FactorRef> out = new LinkedHashSet<>(base.strategy().requiredFactors());
        for (ParameterSet s : parameterSets()) {
            out.addAll(backtest(s).strategy().requiredFactors());
        }
        return List.copyOf(out);
    }

    /** The base config with the strategy params of {@code set}, bound ({@link BacktestConfig#withParams}). */
    public BacktestConfig backtest(ParameterSet set) {
        return base.withParams(REGISTRY, set.params(),
                "parameter set " + set.index() + " " + set.hash() + " of sweep " + origin);
    }

    /** The text stored in {@code runs.config}: the sweep YAML, then the base YAML as a second document. */
    public String runConfigText() {
        return "# sweep (" + origin + ")\n" + rawYaml + (rawYaml.endsWith("\n") ? "" : "\n") + "---\n# base ("
                + base.origin() + ")\n" + base.rawYaml();
    }

    private static Path resolveBase(Path sweepFile, ConfigNode root) {
        Path base = Path.of(root.string("base"));
        Path dir = sweepFile.toAbsolutePath().getParent();
        return base.isAbsolute() || dir == null ? base : dir.resolve(base);
    }
}
