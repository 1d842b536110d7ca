package io.quantlake.ingest;

import java.time.Duration;

/** Waits; injected into {@link BinanceRestClient} so that tests see the waits without waiting. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    /** {@link Thread#sleep}. */
    static Sleeper system() {
        return d -> Thread.sleep(d.toMillis());
    }
}
