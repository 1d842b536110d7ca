package io.quantlake.exit;

/**
 * One rule of a lot's exit chain (SIMULATION.md §7). A chain is an ordered {@code List} of rules;
 * at a bar the engine asks each rule in order and the first that fires wins (at most one exit per
 * lot per bar, so a ladder advances by at most one level per bar). Rules are immutable
 * specifications; the per-lot path state (water mark, ladder stage) lives in {@link OpenLot}
 * under the rule's index in the chain.
 *
 * <p>Timing: {@link #checkInBar} runs at step 2 of §12.2 (exits inside the bar) for every lot
 * that was open before the bar's intrabar prices happened: a lot filled at the open of bar
 * {@code b} is checked from {@code b} (R18), a lot filled at the close of {@code b} from
 * {@code b + 1}. {@link #checkAtClose} runs at step 5 (decisions at the close) for rules that
 * decide on the bar's data, such as {@link ConditionalExitStrategy}; their exits fill per §2.
 */
public sealed interface ExitStrategy
        permits TPSLExitStrategy, TrailingStopExitStrategy, TimeBasedExitStrategy, ConditionalExitStrategy,
        RebalanceExitStrategy {

    /**
     * Checks the lot against bar {@code bar.t()} (step 2). Fills {@code out} and returns true when
     * the rule fires.
     *
     * @param rule this rule's index in the lot's chain (key of its path state)
     */
    boolean checkInBar(int rule, OpenLot lot, ExitBar bar, ExitFill out);

    /** Checks the lot at the bar's close (step 5); only decision-type rules fire here. */
    default boolean checkAtClose(int rule, OpenLot lot, ExitBar bar, ExitFill out) {
        return false;
    }

    /** Initialises the rule's path state when the lot opens at {@code bar} (the fill bar). */
    default void onOpen(int rule, OpenLot lot, ExitBar bar) {
    }

    /** Updates path state after the bar's exits for a lot still open (e.g. the trailing water mark). */
    default void afterBar(int rule, OpenLot lot, ExitBar bar) {
    }
}
