package io.quantlake.tearsheet;

import java.util.List;

/** A two-column key/value table, e.g. a backtest's metrics; keys and values are shown as given (escaped). */
public record MetricsTable(List<Entry> entries) implements Block {
    /** One row: a key and its already formatted value. */
    public record Entry(String key, String value) {
        public Entry {
            if (key == null || value == null) {
                throw new IllegalArgumentException("metrics entry key and value must not be null, got key=" + key
                        + " value=" + value);
            }
        }
    }

    public MetricsTable {
        entries = List.copyOf(entries);
    }
}
