package io.quantlake.nightly;

import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quantlake.backtest.FactorPanels;
import io.quantlake.config.BacktestConfig;
import io.quantlake.config.ConfigException;
import io.quantlake.factor.FactorEngine;
import io.quantlake.lake.CandleQuery;
import io.quantlake.lake.CandleStore;
import io.quantlake.lake.IngestReport;
import io.quantlake.lake.Lake;
import io.quantlake.lake.LakeLockedException;
import io.quantlake.lake.LakeTable;
import io.quantlake.lake.RunRecord;
import io.quantlake.lake.RunStore;
import io.quantlake.market.Market;
import io.quantlake.panel.Panel;
import io.quantlake.research.FactorResearch;
import io.quantlake.research.FactorResearchConfig;
import io.quantlake.research.IcSummary;
import io.quantlake.sim.SymbolFilter;
import io.quantlake.strategy.ConfiguredStrategy;
import io.quantlake.strategy.TargetWeights;
import io.quantlake.strategy.WeightStrategy;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * The nightly pipeline for a run date D (UTC). "The window ending at D" is every bar that closed by
 * D 00:00 UTC ({@code open_time < D}); its last bar opens at {@code D − interval}.
 * <ol>
 *   <li>incremental ingest ({@link IngestSource});</li>
 *   <li>staleness: when no universe symbol has that last bar the run stops with {@link StaleDataException}
 *       (runs row status {@code stale}, nothing else written);</li>
 *   <li>factors (optional): {@link FactorEngine#longTable} over the factor config's candles before D (earlier
 *       bars are the warm-up), rows of the last {@code factors.days} days before D MERGEd into {@code factors};
 *       with {@code research: true}, {@link FactorResearch} over the factor config's window ending at D (its
 *       IC summaries go to the runs row's metrics);</li>
 *   <li>targets: the strategy's {@link TargetWeights} on the panel [strategy start, D) (with the factors it reads,
 *       {@link FactorPanels}) and {@link LatestTargets};</li>
 *   <li>orders: current positions priced at each symbol's last close, {@link OrderPlanner} with the backtest
 *       config's rebalance rule and the lake's symbol filters (lot step, minimum notional) where known;</li>
 *   <li>writes {@code nightly_targets}, {@code nightly_orders} ({@link NightlyTables}, replacing D's rows),
 *       {@code orders-D.csv} / {@code orders-D.json} ({@link OrderFiles}), then the {@code runs} row (kind
 *       {@value #KIND}, status {@code succeeded}) last.</li>
 * </ol>
 * A run that fails after it started leaves a runs row with status {@code failed} and the error in its metrics.
 * Not applied: the backtest config's portfolio sections (risk caps, sizing, hedge), fees and slippage.
 */
public final class NightlyRun {
    public static final String KIND = "nightly";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Lake lake;
    private final PrintStream log;

    public NightlyRun(Lake lake, PrintStream log) {
        this.lake = Objects.requireNonNull(lake, "lake");
        this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * Runs the pipeline for {@code runDate}, writing files to {@code outDir}.
     *
     * @param strategyConfig the bound {@code strategy.config}: its weight strategy ({@link #weightStrategy}) and
     *                       rebalance rule
     * @param factors        the bound {@code factors.config}, if any
     * @throws StaleDataException when the data do not reach the run date (runs row status {@code stale})
     */
    public NightlyOutcome run(NightlyConfig config, BacktestConfig strategyConfig,
                              Optional<FactorResearchConfig> factors, Positions positions, LocalDate runDate, Path outDir) {
        WeightStrategy strategy = weightStrategy(strategyConfig);
        Instant started = Instant.now();
        String runId = RunRecord.newRunId(KIND, started);
        Instant end = runDate.atStartOfDay(ZoneOffset.UTC).toInstant();
        if (!strategyConfig.start().isBefore(end)) {
            throw new IllegalArgumentException("run date " + runDate + " must be after the strategy config's start "
                    + strategyConfig.start() + " (" + strategyConfig.origin() + ")");
        }
        ObjectNode metrics = JSON.createObjectNode().put("run_date", runDate.toString());
        try {
            return steps(config, strategyConfig, strategy, factors, positions, runDate, outDir, runId, started, end, metrics);
        } catch (StaleDataException | LakeLockedException e) { // a failed row would wait for the same lock again
            throw e;
        } catch (RuntimeException e) {
            metrics.put("error", String.valueOf(e.getMessage()));
            try {
                record(runId, config, Map.of(), metrics, "failed", started);
            } catch (RuntimeException secondary) {
                e.addSuppressed(secondary);
            }
            throw e;
        }
    }

    /**
     * The target-weight strategy {@code cfg} built (a built-in or a {@code strategy.class}); a {@link ConfigException}
     * on {@code strategy.name} (or {@code strategy.class}) for any other.
     */
    public static WeightStrategy weightStrategy(BacktestConfig cfg) {
        if (!(cfg.strategy().built() instanceof ConfiguredStrategy.Weight w)) {
            String key = cfg.strategy().node().has("class") ? "strategy.class" : "strategy.name";
            throw new ConfigException("config key `" + key + "` must name a target-weight strategy for the nightly "
                    + "orders, got " + cfg.strategy().built().name() + " (" + cfg.origin() + ")");
        }
        return w.strategy();
    }

    private NightlyOutcome steps(NightlyConfig config, BacktestConfig strategyConfig, WeightStrategy strategy,
                                 Optional<FactorResearchConfig> factors, Positions positions, LocalDate runDate, Path outDir,
                                 String runId, Instant started, Instant end, ObjectNode metrics) {
        if (config.ingest().isPresent()) {
            IngestReport report = NightlyIngest.ingest(lake, config.ingest().get(), runId, strategyConfig.start(),
                    end.toEpochMilli());
            log.print(report.toTable());
            metrics.put("candles_inserted", report.table(LakeTable.CANDLES).inserted());
        }
        long expected = end.toEpochMilli() - strategyConfig.interval().millis();
        OptionalLong last = NightlyIngest.lastBar(lake, strategyConfig.market(), strategyConfig.interval(),
                strategyConfig.universe(), end.toEpochMilli());
        Map<String, Long> versions = lake.versions(List.of(LakeTable.CANDLES, LakeTable.SYMBOLS));
        if (last.isEmpty() || last.getAsLong() < expected) {
            String msg = "data stale for run date " + runDate + ": the last " + strategyConfig.market() + " "
                    + strategyConfig.interval() + " bar of the universe before " + end + " opens at "
                    + (last.isPresent() ? Instant.ofEpochMilli(last.getAsLong()) : "(none)") + ", expected "
                    + Instant.ofEpochMilli(expected);
            metrics.put("stale", msg);
            record(runId, config, versions, metrics, "stale", started);
            throw new StaleDataException(msg);
        }
        factors.ifPresent(f -> factors(f, config, runDate, end, metrics));

        CandleStore store = new CandleStore(lake);
        CandleQuery query = CandleQuery.of(strategyConfig.market(), strategyConfig.interval(),
                strategyConfig.universe(), strategyConfig.start(), end);
        // a factor strategy's factors: the research definitions over the lake, the history before start the warm-up
        Panel panel = FactorPanels.attach(store.panel(query), store, query, strategyConfig.strategy().requiredFactors(),
                strategyConfig.origin());
        TargetWeights weights = strategy.targets(panel);
        LatestTargets latest = LatestTargets.of(weights);
        long decisionTime = latest.decisionBar() < 0 ? -1 : panel.times()[latest.decisionBar()];
        Holdings holdings = holdings(panel, positions, strategyConfig);
        double[] targets = new double[holdings.symbols().length];
        SymbolFilter[] filters = new SymbolFilter[targets.length];
        Map<String, SymbolFilter> known = filters(strategyConfig);
        for (int k = 0; k < targets.length; k++) {
            targets[k] = latest.weights()[panel.indexOf(holdings.symbols()[k])];
            filters[k] = known.getOrDefault(holdings.symbols()[k], SymbolFilter.NONE);
        }
        RebalancePlan plan = OrderPlanner.plan(holdings, targets, strategyConfig.rebalance(),
                strategyConfig.market() == Market.SPOT, filters);
        long priceTime = panel.times()[panel.bars() - 1];
        NightlyOutcome outcome = new NightlyOutcome(runDate, runId, strategyConfig.market(), strategy.name(), holdings,
                priceTime, decisionTime, plan);

        write(outcome, targets);
        OrderFiles.write(outDir, outcome);
        metrics.put("equity", plan.equity()).put("cash", holdings.cash()).put("orders", plan.orders().size())
                .put("skipped", plan.skipped().size()).put("turnover", plan.turnover())
                .put("price_time", Instant.ofEpochMilli(priceTime).toString())
                .put("decision_time", decisionTime < 0 ? null : Instant.ofEpochMilli(decisionTime).toString())
                .put("decided_at_last_bar", latest.decidedAtLastBar(panel.bars()));
        record(runId, config, versions, metrics, "succeeded", started);
        return outcome;
    }

    private void factors(FactorResearchConfig f, NightlyConfig config, LocalDate runDate, Instant end, ObjectNode metrics) {
        Instant factorEnd = f.end().filter(e -> e.isBefore(end)).orElse(end);
        FactorResearchConfig window = f.withEnd(factorEnd);
        Dataset<Row> candles = window.select(lake.read(LakeTable.CANDLES));
        Instant from = runDate.minusDays(config.factorDays()).atStartOfDay(ZoneOffset.UTC).toInstant();
        Dataset<Row> rows = f.spec().engine().longTable(candles)
                .where(col("ts").geq(Timestamp.from(from)).and(col("ts").lt(Timestamp.from(end))));
        lake.merge(LakeTable.FACTORS, rows);
        metrics.put("factor_days", config.factorDays());
        if (config.research()) {
            ObjectNode research = metrics.putObject("research");
            for (IcSummary s : FactorResearch.run(lake.read(LakeTable.CANDLES), window).summaries()) {
                research.putObject(s.factor() + "@" + s.horizon()).put("dates", s.rankIc().n())
                        .put("mean_rank_ic", finite(s.rankIc().mean())).put("rank_ic_t", finite(s.rankIc().tStat()))
                        .put("mean_ic", finite(s.ic().mean()));
            }
        }
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /** The universe symbols that have a close by the last bar, priced at it; a held symbol without one is an error. */
    private static Holdings holdings(Panel panel, Positions positions, BacktestConfig cfg) {
        for (String s : positions.quantities().keySet()) {
            if (panel.indexOf(s) < 0) {
                throw new IllegalArgumentException("positions: symbol " + s + " is not in the universe of "
                        + cfg.origin() + " (" + cfg.universe() + ")");
            }
        }
        List<String> symbols = new ArrayList<>();
        List<Double> prices = new ArrayList<>();
        int n = panel.symbolCount();
        for (int i = 0; i < n; i++) {
            double p = Double.NaN;
            for (int t = panel.bars() - 1; t >= 0 && Double.isNaN(p); t--) {
                p = panel.close()[t * n + i];
            }
            String s = panel.symbols()[i];
            if (Double.isNaN(p)) {
                if (positions.quantity(s) != 0) {
                    throw new IllegalArgumentException("positions: " + s + " is held but has no close in the lake before the run date");
                }
                continue;
            }
            symbols.add(s);
            prices.add(p);
        }
        double[] px = new double[symbols.size()];
        double[] qty = new double[symbols.size()];
        for (int k = 0; k < px.length; k++) {
            px[k] = prices.get(k);
            qty[k] = positions.quantity(symbols.get(k));
        }
        return new Holdings(symbols.toArray(new String[0]), px, qty, positions.cash());
    }

    /** Lot step and minimum notional of the universe where the {@code symbols} table knows them. */
    private Map<String, SymbolFilter> filters(BacktestConfig cfg) {
        Map<String, SymbolFilter> out = new HashMap<>();
        if (!lake.exists(LakeTable.SYMBOLS)) {
            return out;
        }
        for (Row r : lake.read(LakeTable.SYMBOLS)
                .filter(col("market").equalTo(cfg.market().code()).and(col("symbol").isin(cfg.universe().toArray())))
                .select(col("symbol"), col("step_size"), col("min_notional")).collectAsList()) {
            double step = r.isNullAt(1) || !(r.getDouble(1) > 0) ? Double.NaN : r.getDouble(1);
            double min = r.isNullAt(2) ? Double.NaN : r.getDouble(2);
            out.put(r.getString(0), new SymbolFilter(step, min));
        }
        return out;
    }

    private void write(NightlyOutcome o, double[] strategyTargets) {
        Date date = Date.valueOf(o.runDate());
        List<Row> orders = new ArrayList<>();
        for (RebalanceOrder r : o.plan().orders()) {
            orders.add(RowFactory.create(date, r.symbol(), r.side().name(), r.quantity(), r.price(), r.notional(),
                    r.reason().code(), r.filters().code()));
        }
        List<Row> targets = new ArrayList<>();
        Holdings h = o.holdings();
        Timestamp decision = o.decisionTime() < 0 ? null : new Timestamp(o.decisionTime());
        for (int k = 0; k < h.symbols().length; k++) {
            double target = strategyTargets[k];
            targets.add(RowFactory.create(date, h.symbols()[k], Double.isNaN(target) ? null : target, o.plan().current()[k],
                    o.plan().planned()[k], h.prices()[k], h.quantities()[k], decision));
        }
        NightlyTables.replaceDate(lake, NightlyTables.TARGETS, NightlyTables.TARGETS_SCHEMA, o.runDate(), targets);
        NightlyTables.replaceDate(lake, NightlyTables.ORDERS, NightlyTables.ORDERS_SCHEMA, o.runDate(), orders);
    }

    private void record(String runId, NightlyConfig config, Map<String, Long> versions, ObjectNode metrics, String status,
                        Instant started) {
        new RunStore(lake).record(new RunRecord(runId, KIND, config.rawYaml(), versions, metrics.toString(), status, started,
                Instant.now()));
    }
}
