/**
 * The simulation kernel (SIMULATION.md): {@link io.quantlake.sim.Simulator#run} over a
 * {@link io.quantlake.panel.Panel} with a {@link io.quantlake.sim.SimConfig} and a
 * {@link io.quantlake.sim.StrategyInput}, giving a {@link io.quantlake.sim.BacktestResult}.
 *
 * <p>Choices the contract leaves open, made here (each also documented where it is implemented):
 * <ul>
 *   <li>Funding is marked at the bar's close (§12.3, R4 over §8); {@link io.quantlake.sim.FundingMark#RECORD_MARK}
 *       gives §8's literal reading. In hedge mode funding is charged on the net quantity; a symbol whose
 *       lots net to 0 writes no FUNDING row.</li>
 *   <li>Gross exposure and leverage use the net quantity per symbol (§3: "q_i is then their sum").</li>
 *   <li>{@code position_after} of a trade row is the quantity of the row's lot (the side's lot in hedge
 *       mode; the symbol's position otherwise); of a FUNDING row, the net quantity (R16).</li>
 *   <li>Reasons not fixed by §6/R15: {@code time_exit}, {@code conditional_exit} (a pair trade's
 *       z-score stop: {@code z_stop}), {@code hedge}.</li>
 *   <li>The dust rule compares {@code |Δq| · p} (execution price before slippage) with {@code 1e-9 · E'}.
 *       Step rounding and min notional apply to sized orders, never to closing a whole lot.</li>
 *   <li>Circuit breaker timings (§9): see {@link io.quantlake.sim.CircuitBreaker}.</li>
 *   <li>Weight path: a decision whose targets are all NaN is no decision (R8, R25); a NaN target at a
 *       decision cancels that symbol's pending order. A pending order is consumed at the symbol's
 *       next bar whether or not the band lets it trade. The threshold schedule trades every symbol
 *       with a target to its target (not the band edge).</li>
 *   <li>Signal path sizing and cash rules: see {@code SignalExecutor} (package-private) and
 *       {@link io.quantlake.strategy.Signal}.</li>
 *   <li>Exits: at most one exit per lot per bar (a ladder advances one level per bar); a time exit
 *       with {@code close} fills at step 2 at the bar's close, so the lot pays no funding that bar;
 *       conditional exits are decided at step 5 and fill per §2.</li>
 *   <li>Symbols without a bar before their first bar have no price; they count for nothing in
 *       equity or gross.</li>
 *   <li>Speed, not semantics: the rules are the bar loop ({@code BarLoop}, one method per step of
 *       §12.2) and the executors; the fast paths are classes of their own, each bit-identical to the
 *       plain rule path and tested against it: {@code QuietBars} (quiet bars of a spot weight run),
 *       {@code BandPrefilter} (the band step over a complete row), {@code LegacyEventLoop} (a legacy run
 *       of a {@link io.quantlake.strategy.SeriesLegacyStrategy} in a spot account without a circuit
 *       breaker, from event bar to event bar; its {@link io.quantlake.sim.BacktestResult} computes the
 *       equity rows from the recorded account state, {@code AccountPath}, on first read).</li>
 *   <li>Portfolio layer hook: {@link io.quantlake.sim.Simulator#run(io.quantlake.panel.Panel,
 *       io.quantlake.sim.SimConfig, io.quantlake.sim.StrategyInput.Weights, io.quantlake.sim.DecisionHook)} calls a
 *       {@link io.quantlake.sim.DecisionHook} at each weight decision; it may rewrite the targets and give an
 *       order the reason {@code hedge} (HEDGE rows) or {@code risk_<rule>} (PARTIAL_CLOSE / CLOSE when the
 *       order reduces a position). Without a hook nothing changes.</li>
 * </ul>
 */
package io.quantlake.sim;
