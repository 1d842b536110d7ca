/**
 * When and how a weight strategy's targets become trades (SIMULATION.md §5, §12.10, R10, R24): the
 * rebalance calendars ({@link io.quantlake.schedule.RebalanceSchedule}, evaluated over a grid of bar
 * open times in UTC) and the rebalance rule ({@link io.quantlake.schedule.RebalanceRule}: band,
 * {@code rebalance.to}, the threshold flag), which the kernel, the minimum-trade optimizer and the
 * nightly planner all apply. Binding from YAML lives in {@code io.quantlake.config}.
 */
package io.quantlake.schedule;
