package io.quantlake.strategy.reference;

/**
 * How many of the ranked valid symbols go long (top) and short (bottom) at one bar. When the two
 * counts exceed the number of valid symbols, or a side with a positive request gets none, the bar
 * has no decision (R22).
 */
public sealed interface Selection {
    /** Symbols held long out of {@code valid} ranked ones. */
    int top(int valid);

    /** Symbols held short out of {@code valid} ranked ones. */
    int bottom(int valid);

    /** Whether the bar can decide with {@code valid} ranked symbols. */
    default boolean feasible(int valid) {
        int top = top(valid);
        int bottom = bottom(valid);
        return valid > 0 && top + bottom <= valid && top + bottom > 0;
    }

    /** Fixed counts (CLI.md {@code top} and {@code bottom}); 0 disables a side. */
    record Counts(int top, int bottom) implements Selection {
        public Counts {
            if (top < 0 || bottom < 0 || top + bottom == 0) {
                throw new IllegalArgumentException("top and bottom must be >= 0 and not both 0, got top=" + top
                        + " bottom=" + bottom);
            }
        }

        @Override
        public int top(int valid) {
            return top;
        }

        @Override
        public int bottom(int valid) {
            return bottom;
        }
    }

    /**
     * Fractions of the valid symbols: {@code max(1, floor(q · valid))} for a fraction {@code q > 0},
     * 0 for {@code q = 0}; {@code top + bottom <= 1}.
     */
    record Quantiles(double top, double bottom) implements Selection {
        public Quantiles {
            if (!(top >= 0 && bottom >= 0 && top + bottom > 0 && top + bottom <= 1)) {
                throw new IllegalArgumentException("quantiles need top, bottom >= 0 with 0 < top + bottom <= 1, got top="
                        + top + " bottom=" + bottom);
            }
        }

        @Override
        public int top(int valid) {
            return count(top, valid);
        }

        @Override
        public int bottom(int valid) {
            return count(bottom, valid);
        }

        private static int count(double q, int valid) {
            // the 1e-9 keeps e.g. 0.29 * 100 = 28.999999999999996 at 29
            return q == 0 ? 0 : Math.max(1, (int) Math.floor(q * valid + 1e-9));
        }
    }
}
