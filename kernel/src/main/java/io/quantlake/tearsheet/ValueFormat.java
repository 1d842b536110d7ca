package io.quantlake.tearsheet;

/**
 * How the page shows a chart's numbers (axis labels, tooltips, heatmap labels); the data itself stays
 * numeric. Formatting happens in the page's script, named by {@link #code()}.
 */
public enum ValueFormat {
    /**
     * Up to 4 significant digits below 1,000, grouped integers up to a million, compact above
     * (e.g. {@code 0.1234}, {@code 12,346}, {@code 1.235M}).
     */
    NUMBER("number"),
    /** A fraction shown as a percentage with 2 decimals ({@code 0.0123} → {@code 1.23%}). */
    PERCENT("percent"),
    /** A count: grouped integers ({@code 1,234}); a non-integer (an axis tick between counts) as {@link #NUMBER}. */
    INTEGER("integer");

    private final String code;

    ValueFormat(String code) {
        this.code = code;
    }

    /** The name the page's script knows this format by. */
    public String code() {
        return code;
    }
}
