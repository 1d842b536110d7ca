package io.quantlake.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quantlake.market.Market;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * GET of a Binance JSON endpoint with weight throttling ({@link WeightThrottle}, one per market) and retries:
 * HTTP 429, 418, 5xx and I/O errors are retried up to {@link RestSettings#maxAttempts()} times, waiting the
 * {@code Retry-After} seconds when given, else {@code initialBackoff · 2^(attempt-1)} capped at
 * {@code maxWait}. Any other non-200 status fails at once; every failure is an {@link IngestException} naming
 * the URL, the status and Binance's error body.
 */
final class RestTransport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BODY_IN_MESSAGE = 300;

    private final RestSettings settings;
    private final HttpClient http;
    private final Sleeper sleeper;
    private final Map<Market, WeightThrottle> throttles = new EnumMap<>(Market.class);

    RestTransport(RestSettings settings, HttpClient http, Clock clock, Sleeper sleeper) {
        this.settings = settings;
        this.http = http;
        this.sleeper = sleeper;
        for (Market m : Market.values()) {
            throttles.put(m, new WeightThrottle(settings.weightBudget(m), clock, sleeper));
        }
    }

    /** The full URL of {@code path?query} on {@code market}'s base URL. */
    URI uri(Market market, String path, String query) {
        String base = settings.baseUrl(market).toString().replaceAll("/+$", "");
        return URI.create(base + path + (query.isEmpty() ? "" : "?" + query));
    }

    /** GETs {@code uri} (of {@code market}, costing {@code weight}) and parses the JSON body. */
    JsonNode get(Market market, URI uri, int weight) {
        WeightThrottle throttle = throttles.get(market);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(settings.requestTimeout())
                .header("Accept", "application/json").GET().build();
        int max = settings.maxAttempts();
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response;
            try {
                throttle.beforeRequest(weight);
                try {
                    response = http.send(request, HttpResponse.BodyHandlers.ofString());
                } catch (IOException e) {
                    if (attempt >= max) {
                        throw new IngestException("GET " + uri + ": " + e + " after " + attempt + " attempts", e);
                    }
                    sleeper.sleep(backoff(attempt));
                    continue;
                }
                throttle.afterResponse(response.headers().firstValue(WeightThrottle.HEADER).orElse(null));
                int status = response.statusCode();
                if (status == 200) {
                    return parse(uri, response.body());
                }
                if (!retryable(status)) {
                    throw new IngestException("GET " + uri + ": HTTP " + status + " " + abbreviate(response.body()));
                }
                if (attempt >= max) {
                    throw new IngestException("GET " + uri + ": HTTP " + status + " after " + attempt + " attempts, "
                            + "giving up: " + abbreviate(response.body()));
                }
                sleeper.sleep(retryWait(uri, response, attempt));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IngestException("GET " + uri + ": interrupted", e);
            }
        }
    }

    /** 429 (rate limit), 418 (IP ban after ignoring 429s) and server errors may pass when retried later. */
    static boolean retryable(int status) {
        return status == 429 || status == 418 || status >= 500;
    }

    private Duration retryWait(URI uri, HttpResponse<String> response, int attempt) {
        Optional<String> header = response.headers().firstValue("Retry-After");
        if (header.isEmpty()) {
            return backoff(attempt);
        }
        Duration wait;
        try {
            wait = Duration.ofSeconds(Long.parseLong(header.get().strip()));
        } catch (NumberFormatException e) {
            return backoff(attempt);
        }
        if (wait.compareTo(settings.maxWait()) > 0) {
            throw new IngestException("GET " + uri + ": HTTP " + response.statusCode() + " with Retry-After "
                    + wait.toSeconds() + " s, longer than the longest wait of " + settings.maxWait().toSeconds()
                    + " s; try again later: " + abbreviate(response.body()));
        }
        return wait;
    }

    /** {@code initialBackoff · 2^(attempt-1)}, at most {@code maxWait}. */
    Duration backoff(int attempt) {
        Duration d = settings.initialBackoff().multipliedBy(1L << Math.min(attempt - 1, 30));
        return d.compareTo(settings.maxWait()) > 0 ? settings.maxWait() : d;
    }

    private static JsonNode parse(URI uri, String body) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IngestException("GET " + uri + ": the response is not JSON: " + abbreviate(body), e);
        }
    }

    /** The first {@value #BODY_IN_MESSAGE} characters of a response body, for an error message. */
    static String abbreviate(String body) {
        String b = body == null ? "" : body.strip();
        return b.length() <= BODY_IN_MESSAGE ? b : b.substring(0, BODY_IN_MESSAGE) + "…";
    }
}
