package io.quantlake.strategy.pairs;

import java.util.Objects;

/**
 * An ordered pair: {@code y} regressed on {@code x} ({@code y_t = alpha + beta x_t + s_t}).
 * Written {@code Y/X} in configs, e.g. {@code BCHUSDT/LTCUSDT}.
 */
public record PairSpec(String y, String x) {
    public PairSpec {
        Objects.requireNonNull(y, "y");
        Objects.requireNonNull(x, "x");
        if (y.isBlank() || x.isBlank() || y.equals(x)) {
            throw new IllegalArgumentException("a pair needs two different non-empty symbols, got y '" + y + "', x '" + x + "'");
        }
    }

    /**
     * Parses {@code Y/X}.
     *
     * @throws IllegalArgumentException when the text is not two different symbols separated by one {@code /}
     */
    public static PairSpec parse(String text) {
        String[] parts = text.split("/", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("a pair is written Y/X (y regressed on x), e.g. BCHUSDT/LTCUSDT; got '" + text + "'");
        }
        return new PairSpec(parts[0].trim(), parts[1].trim());
    }

    @Override
    public String toString() {
        return y + "/" + x;
    }
}
