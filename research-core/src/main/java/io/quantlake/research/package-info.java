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
 * }</pre>
 *
 * <p>Timing: the score at date {@code t} (a bar open time) uses closes up to and including
 * {@code t}; the {@link io.quantlake.research.ForwardReturns forward return} runs from {@code t}'s
 * close to the close {@code h} of the symbol's own bars later, and the two are joined on
 * (symbol, t). Cross-sections per date are the symbols with every value the statistic needs, and
 * a date with fewer than {@code min_symbols} of them is left out. Ranks average their ties.
 */
package io.quantlake.research;
