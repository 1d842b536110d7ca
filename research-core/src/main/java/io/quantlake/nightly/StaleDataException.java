package io.quantlake.nightly;

/**
 * The lake's last bar is older than a run date needs (the bar opening one interval before the run date's
 * 00:00 UTC): no targets or orders were computed; the {@code runs} row has status {@code stale}.
 */
public final class StaleDataException extends RuntimeException {
    public StaleDataException(String message) {
        super(message);
    }
}
