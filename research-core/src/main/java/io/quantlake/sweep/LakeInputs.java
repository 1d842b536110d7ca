package io.quantlake.sweep;

import static org.apache.spark.sql.functions.col;

import io.quantlake.backtest.Backtest;
import io.quantlake.backtest.FactorPanels;
import io.quantlake.backtest.LakePanelSource;
import io.quantlake.config.BacktestConfig;
import io.quantlake.factorspec.FactorRef;
import io.quantlake.lake.CandleQuery;
import io.quantlake.lake.CandleStore;
import io.quantlake.lake.FundingSeries;
import io.quantlake.lake.Lake;
import io.quantlake.lake.LakeTable;
import io.quantlake.market.Market;
import io.quantlake.panel.PanelBlocks;
import io.quantlake.sim.FundingSchedule;
import io.quantlake.sim.SymbolFilter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.Row;

/**
 * Reads what a sweep's backtests need from the lake, as {@link io.quantlake.backtest.LakeBacktest}
 * does for one backtest: the base config's universe × interval × window as a panel, its funding in
 * the window (usdm), the known lot step and min notional of the universe, and the factors the sweep's sets read
 * as panel features ({@link FactorPanels}), computed over the lake before the panel is broadcast. A panel over
 * the sweep's memory budget is read and broadcast in chunks ({@link LakePanelSource}, {@link PanelData#blocked}).
 */
final class LakeInputs {
    /** The tables read; their Delta versions go to the sweep's {@code runs.data_versions}. */
    static final List<LakeTable> TABLES = List.of(LakeTable.CANDLES, LakeTable.FUNDING_RATES, LakeTable.SYMBOLS);

    private LakeInputs() {
    }

    /** The whole panel of {@code config}'s window with {@code factors} attached, its funding and filters. */
    static PanelData read(Lake lake, BacktestConfig config, Collection<FactorRef> factors) {
        CandleStore store = new CandleStore(lake);
        CandleQuery query = FactorPanels.query(config);
        return new PanelData(FactorPanels.attach(store.panel(query), store, query, factors, config.origin()),
                funding(store, config), filters(lake, config));
    }

    /**
     * The inputs of {@code sweep} within a memory budget of {@code budgetBytes} (the backtest's rule,
     * {@link Backtest#bytesPerBar} per grid bar): the whole panel when it fits; else the panel to be read from the
     * lake and broadcast in chunks ({@link PanelData#blocked}), each set simulated in time blocks within the
     * budget divided by the tasks a JVM runs at once ({@link #taskSlots}; a chunk is as many bars as such a share:
     * its candle and feature columns are under half of what a bar costs in a run), with the same results. When a set's strategy does not declare its warm-up it cannot run in blocks:
     * the whole panel is read, and {@code log} says so.
     */
    static PanelData read(Lake lake, SweepConfig sweep, long budgetBytes, Consumer<String> log) {
        if (budgetBytes <= 0) {
            throw new IllegalArgumentException("memory budget must be > 0 bytes, got " + budgetBytes);
        }
        BacktestConfig config = sweep.base();
        List<FactorRef> factors = sweep.requiredFactors();
        int features = (int) factors.stream().map(FactorRef::name).distinct().count();
        int symbols = config.universe().size();
        long perBar = Backtest.bytesPerBar(symbols, features);
        long maxBars = (config.endMs() - config.startMs() - 1) / config.interval().millis() + 1;
        if (maxBars * perBar <= budgetBytes) {
            return read(lake, config, factors);
        }
        String over = "the panel (up to " + maxBars + " bars × " + symbols + " symbols, about "
                + (maxBars * perBar >> 20) + " MiB) is over the memory budget of " + mib(budgetBytes);
        for (ParameterSet set : sweep.parameterSets()) {
            BacktestConfig c = sweep.backtest(set);
            if (Backtest.blockWarmup(c) < 0) {
                log.accept("sweep: " + over + ", but parameter set " + set.index() + " " + set.hash() + " (strategy "
                        + c.strategy().name() + ") does not declare the history it reads (warmupBars()), so it cannot"
                        + " run in time blocks: the whole panel is read on the driver and broadcast (" + sweep.origin()
                        + ")");
                return read(lake, config, factors);
            }
        }
        CandleStore store = new CandleStore(lake);
        LakePanelSource source = new LakePanelSource(store, FactorPanels.query(config), factors, config.origin());
        int bars = source.context().times().length;
        if (bars == 0 || (long) bars * perBar <= budgetBytes) {
            return read(lake, config, factors);
        }
        int slots = taskSlots(lake.spark().sparkContext());
        long taskBudget = Math.max(1, budgetBytes / slots);
        int chunkBars = PanelBlocks.blockBars(taskBudget, perBar, 0);
        log.accept("sweep: " + over + ": " + bars + " bars broadcast in " + ((bars + chunkBars - 1) / chunkBars)
                + " chunks of " + chunkBars + " bars read one at a time; each set simulated in time blocks within "
                + mib(taskBudget) + " (the budget shared by the " + slots + " tasks a JVM runs at once)");
        return PanelData.blocked(source, chunkBars, features, taskBudget, funding(store, config), filters(lake, config));
    }

    /**
     * The tasks one JVM runs at once: the local master's threads, else {@code spark.executor.cores} (1 when unset)
     * per {@code spark.task.cpus}.
     */
    static int taskSlots(SparkContext sc) {
        if (sc.isLocal()) {
            return Math.max(1, sc.defaultParallelism());
        }
        return Math.max(1, sc.getConf().getInt("spark.executor.cores", 1) / Math.max(1,
                sc.getConf().getInt("spark.task.cpus", 1)));
    }

    private static String mib(long bytes) {
        return bytes >= 1 << 20 ? (bytes >> 20) + " MiB" : bytes + " bytes";
    }

    /** Symbol → funding schedule in {@code config}'s window (usdm; empty for spot). */
    private static Map<String, FundingSchedule> funding(CandleStore store, BacktestConfig config) {
        Map<String, FundingSchedule> funding = new LinkedHashMap<>();
        if (config.market() == Market.USDM) {
            FundingSeries series = store.funding(config.market(), config.universe(), config.startMs(), config.endMs());
            for (int i = 0; i < series.symbols().length; i++) {
                if (series.times(i).length > 0) {
                    funding.put(series.symbols()[i], new FundingSchedule(series.times(i), series.rates(i), series.marks(i)));
                }
            }
        }
        return funding;
    }

    /** The known lot step and min notional of {@code config}'s universe. */
    private static Map<String, SymbolFilter> filters(Lake lake, BacktestConfig config) {
        Map<String, SymbolFilter> filters = new LinkedHashMap<>();
        if (lake.exists(LakeTable.SYMBOLS)) {
            for (Row r : lake.read(LakeTable.SYMBOLS)
                    .filter(col("market").equalTo(config.market().code()).and(col("symbol").isin(config.universe().toArray())))
                    .select("symbol", "step_size", "min_notional").collectAsList()) {
                SymbolFilter f = new SymbolFilter(r.isNullAt(1) ? Double.NaN : r.getDouble(1),
                        r.isNullAt(2) ? Double.NaN : r.getDouble(2));
                if (!Double.isNaN(f.stepSize()) || !Double.isNaN(f.minNotional())) {
                    filters.put(r.getString(0), f);
                }
            }
        }
        return filters;
    }
}
