package io.quantlake.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quantlake.tearsheet.HeatmapChart;
import io.quantlake.tearsheet.ValueFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * The {@code sweep_results} rows of one run grouped per parameter set (ordered by param_hash), and the
 * params that vary across the sets: ordered by their number of distinct values (most first, ties by key),
 * each with its distinct values in order (numerically when all are numbers, else by text; {@value #ABSENT}
 * last when some set lacks the param).
 */
record SweepSets(List<SetRows> sets, int folds, List<String> varied, Map<String, List<String>> values) {
    /** The value shown for a param that a set does not have. */
    static final String ABSENT = "(absent)";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One parameter set: its top-level params as text, its full-sample and per-fold metrics. */
    record SetRows(String hash, Map<String, String> params, WindowMetrics full, WindowMetrics[] inSample,
               WindowMetrics[] outOfSample) {
        /** Mean of the objective over the folds of {@code windows} (NaN when a fold's value is NaN or no fold). */
        double mean(WindowMetrics[] windows, Objective objective) {
            double s = 0;
            for (WindowMetrics w : windows) {
                s += objective.value(w);
            }
            return windows.length == 0 ? Double.NaN : s / windows.length;
        }
    }

    /** Groups {@code rows}; fails naming the set when one lacks its full row or a fold row. */
    static SweepSets of(List<SweepRow> rows) {
        int folds = 0;
        for (SweepRow r : rows) {
            folds = Math.max(folds, r.fold() + 1);
        }
        Map<String, List<SweepRow>> byHash = new TreeMap<>();
        for (SweepRow r : rows) {
            byHash.computeIfAbsent(r.paramHash(), h -> new ArrayList<>()).add(r);
        }
        List<SetRows> sets = new ArrayList<>();
        Map<String, Map<String, JsonNode>> seen = new TreeMap<>();
        for (Map.Entry<String, List<SweepRow>> e : byHash.entrySet()) {
            WindowMetrics full = null;
            WindowMetrics[] in = new WindowMetrics[folds];
            WindowMetrics[] out = new WindowMetrics[folds];
            for (SweepRow r : e.getValue()) {
                switch (r.split()) {
                    case SweepResultsTable.FULL -> full = r.metrics();
                    case SweepResultsTable.IN_SAMPLE -> in[r.fold()] = r.metrics();
                    default -> out[r.fold()] = r.metrics();
                }
            }
            for (int f = 0; f < folds; f++) {
                if (in[f] == null || out[f] == null) {
                    throw new IllegalArgumentException("sweep set " + e.getKey() + " has no " + (in[f] == null
                            ? "in_sample" : "out_of_sample") + " row for fold " + f + " of " + folds);
                }
            }
            if (full == null) {
                throw new IllegalArgumentException("sweep set " + e.getKey() + " has no full row");
            }
            Map<String, String> params = new TreeMap<>();
            JsonNode tree = parse(e.getKey(), e.getValue().get(0).params());
            for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> p = it.next();
                params.put(p.getKey(), text(p.getValue()));
                seen.computeIfAbsent(p.getKey(), k -> new LinkedHashMap<>()).putIfAbsent(text(p.getValue()), p.getValue());
            }
            sets.add(new SetRows(e.getKey(), params, full, in, out));
        }
        Map<String, List<String>> values = new TreeMap<>();
        List<String> varied = new ArrayList<>();
        for (Map.Entry<String, Map<String, JsonNode>> e : seen.entrySet()) {
            List<String> sorted = new ArrayList<>(sortedValues(e.getValue()));
            long having = sets.stream().filter(s -> s.params().containsKey(e.getKey())).count();
            if (having < sets.size()) {
                sorted.add(ABSENT);
            }
            values.put(e.getKey(), sorted);
            if (sorted.size() > 1) {
                varied.add(e.getKey());
            }
        }
        varied.sort(Comparator.comparingInt((String k) -> -values.get(k).size()).thenComparing(k -> k));
        return new SweepSets(sets, folds, varied, values);
    }

    /**
     * The heatmap of {@code value} over the two most-varied params (columns: the first, rows: the second;
     * a single varied param gives one row "all sets"). A cell holds the best value (by the objective's
     * direction) among the sets having that pair of values, whatever their other params; NaN when none has
     * a finite value. Null when no param varies.
     */
    HeatmapChart heatmap(String title, Objective objective, ToDoubleFunction<SetRows> value, ValueFormat format) {
        if (varied.isEmpty()) {
            return null;
        }
        String x = varied.get(0);
        String y = varied.size() > 1 ? varied.get(1) : null;
        List<String> columns = values.get(x);
        List<String> rows = y == null ? List.of("all sets") : values.get(y);
        double[] cells = new double[columns.size() * rows.size()];
        java.util.Arrays.fill(cells, Double.NaN);
        for (SetRows s : sets) {
            int c = columns.indexOf(s.params().getOrDefault(x, ABSENT));
            int r = y == null ? 0 : rows.indexOf(s.params().getOrDefault(y, ABSENT));
            double v = value.applyAsDouble(s);
            if (c < 0 || r < 0 || Double.isNaN(v)) {
                continue;
            }
            int k = r * columns.size() + c;
            if (Double.isNaN(cells[k]) || objective.score(v) > objective.score(cells[k])) {
                cells[k] = v;
            }
        }
        String axes = y == null ? x + " (columns)" : x + " (columns) × " + y + " (rows)";
        return new HeatmapChart(title + " over " + axes, columns, rows, cells, format,
                objective.higherIsBetter() ? HeatmapChart.Scale.DIVERGING : HeatmapChart.Scale.SEQUENTIAL);
    }

    /** A param value as shown: a string without quotes, anything else as compact JSON. */
    static String text(JsonNode v) {
        return v.isTextual() ? v.asText() : v.toString();
    }

    private static List<String> sortedValues(Map<String, JsonNode> distinct) {
        List<Map.Entry<String, JsonNode>> list = new ArrayList<>(distinct.entrySet());
        boolean numbers = list.stream().allMatch(e -> e.getValue().isNumber());
        list.sort(numbers ? Comparator.comparingDouble(e -> e.getValue().asDouble()) : Map.Entry.comparingByKey());
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : list) {
            out.add(e.getKey());
        }
        return out;
    }

    private static JsonNode parse(String hash, String json) {
        try {
            JsonNode tree = JSON.readTree(json);
            if (!tree.isObject()) {
                throw new IllegalArgumentException("sweep set " + hash + ": params are not a JSON object: " + json);
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("sweep set " + hash + ": invalid params JSON " + json, e);
        }
    }
}
