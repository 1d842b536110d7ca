package io.quantlake.tearsheet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A backtest output directory read back from CLI.md's files ("Backtest output files"): {@code equity.csv},
 * {@code ledger.csv}, {@code metrics.json} (required) and {@code targets.csv} (optional: empty when absent).
 * Decoupled from the kernel's Java types, so a report can be made of any run's directory.
 *
 * @param metrics metrics.json in file order; a JSON {@code null} (a non-finite metric, R27) is NaN
 */
public record BacktestOutput(EquityCurve equity, LedgerRows ledger, TargetRows targets, Map<String, Double> metrics) {
    public static final String EQUITY = "equity.csv";
    public static final String LEDGER = "ledger.csv";
    public static final String TARGETS = "targets.csv";
    public static final String METRICS = "metrics.json";

    public BacktestOutput {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /** Reads the files of {@code dir}; a missing required file is an error naming it. */
    public static BacktestOutput read(Path dir) {
        for (String required : new String[] {EQUITY, LEDGER, METRICS}) {
            if (!Files.isRegularFile(dir.resolve(required))) {
                throw new IllegalArgumentException("backtest output directory " + dir + " has no " + required
                        + " (expected the files of CLI.md \"Backtest output files\")");
            }
        }
        Path targets = dir.resolve(TARGETS);
        return new BacktestOutput(EquityCurve.read(dir.resolve(EQUITY)), LedgerRows.read(dir.resolve(LEDGER)),
                Files.isRegularFile(targets) ? TargetRows.read(targets)
                        : new TargetRows(new long[0], new String[0], new double[0]),
                readMetrics(dir.resolve(METRICS)));
    }

    private static Map<String, Double> readMetrics(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": not valid JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(file + ": expected a JSON object of metrics, got "
                    + (root == null ? "nothing" : root.getNodeType()));
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            JsonNode v = e.getValue();
            if (v.isNull()) {
                out.put(e.getKey(), Double.NaN);
            } else if (v.isNumber()) {
                out.put(e.getKey(), v.doubleValue());
            } else {
                throw new IllegalArgumentException(file + ": metric '" + e.getKey() + "' must be a number or null, got "
                        + v);
            }
        }
        return out;
    }
}
