package io.quantlake.backtest;

import static org.apache.spark.sql.functions.col;

import io.quantlake.config.BacktestConfig;
import io.quantlake.factorspec.FactorRef;
import io.quantlake.lake.CandleQuery;
import io.quantlake.lake.CandleStore;
import io.quantlake.lake.EquityRow;
import io.quantlake.lake.FundingSeries;
import io.quantlake.lake.Lake;
import io.quantlake.lake.LakeTable;
import io.quantlake.lake.LedgerRow;
import io.quantlake.lake.RunRecord;
import io.quantlake.lake.RunStore;
import io.quantlake.lake.ScanStats;
import io.quantlake.ledger.Ledger;
import io.quantlake.market.Market;
import io.quantlake.metrics.Metrics;
import io.quantlake.panel.Panel;
import io.quantlake.panel.PanelSource;
import io.quantlake.sim.BacktestResult;
import io.quantlake.sim.FundingSchedule;
import io.quantlake.sim.SymbolFilter;
import io.quantlake.tearsheet.BacktestFiles;
import io.quantlake.tearsheet.BacktestTearSheet;
import io.quantlake.tearsheet.Benchmark;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;

/**
 * A backtest against the lake: reads the config's universe × interval × window as a {@link Panel},
 * its funding (usdm) and the known symbol filters, runs {@link Backtest}, and records the run in
 * the Delta tables {@code runs} (config and the Delta versions read), {@code equity} and
 * {@code ledger}.
 */
public final class LakeBacktest {
    private static final List<LakeTable> READ_TABLES =
            List.of(LakeTable.CANDLES, LakeTable.FUNDING_RATES, LakeTable.SYMBOLS);

    private final Lake lake;
    /**
     * Panels and funding already read, valid at the table versions {@link #readAt}: one LakeBacktest serving many
     * runs (the demo, a notebook) reads each universe and window once. Panels are shared read-only.
     */
    private final Map<CandleQuery, CandleStore.PanelRead> panels = new HashMap<>();
    private final Map<CandleQuery, Map<String, FundingSchedule>> fundings = new HashMap<>();
    /** Panels with the factors a config reads attached ({@link FactorPanels}), by query and factors. */
    private final Map<List<Object>, Panel> withFactors = new HashMap<>();
    private Map<String, Long> readAt = Map.of();
    /** The memory budget of a run's panel, bytes: a window over it runs in time blocks ({@link Backtest#run(PanelSource, BacktestConfig, Map, Map, int, long)}). */
    private final long memoryBudget;

    /** Backtests on {@code lake} with the default memory budget ({@link Backtest#defaultBudget()}, a quarter of the heap). */
    public LakeBacktest(Lake lake) {
        this(lake, Backtest.defaultBudget());
    }

    /**
     * Backtests on {@code lake}; a window whose panel would take more than {@code memoryBudgetBytes}
     * ({@link Backtest#bytesPerBar} per grid bar) is read and simulated in consecutive time blocks, with the same
     * results.
     */
    public LakeBacktest(Lake lake, long memoryBudgetBytes) {
        if (memoryBudgetBytes <= 0) {
            throw new IllegalArgumentException("memory budget must be > 0 bytes, got " + memoryBudgetBytes);
        }
        this.lake = lake;
        this.memoryBudget = memoryBudgetBytes;
    }

    /**
     * Reads the data of {@code config} from the lake (or reuses it at unchanged table versions), with the factors it
     * reads computed by Spark over the lake at the same versions ({@link FactorPanels}), and runs it. A
     * window without a single bar of the universe fails ("no candles for &lt;universe&gt; between &lt;start&gt; and
     * &lt;end&gt; in &lt;lake&gt;") before anything is simulated or written.
     */
    public BacktestOutcome run(BacktestConfig config) {
        Map<String, Long> versions = refresh();
        Lake at = lake.pinnedAt(versions); // every read at the versions recorded (a later ingest may commit meanwhile)
        CandleStore store = new CandleStore(at);
        CandleQuery query = FactorPanels.query(config);
        Map<String, FundingSchedule> funding = config.market() == Market.USDM
                ? fundings.computeIfAbsent(query, q -> funding(store.funding(config.market(), config.universe(),
                        config.startMs(), config.endMs())))
                : Map.of();
        List<FactorRef> factors = config.strategy().requiredFactors();
        int features = (int) factors.stream().map(FactorRef::name).distinct().count();
        long maxBars = (config.endMs() - config.startMs() - 1) / config.interval().millis() + 1;
        if (maxBars * Backtest.bytesPerBar(config.universe().size(), features) > memoryBudget) {
            // may be over the budget: the grid decides, then the whole panel or time blocks
            LakePanelSource source = new LakePanelSource(store, query, factors, config.origin());
            if (source.context().times().length == 0) {
                throw noCandles(config);
            }
            return Backtest.run(source, config, funding, filters(at, config), features, memoryBudget)
                    .withDataVersions(versions);
        }
        Panel panel = panel(config, store);
        return Backtest.run(panel, config, funding, filters(at, config)).withDataVersions(versions);
    }

    /** The error of a window without a single bar of the universe. */
    private IllegalArgumentException noCandles(BacktestConfig config) {
        return new IllegalArgumentException("no candles for " + String.join(", ", config.universe()) + " ("
                + config.market() + " " + config.interval() + ") between " + config.start() + " and " + config.end()
                + " in " + lake.root() + " (" + config.origin() + ")");
    }

    /**
     * The panel {@link #run} trades {@code config} on: its window's candles with the factors it reads attached
     * ({@link FactorPanels}), read at the lake's current table versions (or reused at unchanged ones).
     */
    public Panel panel(BacktestConfig config) {
        return panel(config, new CandleStore(lake.pinnedAt(refresh())));
    }

    /** The current table versions; the cached panels and funding are dropped when they changed. */
    private Map<String, Long> refresh() {
        Map<String, Long> versions = lake.versions(READ_TABLES);
        if (!versions.equals(readAt)) {
            panels.clear();
            fundings.clear();
            withFactors.clear();
            readAt = versions;
        }
        return versions;
    }

    private Panel panel(BacktestConfig config, CandleStore store) {
        CandleQuery query = FactorPanels.query(config);
        Panel panel = panels.computeIfAbsent(query, store::read).panel();
        if (panel.bars() == 0) {
            throw noCandles(config);
        }
        List<FactorRef> factors = config.strategy().requiredFactors();
        if (factors.isEmpty()) {
            return panel;
        }
        return withFactors.computeIfAbsent(List.of(query, factors), k -> FactorPanels.attach(panel, store, query, factors,
                config.origin()));
    }

    /**
     * The Delta files and bytes of {@code candles} the read of {@code config}'s window listed (partition pruning
     * and data skipping applied), once {@link #run} has read it at the current table versions; empty otherwise.
     */
    public Optional<ScanStats> candlesRead(BacktestConfig config) {
        CandleStore.PanelRead read = panels.get(CandleQuery.of(config.market(), config.interval(), config.universe(),
                config.start(), config.end()));
        return read == null ? Optional.empty() : read.scan();
    }

    /**
     * BTC buy-and-hold over the backtest's grid, the tear sheet's benchmark: BTCUSDT of the config's
     * market and interval from the lake (whether or not it is in the universe), when the lake has it.
     */
    public Optional<Benchmark> btcBenchmark(BacktestConfig config) {
        String btc = "BTCUSDT";
        CandleStore store = new CandleStore(lake);
        if (store.lastOpenTime(config.market(), config.interval(), btc).isEmpty()) {
            return Optional.empty();
        }
        Panel panel = store.panel(CandleQuery.of(config.market(), config.interval(), List.of(btc), config.start(),
                config.end()));
        return panel.bars() == 0 ? Optional.empty() : Optional.of(Benchmark.buyAndHold(panel, btc));
    }

    /**
     * Writes the run's files and its HTML tear sheet (report.html, drawn from the same arrays and metrics) to
     * {@code dir}; with portfolio sections
     * also {@code portfolio.json} (risk interventions by rule, orders and turnover saved, hedge activity).
     */
    public void writeFiles(BacktestOutcome outcome, Path dir, String title) {
        Metrics metrics = BacktestFiles.write(outcome.result(), dir);
        outcome.portfolio().ifPresent(report -> {
            try {
                new ObjectMapper().writerWithDefaultPrettyPrinter()
                        .writeValue(dir.resolve("portfolio.json").toFile(), report.toMap());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + dir.resolve("portfolio.json"), e);
            }
        });
        BacktestTearSheet.write(dir, outcome.result(), metrics, btcBenchmark(outcome.config()), title);
    }

    /** Writes the run's {@code runs}, {@code equity} and {@code ledger} rows; returns the run id. */
    public String record(BacktestOutcome outcome, Instant started) {
        String runId = RunRecord.newRunId("backtest", started);
        RunStore runs = new RunStore(lake);
        BacktestResult r = outcome.result();
        if (r.spilled()) { // a run in time blocks: its rows streamed from its scratch files, never all in memory
            runs.writeEquity(runId, w -> equityCsv(r, w));
            runs.writeLedger(runId, w -> ledgerCsv(r.ledger(), w));
        } else {
            runs.writeEquity(runId, equityRows(r));
            runs.writeLedger(runId, ledgerRows(r));
        }
        runs.record(new RunRecord(runId, "backtest", outcome.config().rawYaml(), outcome.dataVersions(),
                BacktestFiles.metricsJson(outcome.metrics()), "succeeded", started, Instant.now()));
        return runId;
    }

    /** The {@code equity} rows of {@code r}, one per bar, as {@link #record} writes them. */
    public static List<EquityRow> equityRows(BacktestResult r) {
        List<EquityRow> equity = new ArrayList<>(r.bars());
        forEachEquityRow(r, equity::add);
        return equity;
    }

    /** Each equity row of {@code r} in bar order, read chunk by chunk ({@link BacktestResult#readRows}). */
    private static void forEachEquityRow(BacktestResult r, java.util.function.Consumer<EquityRow> each) {
        int bars = r.bars();
        int chunk = Math.min(bars, BacktestResult.CHUNK_BARS);
        double[][] v = new double[5][chunk];
        for (int from = 0; from < bars; from += chunk) {
            int to = Math.min(bars, from + chunk);
            r.readRows(from, to, v[0], v[1], v[2], v[3], v[4], null);
            for (int k = 0; k < to - from; k++) {
                each.accept(new EquityRow(r.times()[from + k], v[0][k], v[1][k], v[2][k], v[3][k], v[4][k]));
            }
        }
    }

    /** The equity rows of {@code r} as {@link RunStore#writeEquity(String, RunStore.CsvRows)} reads them. */
    private static void equityCsv(BacktestResult r, Writer w) throws IOException {
        try {
            forEachEquityRow(r, e -> {
                try {
                    w.write(e.time() + "," + e.equity() + "," + e.cash() + "," + e.gross() + "," + e.net() + ","
                            + e.leverage() + "\n");
                } catch (IOException x) {
                    throw new UncheckedIOException(x);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The ledger rows of {@code l} as {@link RunStore#writeLedger(String, RunStore.CsvRows)} reads them, in order. */
    private static void ledgerCsv(Ledger l, Writer w) throws IOException {
        for (int k = 0; k < l.size(); k++) {
            w.write(k + "," + l.time(k) + "," + l.symbol(k) + "," + l.side(k).name() + "," + l.type(k).name() + ","
                    + l.reason(k).code() + "," + l.qty(k) + "," + l.price(k) + "," + l.fee(k) + "," + l.cashFlow(k)
                    + "," + l.realizedPnl(k) + "," + l.positionAfter(k) + "\n");
        }
    }

    /** The {@code ledger} rows of {@code r} in ledger order, as {@link #record} writes them. */
    public static List<LedgerRow> ledgerRows(BacktestResult r) {
        Ledger l = r.ledger();
        List<LedgerRow> ledger = new ArrayList<>(l.size());
        for (int k = 0; k < l.size(); k++) {
            ledger.add(new LedgerRow(l.time(k), l.symbol(k), l.side(k).name(), l.type(k).name(), l.reason(k).code(),
                    l.qty(k), l.price(k), l.fee(k), l.cashFlow(k), l.realizedPnl(k), l.positionAfter(k)));
        }
        return ledger;
    }

    /**
     * Records a backtest of {@code config} that failed: a {@code runs} row with status {@code failed} and
     * {@code {"error": message}} as metrics, no equity or ledger rows; returns the run id.
     */
    public String recordFailure(BacktestConfig config, Instant started, RuntimeException error) {
        String runId = RunRecord.newRunId("backtest", started);
        String metrics = new ObjectMapper().createObjectNode().put("error", String.valueOf(error.getMessage())).toString();
        new RunStore(lake).record(new RunRecord(runId, "backtest", config.rawYaml(), Map.of(), metrics, "failed", started,
                Instant.now()));
        return runId;
    }

    private static Map<String, FundingSchedule> funding(FundingSeries series) {
        Map<String, FundingSchedule> out = new LinkedHashMap<>();
        String[] symbols = series.symbols();
        for (int i = 0; i < symbols.length; i++) {
            if (series.times(i).length > 0) {
                out.put(symbols[i], new FundingSchedule(series.times(i), series.rates(i), series.marks(i)));
            }
        }
        return out;
    }

    /** Lot step and min notional of the universe where the {@code symbols} table knows them. */
    private static Map<String, SymbolFilter> filters(Lake lake, BacktestConfig config) {
        Map<String, SymbolFilter> out = new LinkedHashMap<>();
        if (!lake.exists(LakeTable.SYMBOLS)) {
            return out;
        }
        List<Row> rows = lake.read(LakeTable.SYMBOLS)
                .filter(col("market").equalTo(config.market().code()).and(col("symbol").isin(config.universe().toArray())))
                .select(col("symbol"), col("step_size"), col("min_notional"))
                .collectAsList();
        for (Row row : rows) {
            double step = row.isNullAt(1) ? Double.NaN : row.getDouble(1);
            double minNotional = row.isNullAt(2) ? Double.NaN : row.getDouble(2);
            if (!Double.isNaN(step) || !Double.isNaN(minNotional)) {
                out.put(row.getString(0), new SymbolFilter(step, minNotional));
            }
        }
        return out;
    }
}
