package io.quantlake.sim;

/**
 * Which price a funding payment is marked at. SIMULATION.md §8 says "the funding record's mark
 * price, else bar t's close", but §12.3 and R4 (which win over §8) say "marked at the bar's close";
 * the default follows §12.3/R4. {@link #RECORD_MARK} is the literal §8 reading, offered for users
 * who want it.
 */
public enum FundingMark {
    /** The bar's close (last known close when the symbol has no bar), §12.3 and R4. Default. */
    BAR_CLOSE,
    /** The funding record's mark price when present, else the bar's close, §8. */
    RECORD_MARK
}
