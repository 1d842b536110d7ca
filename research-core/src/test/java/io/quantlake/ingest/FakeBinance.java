package io.quantlake.ingest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A local stand-in for Binance's REST API on 127.0.0.1 (ephemeral port): handlers per path answer from the
 * query parameters; every request is recorded. Also a settable clock and a recording sleeper.
 */
final class FakeBinance implements AutoCloseable {
    /** What a handler answers. */
    record Reply(int status, String body, Map<String, String> headers) {
        static Reply ok(String body) {
            return new Reply(200, body, Map.of());
        }

        Reply withHeader(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Reply(status, body, h);
        }
    }

    private final HttpServer server;
    final List<String> requests = Collections.synchronizedList(new ArrayList<>());

    FakeBinance() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.start();
    }

    /** Answers GET {@code path} with {@code handler} of the query parameters. */
    FakeBinance on(String path, Function<Map<String, String>, Reply> handler) {
        server.createContext(path, exchange -> answer(exchange, handler));
        return this;
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The query parameter {@code name} of recorded request {@code i}. */
    String param(int i, String name) {
        return query(URI.create(requests.get(i)).getRawQuery()).get(name);
    }

    private void answer(HttpExchange exchange, Function<Map<String, String>, Reply> handler) throws IOException {
        URI uri = exchange.getRequestURI();
        requests.add(uri.toString());
        Reply r = handler.apply(query(uri.getRawQuery()));
        byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
        r.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(r.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw != null) {
            for (String kv : raw.split("&")) {
                int eq = kv.indexOf('=');
                out.put(kv.substring(0, eq), kv.substring(eq + 1));
            }
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** A clock the test sets and the sleeper advances. */
    static final class TestClock extends Clock {
        long now;

        TestClock(long now) {
            this.now = now;
        }

        @Override
        public long millis() {
            return now;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(now);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(instant(), zone); // a snapshot in another zone; the client only asks for instants
        }
    }

    /** Records each wait and moves the clock on by it. */
    static final class RecordingSleeper implements Sleeper {
        final List<Duration> waits = new ArrayList<>();
        private final TestClock clock;

        RecordingSleeper(TestClock clock) {
            this.clock = clock;
        }

        @Override
        public void sleep(Duration d) {
            waits.add(d);
            clock.now += d.toMillis();
        }
    }
}
