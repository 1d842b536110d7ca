package io.quantlake.ingest;

import io.quantlake.market.Market;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@link BinanceRestClient} talks to Binance.
 *
 * @param spotBaseUrl         spot REST root, default {@code https://api.binance.com}
 * @param futuresBaseUrl      USDⓈ-M REST root, default {@code https://fapi.binance.com}
 * @param spotWeightBudget    request weight per minute the client allows itself on spot (default 1200);
 *                            when the {@code X-MBX-USED-WEIGHT-1M} of the last response plus the next request's
 *                            weight exceeds it, the client sleeps until the next UTC minute
 * @param futuresWeightBudget the same for USDⓈ-M (default 2400)
 * @param maxAttempts         attempts per request for HTTP 429, 418, 5xx and I/O errors (default 5, at least 1)
 * @param initialBackoff      wait before the 2nd attempt when no {@code Retry-After} is given; doubles per attempt
 * @param maxWait             the longest single wait (backoff cap); a {@code Retry-After} longer than this
 *                            (an IP ban, HTTP 418) fails at once instead of hanging
 * @param requestTimeout      timeout of one HTTP request
 */
public record RestSettings(URI spotBaseUrl, URI futuresBaseUrl, int spotWeightBudget, int futuresWeightBudget,
                           int maxAttempts, Duration initialBackoff, Duration maxWait, Duration requestTimeout) {
    public RestSettings {
        Objects.requireNonNull(spotBaseUrl, "spotBaseUrl");
        Objects.requireNonNull(futuresBaseUrl, "futuresBaseUrl");
        if (spotWeightBudget < 1 || futuresWeightBudget < 1) {
            throw new IllegalArgumentException("weight budgets must be >= 1, got spot " + spotWeightBudget
                    + ", futures " + futuresWeightBudget);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1, got " + maxAttempts);
        }
        positive(initialBackoff, "initialBackoff");
        positive(maxWait, "maxWait");
        positive(requestTimeout, "requestTimeout");
    }

    /** Binance's public hosts, budgets 1200 (spot) and 2400 (futures), 5 attempts from 1 s, waits up to 5 min. */
    public static RestSettings defaults() {
        return new RestSettings(URI.create("https://api.binance.com"), URI.create("https://fapi.binance.com"),
                1200, 2400, 5, Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofSeconds(30));
    }

    /** These settings with the base URL of {@code market} replaced (CLI {@code --base-url}). */
    public RestSettings withBaseUrl(Market market, URI url) {
        return market == Market.SPOT
                ? new RestSettings(url, futuresBaseUrl, spotWeightBudget, futuresWeightBudget, maxAttempts,
                        initialBackoff, maxWait, requestTimeout)
                : new RestSettings(spotBaseUrl, url, spotWeightBudget, futuresWeightBudget, maxAttempts,
                        initialBackoff, maxWait, requestTimeout);
    }

    /** These settings with other retry timing (tests use milliseconds). */
    public RestSettings withRetry(int attempts, Duration initial, Duration longest) {
        return new RestSettings(spotBaseUrl, futuresBaseUrl, spotWeightBudget, futuresWeightBudget, attempts,
                initial, longest, requestTimeout);
    }

    /** These settings with other weight budgets. */
    public RestSettings withWeightBudgets(int spot, int futures) {
        return new RestSettings(spotBaseUrl, futuresBaseUrl, spot, futures, maxAttempts, initialBackoff, maxWait,
                requestTimeout);
    }

    URI baseUrl(Market market) {
        return market == Market.SPOT ? spotBaseUrl : futuresBaseUrl;
    }

    int weightBudget(Market market) {
        return market == Market.SPOT ? spotWeightBudget : futuresWeightBudget;
    }

    private static void positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be > 0, got " + d);
        }
    }
}
