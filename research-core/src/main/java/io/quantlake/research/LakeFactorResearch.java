package io.quantlake.research;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quantlake.factor.FactorEngine;
import io.quantlake.factor.FactorFrame;
import io.quantlake.lake.Lake;
import io.quantlake.lake.LakeTable;
import io.quantlake.lake.MergeCounts;
import io.quantlake.lake.RunRecord;
import io.quantlake.lake.RunStore;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Factor research against the lake ({@code bin/quantlake research factors}): {@link #run} reads the
 * config's candles at the lake's current {@code candles} version and runs {@link FactorResearch};
 * {@link #record} writes the run:
 * <ul>
 *   <li>the research tables keyed by run ({@link LakeTable#RESEARCH_TABLES}: factor_ic, factor_ic_summary,
 *       factor_quantile_returns, factor_stability, factor_correlation), one MERGE each;</li>
 *   <li>{@code factors}: {@link FactorEngine#longTable} of the studied scores over the config's candles
 *       (read again at the same {@code candles} version), dates in [start, end); MERGE on market,
 *       interval, factor, symbol, ts, so a rerun changes nothing. {@code rank} and {@code zscore} are
 *       across the config's universe at each date: a study of another universe overwrites them;</li>
 *   <li>{@code runs}: kind {@value #KIND}, the config's YAML, {@code data_versions = {candles: v}} and
 *       metrics = {@link #metricsJson} — written last, so a run row means every table was written.</li>
 * </ul>
 */
public final class LakeFactorResearch {
    /** The {@code runs.kind} of a factor study. */
    public static final String KIND = "factor_research";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Lake lake;

    public LakeFactorResearch(Lake lake) {
        this.lake = Objects.requireNonNull(lake, "lake");
    }

    /**
     * Studies {@code config} on the lake's candles (latest version, pinned for the whole run). A universe
     * symbol with no candle of the market and interval is an error naming it.
     */
    public FactorResearchOutcome run(FactorResearchConfig config) {
        long version = lake.version(LakeTable.CANDLES);
        Dataset<Row> candles = lake.readAsOf(LakeTable.CANDLES, version);
        List<String> symbols = new ArrayList<>();
        for (Row r : config.select(candles).select(col(FactorFrame.SYMBOL)).distinct().orderBy(FactorFrame.SYMBOL)
                .collectAsList()) {
            symbols.add(r.getString(0));
        }
        Set<String> missing = new LinkedHashSet<>(config.universe());
        missing.removeAll(symbols);
        if (!missing.isEmpty() || symbols.isEmpty()) {
            throw new IllegalArgumentException("no candles in the lake " + lake.root() + " for "
                    + (symbols.isEmpty() ? "the config" : String.join(", ", missing)) + " (market " + config.market()
                    + ", interval " + config.interval() + ", before " + config.end().map(Instant::toString).orElse("the end")
                    + ", " + config.origin() + "); ingest them first or remove them from the universe");
        }
        FactorResearchResult result = FactorResearch.run(candles, config);
        return new FactorResearchOutcome(config, result, symbols, Map.of(LakeTable.CANDLES.tableName(), version));
    }

    /**
     * Writes the research tables, the {@code factors} rows and the {@code runs} row of {@code outcome} as run
     * {@code runId}; returns table name → merge counts, in write order.
     */
    public Map<String, MergeCounts> record(FactorResearchOutcome outcome, String runId, Instant started) {
        RunRecord.requireValidRunId(runId);
        Map<String, MergeCounts> counts = new LinkedHashMap<>();
        Map<LakeTable, Dataset<Row>> tables = ResearchTables.all(lake.spark(), runId, outcome.result());
        for (LakeTable t : LakeTable.RESEARCH_TABLES) {
            counts.put(t.tableName(), lake.merge(t, tables.get(t)));
        }
        counts.put(LakeTable.FACTORS.tableName(), lake.merge(LakeTable.FACTORS, factors(outcome)));
        FactorResearchConfig config = outcome.config();
        new RunStore(lake).record(new RunRecord(runId, KIND, config.rawYaml(), outcome.dataVersions(),
                metricsJson(outcome.result()), "succeeded", started, Instant.now()));
        return counts;
    }

    /** The long factor rows of the study's dates, from the candles version the study read. */
    private Dataset<Row> factors(FactorResearchOutcome outcome) {
        FactorResearchConfig config = outcome.config();
        Long version = outcome.dataVersions().get(LakeTable.CANDLES.tableName());
        Dataset<Row> candles = config.select(version == null ? lake.read(LakeTable.CANDLES)
                : lake.readAsOf(LakeTable.CANDLES, version));
        Dataset<Row> rows = config.spec().engine().longTable(candles);
        return config.start().isEmpty() ? rows
                : rows.where(col(FactorFrame.TS).geq(lit(Timestamp.from(config.start().get()))));
    }

    /**
     * The {@code runs.metrics} of a study: {@code {"<factor>": {"<horizon>": {dates, mean_ic, ic_ir, t_stat,
     * mean_rank_ic, rank_ic_ir, rank_t_stat, nonoverlap_rank_t_stat, mean_spread, spread_t_stat,
     * mean_turnover, mean_rank_autocorr}}}} in study order ({@code mean_ic, ic_ir, t_stat} of the Pearson IC,
     * {@code rank_*} of the rank IC, as in {@code factor_ic_summary}); an undefined statistic is {@code null}.
     */
    public static String metricsJson(FactorResearchResult result) {
        ObjectNode root = JSON.createObjectNode();
        for (IcSummary s : result.summaries()) {
            ObjectNode node = (root.has(s.factor()) ? (ObjectNode) root.get(s.factor()) : root.putObject(s.factor()))
                    .putObject(Integer.toString(s.horizon()));
            node.put("dates", s.ic().n());
            put(node, "mean_ic", s.meanIc());
            put(node, "ic_ir", s.icIrPearson());
            put(node, "t_stat", s.tStatPearson());
            put(node, "mean_rank_ic", s.meanRankIc());
            put(node, "rank_ic_ir", s.rankIcIr());
            put(node, "rank_t_stat", s.rankTStat());
            put(node, "nonoverlap_rank_t_stat", s.rankIcNonOverlapping().tStat());
            put(node, "mean_spread", s.spread().mean());
            put(node, "spread_t_stat", s.spread().tStat());
            put(node, "mean_turnover", s.meanTurnover());
            put(node, "mean_rank_autocorr", s.meanRankAutocorr());
        }
        return root.toString();
    }

    private static void put(ObjectNode node, String key, double v) {
        if (Double.isFinite(v)) {
            node.put(key, v);
        } else {
            node.putNull(key);
        }
    }
}
