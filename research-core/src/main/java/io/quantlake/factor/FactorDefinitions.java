package io.quantlake.factor;

import java.util.Objects;
import java.util.Optional;

/**
 * Factor entries as configs write them, resolved to factors: a built-in name ({@link FactorNames}) or
 * {@code {name, expr}}, a user factor ({@link UserFactor}). The one place research, nightly and the
 * {@code factor} strategy turn an entry into a {@link Factor}.
 */
public final class FactorDefinitions {
    private FactorDefinitions() {
    }

    /**
     * The factor of a config entry.
     *
     * @param name   the factor's name: a built-in name when {@code expr} is empty, else the user factor's name
     * @param expr   the user factor's Spark SQL expression ({@link UserFactor}); empty for a built-in factor
     * @param origin where the entry was written, e.g. {@code file conf/research.yaml}
     * @throws IllegalArgumentException one line naming the factor, the origin and the problem (a syntax error, an
     *                                  unknown column, a look-ahead, a name of a built-in form, an unknown name)
     */
    public static Factor resolve(String name, Optional<String> expr, String origin) {
        Objects.requireNonNull(expr, "expr");
        Objects.requireNonNull(origin, "origin");
        if (expr.isPresent()) {
            return new UserFactor(name, expr.get(), origin);
        }
        try {
            return FactorNames.parse(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " (" + origin + ")", e);
        }
    }
}
