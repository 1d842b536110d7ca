package io.quantlake.tearsheet;

/** One element of a report {@link Section}, rendered in order. */
public sealed interface Block permits Note, MetricsTable, Table, Chart {
}
