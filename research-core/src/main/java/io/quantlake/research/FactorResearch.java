package io.quantlake.research;

import static io.quantlake.research.ResearchFrames.AUTOCORR;
import static io.quantlake.research.ResearchFrames.BOTTOM;
import static io.quantlake.research.ResearchFrames.DATES;
import static io.quantlake.research.ResearchFrames.FACTOR;
import static io.quantlake.research.ResearchFrames.FACTOR_A;
import static io.quantlake.research.ResearchFrames.FACTOR_B;
import static io.quantlake.research.ResearchFrames.HORIZON;
import static io.quantlake.research.ResearchFrames.IC;
import static io.quantlake.research.ResearchFrames.MEAN_FWD;
import static io.quantlake.research.ResearchFrames.N;
import static io.quantlake.research.ResearchFrames.N_COMMON;
import static io.quantlake.research.ResearchFrames.QUANTILE;
import static io.quantlake.research.ResearchFrames.RANK_IC;
import static io.quantlake.research.ResearchFrames.RHO;
import static io.quantlake.research.ResearchFrames.TOP;
import static io.quantlake.research.ResearchFrames.TS;
import static io.quantlake.research.ResearchFrames.TURNOVER;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.unix_millis;

import io.quantlake.factor.FactorFrame;
import io.quantlake.spark.PartitionResults;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Factor research (issue 5, item 1): how well each score of a {@link FactorResearchSpec} ranks the
 * symbols' forward returns, date by date.
 *
 * <p>For each score {@code f}, horizon {@code h} and date {@code t} (a bar open time), over the
 * symbols with both {@code f(t)} (closes up to and including {@code t}) and
 * {@link ForwardReturns fwd_h(t)} (from {@code t}'s close to the close {@code h} own bars later),
 * when there are at least {@code minSymbols} of them:
 * <ul>
 *   <li>IC = Pearson(f, fwd_h); rank IC = Spearman = Pearson of the cross-sectional average ranks (ties averaged);</li>
 *   <li>quantile buckets by the average rank r of f among the n symbols: {@code q = ⌊Q · (r − 1) / n⌋ + 1},
 *       so ties share a bucket; each bucket's mean fwd_h, and the top (Q) minus bottom (1) spread;</li>
 * </ul>
 * then per score and horizon the mean, sample standard deviation, IR and t-statistic of each series
 * ({@link SeriesStats}), and across horizons the IC decay ({@link FactorResearchResult#decay}).
 * Per score alone (no forward return involved), over dates with at least {@code minSymbols} values:
 * the top quantile's turnover and the rank autocorrelation against the previous such date
 * ({@link StabilityPoint}); and per pair of scores the mean per-date Spearman correlation
 * ({@link FactorCorrelation}).
 *
 * <p>All of it runs as Spark Column expressions, windows and aggregates; only per-date and summary
 * rows reach the driver, the per-date ones a partition at a time ({@link PartitionResults#forEachRow}). The candles must hold one market and one interval.
 *
 * <pre>{@code
 * FactorResearchSpec spec = FactorResearchSpec.of(List.of(new Momentum(30, 1), new Reversal(1)), List.of(1, 5, 20));
 * FactorResearchResult r = FactorResearch.run(candles.where("market = 'spot' AND interval = '1d'"), spec);
 * r.summary("mom_30_1", 20).meanRankIc();
 * ResearchTables.factorIc(spark, runId, r);   // → Delta factor_ic
 * }</pre>
 */
public final class FactorResearch {
    private static final Logger LOG = LoggerFactory.getLogger(FactorResearch.class);

    private FactorResearch() {
    }

    /** Studies every date of {@code candles} (one market and interval; see {@link FactorFrame#prepare}). */
    public static FactorResearchResult run(Dataset<Row> candles, FactorResearchSpec spec) {
        return run(candles, spec, null);
    }

    /**
     * Studies the dates in [start, end) of the config's market, interval and universe: the candles are
     * first cut by {@link FactorResearchConfig#select} (so no bar at or after {@code end} is read, and
     * forward returns near the end are null); bars before {@code start} serve as factor warm-up.
     */
    public static FactorResearchResult run(Dataset<Row> candles, FactorResearchConfig config) {
        return run(config.select(candles), config.spec(), config.start().orElse(null));
    }

    /**
     * The joined observations: {@code factor, horizon, symbol, ts, value, fwd} — each score at
     * {@code ts} beside the forward return from {@code ts}'s close, for every candle and horizon
     * where both exist (for notebooks and for checking the timing).
     */
    public static Dataset<Row> observations(Dataset<Row> candles, FactorResearchSpec spec) {
        requireOneSeries(candles);
        return ResearchFrames.observations(values(candles, spec, null), forward(candles, spec));
    }

    private static Dataset<Row> values(Dataset<Row> candles, FactorResearchSpec spec, Instant from) {
        Dataset<Row> values = ResearchFrames.values(spec.engine().wide(candles), spec.names());
        return from == null ? values : values.where(col(TS).geq(lit(Timestamp.from(from))));
    }

    private static Dataset<Row> forward(Dataset<Row> candles, FactorResearchSpec spec) {
        return ResearchFrames.forward(ForwardReturns.frame(candles, spec.horizonArray()), spec.horizonArray());
    }

    private static FactorResearchResult run(Dataset<Row> candles, FactorResearchSpec spec, Instant from) {
        Objects.requireNonNull(candles, "candles");
        Objects.requireNonNull(spec, "spec");
        long t0 = System.nanoTime();
        requireOneSeries(candles);
        int q = spec.quantiles();
        int min = spec.minSymbols();
        Dataset<Row> values = values(candles, spec, from).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            List<IcPoint> ic = new ArrayList<>();
            List<QuantileReturn> quantiles = new ArrayList<>();
            Dataset<Row> ranked = ResearchFrames.rankedObservations(
                    ResearchFrames.observations(values, forward(candles, spec)), q, min).persist(StorageLevel.MEMORY_AND_DISK());
            try {
                collectIc(ranked, q, ic);
                collectQuantiles(ranked, quantiles);
            } finally {
                ranked.unpersist();
            }
            LOG.info("factor research {}: {} IC dates, {} quantile rows ({} ms)", spec.names(), ic.size(), quantiles.size(),
                    (System.nanoTime() - t0) / 1_000_000);
            if (ic.isEmpty()) {
                throw new IllegalArgumentException("no date has at least minSymbols = " + min + " symbols with both a score "
                        + "and a forward return (" + spec + "): widen the universe or the window, or lower min_symbols");
            }
            List<StabilityPoint> stability = collectStability(values, q, min);
            List<Row> pairs = ResearchFrames.correlationsPerDate(values, min).groupBy(col(FACTOR_A), col(FACTOR_B))
                    .agg(avg(col(RHO)), count(col(RHO)).cast("int")).collectAsList();
            LOG.info("factor research {}: stability and correlations done ({} ms)", spec.names(), (System.nanoTime() - t0) / 1_000_000);
            return FactorResearchResult.assemble(spec, ic, quantiles, stability, correlation(spec.names(), pairs, stability));
        } finally {
            values.unpersist();
        }
    }

    /** The per-date ICs, one partition's rows at a time (a minute study has millions: never all as Rows at once). */
    private static void collectIc(Dataset<Row> ranked, int q, List<IcPoint> out) {
        PartitionResults.forEachRow(ResearchFrames.icPerDate(ranked, q).select(col(FACTOR), col(HORIZON), unix_millis(col(TS)),
                col(N), col(IC), col(RANK_IC), col(TOP).minus(col(BOTTOM))), r -> out.add(new IcPoint(r.getString(0).intern(),
                r.getInt(1), r.getLong(2), r.getInt(3), dbl(r, 4), dbl(r, 5), dbl(r, 6))));
    }

    private static void collectQuantiles(Dataset<Row> ranked, List<QuantileReturn> out) {
        for (Row r : ResearchFrames.quantileMeans(ranked)
                .select(col(FACTOR), col(HORIZON), col(QUANTILE), col(MEAN_FWD), col(DATES)).collectAsList()) {
            out.add(new QuantileReturn(r.getString(0), r.getInt(1), r.getInt(2), dbl(r, 3), r.getInt(4)));
        }
    }

    /** The per-date stability, one partition's rows at a time. */
    private static List<StabilityPoint> collectStability(Dataset<Row> values, int q, int min) {
        List<StabilityPoint> out = new ArrayList<>();
        PartitionResults.forEachRow(ResearchFrames.stability(values, q, min).select(col(FACTOR), unix_millis(col(TS)), col(N),
                col(TURNOVER), col(N_COMMON), col(AUTOCORR)), r -> out.add(new StabilityPoint(r.getString(0).intern(),
                r.getLong(1), r.getInt(2), dbl(r, 3), r.isNullAt(4) ? 0 : r.getInt(4), dbl(r, 5))));
        return out;
    }

    private static FactorCorrelation correlation(List<String> names, List<Row> pairs, List<StabilityPoint> stability) {
        int n = names.size();
        double[][] v = new double[n][n];
        int[][] d = new int[n][n];
        for (int i = 0; i < n; i++) {
            Arrays.fill(v[i], Double.NaN);
            v[i][i] = 1.0;
        }
        for (StabilityPoint p : stability) {
            int i = names.indexOf(p.factor());
            d[i][i]++;
        }
        for (Row r : pairs) {
            int a = names.indexOf(r.getString(0));
            int b = names.indexOf(r.getString(1));
            double mean = dbl(r, 2);
            v[a][b] = mean;
            v[b][a] = mean;
            d[a][b] = r.getInt(3);
            d[b][a] = r.getInt(3);
        }
        return new FactorCorrelation(names, v, d);
    }

    private static double dbl(Row r, int i) {
        return r.isNullAt(i) ? Double.NaN : r.getDouble(i);
    }

    private static void requireOneSeries(Dataset<Row> candles) {
        for (String c : List.of(FactorFrame.MARKET, FactorFrame.INTERVAL)) {
            if (!List.of(candles.columns()).contains(c)) {
                throw new IllegalArgumentException("candles lack column '" + c + "'; columns: " + List.of(candles.columns()));
            }
        }
        List<Row> series = candles.select(col(FactorFrame.MARKET), col(FactorFrame.INTERVAL)).distinct().limit(2).collectAsList();
        if (series.size() != 1) {
            throw new IllegalArgumentException(series.isEmpty() ? "candles are empty: nothing to study"
                    : "factor research needs candles of one market and interval, got at least " + series
                    + ": filter the candles first (or use a FactorResearchConfig)");
        }
    }
}
