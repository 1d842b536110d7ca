/**
 * Factor research (Spark side): how well factor scores rank the symbols' forward returns.
 *
 * <pre>{@code
 * FactorResearchConfig config = FactorResearchConfig.load(Path.of("conf/research.yaml"));
 * FactorResearchResult r = FactorResearch.run(lake.read(LakeTable.CANDLES), config);
 * r.summary("mom_30_1", 20).meanRankIc();          // headline numbers per factor and horizon
 * r.decay("mom_30_1");                              // the same across horizons
 * r.quantileReturns("mom_30_1", 20);                // quantile bars
 * r.correlation().get("mom_30_1", "rev_1");         // factor correlation matrix
 * Map<LakeTable, Dataset<Row>> tables = ResearchTables.all(spark, runId, r);   // → Delta, keyed by run_id
 *
 * // against the lake, as `bin/quantlake research factors` runs it:
 * LakeFactorResearch research = new LakeFactorResearch(lake);
 * FactorResearchOutcome outcome = research.run(config);                // candles at a pinned Delta version
 * research.record(outcome, RunRecord.newRunId(LakeFactorResearch.KIND, started), started);
 * //   → factor_ic, factor_ic_summary, factor_quantile_returns, factor_stability, factor_correlation (keyed by run),
 * //     factors (MERGE on market, interval, factor, symbol, ts) and runs (kind factor_research)
 * FactorTearSheet.write(outDir, outcome.result(), title, about);       // → factor_report.html
 * }</pre>
 *
 * <p>Timing: the score at date {@code t} (a bar open time) uses closes up to and including
 * {@code t}; the {@link io.quantlake.research.ForwardReturns forward return} runs from {@code t}'s
 * close to the close {@code h} of the symbol's own bars later, and the two are joined on
 * (symbol, t). Cross-sections per date are the symbols with every value the statistic needs, and
 * a date with fewer than {@code min_symbols} of them is left out. Ranks average their ties.
 */
package io.quantlake.research;
