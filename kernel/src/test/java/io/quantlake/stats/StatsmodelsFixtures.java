package io.quantlake.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads {@code stats/statsmodels-fixtures.json} (written once by {@code make_fixtures.py}, see there) and
 * the shared candle files that its real-data cases name.
 */
final class StatsmodelsFixtures {

    static final String RESOURCE = "/stats/statsmodels-fixtures.json";

    private StatsmodelsFixtures() {
    }

    static JsonNode load() {
        try (InputStream in = StatsmodelsFixtures.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + RESOURCE + " is missing");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).doubleValue();
        }
        return out;
    }

    /** The shared spot data directory, or null when {@code quantlake.shared} does not point at it. */
    static Path spotRoot() {
        String shared = System.getProperty("quantlake.shared");
        if (shared == null) {
            return null;
        }
        Path root = Path.of(shared, "data", "binance-spot-2024");
        return Files.isDirectory(root) ? root : null;
    }

    /**
     * Log closes of two symbols aligned as make_fixtures.py aligns them: inner join on open_time, ascending.
     * Returns {@code {times, logY, logX}} with the times as doubles.
     */
    static double[][] alignedLogCloses(Path root, String interval, String ySymbol, String xSymbol) {
        Map<Long, Double> y = closes(root.resolve(interval).resolve(ySymbol + ".csv"));
        Map<Long, Double> x = closes(root.resolve(interval).resolve(xSymbol + ".csv"));
        List<Long> times = y.keySet().stream().filter(x::containsKey).sorted().toList();
        double[][] out = new double[3][times.size()];
        for (int i = 0; i < times.size(); i++) {
            long t = times.get(i);
            out[0][i] = t;
            out[1][i] = Math.log(y.get(t));
            out[2][i] = Math.log(x.get(t));
        }
        return out;
    }

    private static Map<Long, Double> closes(Path file) {
        Map<Long, Double> out = new TreeMap<>();
        try {
            List<String> lines = Files.readAllLines(file);
            if (!lines.get(0).startsWith("open_time,open,high,low,close")) {
                throw new IllegalStateException(file + ": unexpected header " + lines.get(0));
            }
            for (int i = 1; i < lines.size(); i++) {
                String[] f = lines.get(i).split(",");
                out.put(Long.parseLong(f[0]), Double.parseDouble(f[4]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return out;
    }
}
