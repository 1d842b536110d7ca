/**
 * The portfolio layer between a strategy and the simulation kernel (issue 4 items 2, 3, 5–7; DESIGN.md
 * "risk manager → position optimizer → simulation kernel"). Entry point: {@link
 * io.quantlake.portfolio.AdvancedPortfolioManager}; from YAML through {@code io.quantlake.config.PortfolioSections}
 * and {@code io.quantlake.backtest.Backtest}.
 *
 * <p>Per run: {@link io.quantlake.portfolio.WeightSizer} re-sizes the strategy's target matrix ({@code sizing:});
 * then, at each decision, inside the kernel through {@link io.quantlake.sim.DecisionHook}:
 * <ol>
 *   <li>NaN targets (keep) become the current weight, so kept positions are capped too;</li>
 *   <li>{@link io.quantlake.risk.RiskManager} caps the targets (max positions, asset, cluster, net, gross — in that
 *       order) and names the first rule that cut each symbol;</li>
 *   <li>{@link io.quantlake.portfolio.PositionOptimizer} picks post-trade weights with the least turnover and then
 *       the fewest orders inside the band and the caps; symbols it leaves alone get no order;</li>
 *   <li>{@link io.quantlake.portfolio.BetaHedge} moves the hedge symbol's weight so the portfolio beta is inside
 *       {@code [−b, b]};</li>
 *   <li>the kernel executes per SIMULATION.md §5: a risk-cut order that reduces a position is a PARTIAL_CLOSE or
 *       CLOSE row with reason {@code risk_<rule>}; the hedge symbol's order, when the overlay changed it, is
 *       HEDGE rows with reason {@code hedge}; the leverage cap, spot cash rule, circuit breaker (§9) and
 *       liquidation stay the kernel's.</li>
 * </ol>
 *
 * <p>Choices made here (the issue leaves them open):
 * <ul>
 *   <li>{@code targets.csv} keeps the strategy's targets after sizing (R25 "the strategy's weights"), not the
 *       capped ones; the report counts what the caps changed.</li>
 *   <li>Risk interventions are counted twice in {@link io.quantlake.portfolio.PortfolioReport}: ledger rows with a
 *       risk reason (the interventions that reduced a held position) and decision-level capped targets. Neither is
 *       added to metrics.json's CLI.md keys; {@code BacktestOutcome.portfolio()} carries the report.</li>
 *   <li>When the optimizer is on (default with any risk cap) it applies the run's rebalance rule itself
 *       ({@link io.quantlake.schedule.RebalanceRule}: band, {@code rebalance.to} — target: traded symbols go to their
 *       capped targets; band_edge: to the nearest edge, entries included — and the threshold flag); the kernel then
 *       trades to the planned weights ({@link io.quantlake.schedule.RebalanceRule#NONE}).</li>
 *   <li>The hedge order is labelled HEDGE as a whole even when the strategy also trades the hedge symbol at that
 *       decision; the hedge leg lies outside the risk caps; {@code hedge:} needs {@code market: usdm}.</li>
 *   <li>Signal and legacy strategies take {@code sizing} ({@link io.quantlake.portfolio.SignalSizer}: entries
 *       re-sized) and the risk caps ({@link io.quantlake.portfolio.SignalRiskGate}: entries cut, then held lots
 *       trimmed with {@code risk_<rule>} rows, at each bar the strategy decides); the optimizer and the hedge
 *       overlay plan target weights and need a weight strategy.</li>
 *   <li>Decision-time work allocates (the optimizer's linear program, the record of a plan); the kernel's hook
 *       call itself allocates nothing.</li>
 * </ul>
 */
package io.quantlake.portfolio;
