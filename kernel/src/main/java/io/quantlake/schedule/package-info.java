/**
 * Rebalance calendars of weight strategies (SIMULATION.md §5, R24), evaluated over a grid of bar
 * open times in UTC.
 */
package io.quantlake.schedule;
