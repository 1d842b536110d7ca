package io.quantlake.strategy.reference;

/** Argument checks shared by the reference strategies' compact constructors. */
final class ReferenceChecks {
    private ReferenceChecks() {
    }

    /** The no-trade band of SIMULATION.md §5: a weight fraction in [0, 1). */
    static void band(double band) {
        if (!(band >= 0 && band < 1)) {
            throw new IllegalArgumentException("band must be in [0, 1), got " + band);
        }
    }
}
