package io.quantlake.config;

import io.quantlake.strategy.reference.Selection;

/** The selection keys every ranking strategy shares: counts {@code top}/{@code bottom} or fractions {@code top_quantile}/{@code bottom_quantile}. */
final class SelectionBinding {
    private SelectionBinding() {
    }

    /**
     * Counts {@code top}/{@code bottom} (their sum >= 1) or fractions {@code top_quantile}/{@code bottom_quantile}
     * of the valid symbols (their sum in (0, 1]), not both; {@code longOnly}: no bottom, {@code top >= 1}.
     */
    static Selection bind(ConfigNode p, boolean longOnly) {
        if (p.has("top_quantile") || p.has("bottom_quantile")) {
            for (String k : new String[]{"top", "bottom"}) {
                if (p.has(k)) {
                    throw p.invalid(k, "absent when top_quantile/bottom_quantile are given", p.require(k));
                }
            }
            double top = p.number("top_quantile", Range.closed(0, 1), 0);
            double bottom = longOnly ? 0 : p.number("bottom_quantile", Range.closed(0, 1), 0);
            if (!(top + bottom > 0 && top + bottom <= 1)) {
                throw p.invalid("top_quantile", "such that 0 < top_quantile + bottom_quantile <= 1", top + " + " + bottom);
            }
            return new Selection.Quantiles(top, bottom);
        }
        int top = p.integer("top", longOnly ? 1 : 0, Integer.MAX_VALUE);
        int bottom = longOnly ? 0 : p.integer("bottom", 0, Integer.MAX_VALUE);
        if (top + bottom == 0) {
            throw p.invalid("top", "such that top + bottom >= 1", "top=0, bottom=0");
        }
        return new Selection.Counts(top, bottom);
    }
}
