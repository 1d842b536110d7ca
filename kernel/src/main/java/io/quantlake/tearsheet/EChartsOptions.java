package io.quantlake.tearsheet;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Turns a {@link Chart} into the JSON the page's script hands to ECharts: {@code {"kind", "format",
 * "option"}}, where {@code option} is an ECharts 5 option (animation off, UTC time axis) and {@code format}
 * names the {@link ValueFormat}s the script attaches as label and tooltip formatters (functions cannot
 * travel in JSON). Chart values are written in single precision (about 7 significant digits, enough for a
 * picture and half the bytes); a non-finite value becomes {@code null}, which ECharts draws as a gap. Grids
 * contain their axis labels ({@code containLabel}), so long labels are never cut; overlapping category labels
 * are hidden. Values are printed on heatmap cells up to {@value #MAX_LABELLED_CELLS} cells in at most
 * {@value #MAX_LABELLED_COLUMNS} columns and above bars up to
 * {@value #MAX_LABELLED_BARS} bars.
 */
final class EChartsOptions {
    /** Heatmaps of at most this many cells, and {@link #MAX_LABELLED_COLUMNS} columns, print each cell's value. */
    static final int MAX_LABELLED_CELLS = 400;
    /** Widest heatmap (in columns) whose cells are wide enough for a printed value. */
    static final int MAX_LABELLED_COLUMNS = 24;
    /** Bar charts of at most this many bars print each bar's value above it. */
    static final int MAX_LABELLED_BARS = 24;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String[] PALETTE = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
        "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};

    private EChartsOptions() {
    }

    static ObjectNode of(Chart chart) {
        if (chart instanceof TimeSeriesChart c) {
            return timeSeries(c);
        }
        if (chart instanceof BarChart c) {
            return bar(c);
        }
        if (chart instanceof HeatmapChart c) {
            return heatmap(c);
        }
        return scatter((ScatterChart) chart);   // the last member of the sealed family
    }

    private static ObjectNode timeSeries(TimeSeriesChart c) {
        ObjectNode option = base(c.series().size() > 1);
        option.putObject("tooltip").put("trigger", "axis");
        option.putObject("xAxis").put("type", "time");
        option.putObject("yAxis").put("type", "value").put("scale", c.style() != TimeSeriesChart.Style.AREA);
        ArrayNode zoom = option.putArray("dataZoom");
        zoom.addObject().put("type", "inside");
        zoom.addObject().put("type", "slider").put("height", 18).put("bottom", 6);
        grid(option, 36, 56);
        ArrayNode series = option.putArray("series");
        for (TimeSeries s : c.series()) {
            ObjectNode node = series.addObject().put("name", s.name()).put("type", "line")
                    .put("showSymbol", false).put("connectNulls", false);
            node.putObject("lineStyle").put("width", 1.5);
            if (c.style() == TimeSeriesChart.Style.AREA) {
                node.putObject("areaStyle").put("opacity", 0.35);
            } else if (c.style() == TimeSeriesChart.Style.STEP) {
                node.put("step", "end");
            }
            ArrayNode data = node.putArray("data");
            for (int i : Downsampler.keep(s.values(), Downsampler.MAX_POINTS)) {
                ArrayNode point = data.addArray().add(s.times()[i]);
                addValue(point, s.values()[i]);
            }
        }
        return wrap("line", option, c.format(), null);
    }

    private static ObjectNode bar(BarChart c) {
        ObjectNode option = base(c.series().size() > 1);
        option.putObject("tooltip").put("trigger", "axis");
        ObjectNode x = option.putObject("xAxis").put("type", "category");
        strings(x.putArray("data"), c.categories());
        x.putObject("axisLabel").put("hideOverlap", true);
        option.putObject("yAxis").put("type", "value");
        grid(option, 36, 40);
        ArrayNode series = option.putArray("series");
        boolean labels = c.categories().size() * c.series().size() <= MAX_LABELLED_BARS;
        for (BarChart.Bars b : c.series()) {
            ObjectNode node = series.addObject().put("name", b.name()).put("type", "bar");
            if (labels) {
                node.putObject("label").put("show", true).put("position", "top").put("fontSize", 10);
            }
            ArrayNode data = node.putArray("data");
            for (double v : b.values()) {
                addValue(data, v);
            }
        }
        return wrap("bar", option, c.format(), null);
    }

    private static ObjectNode heatmap(HeatmapChart c) {
        ObjectNode option = base(false);
        option.putObject("tooltip").put("trigger", "item");
        ObjectNode x = option.putObject("xAxis").put("type", "category").put("position", "top");
        strings(x.putArray("data"), c.columns());
        x.putObject("axisLabel").put("hideOverlap", true);
        strings(option.putObject("yAxis").put("type", "category").put("inverse", true).putArray("data"), c.rows());
        grid(option, 30, 60);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        ArrayNode data = JSON.arrayNode();
        int nc = c.columns().size();
        for (int k = 0; k < c.values().length; k++) {
            double v = c.values()[k];
            if (Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
                addValue(data.addArray().add(k % nc).add(k / nc), v);
            }
        }
        if (min > max) {
            min = 0;
            max = 0;
        }
        ObjectNode visual = option.putObject("visualMap").put("orient", "horizontal").put("left", "center")
                .put("bottom", 4).put("calculable", true).put("itemHeight", 160);
        ArrayNode colors = visual.putObject("inRange").putArray("color");
        if (c.scale() == HeatmapChart.Scale.DIVERGING) {
            double m = Math.max(Math.max(Math.abs(min), Math.abs(max)), 1e-12);
            visual.put("min", -m).put("max", m);
            colors.add("#c0392b").add("#f7f7f7").add("#27ae60");
        } else {
            visual.put("min", min).put("max", max > min ? max : min + 1e-12);
            colors.add("#f7fbff").add("#08519c");
        }
        ObjectNode series = option.putArray("series").addObject().put("type", "heatmap");
        boolean labels = c.values().length <= MAX_LABELLED_CELLS && nc <= MAX_LABELLED_COLUMNS;
        series.putObject("label").put("show", labels).put("fontSize", 10);
        series.putObject("itemStyle").put("borderColor", "#ffffff").put("borderWidth", 1);
        series.set("data", data);
        return wrap("heatmap", option, c.format(), null);
    }

    private static ObjectNode scatter(ScatterChart c) {
        ObjectNode option = base(c.series().size() > 1);
        option.putObject("tooltip").put("trigger", "item");
        option.putObject("xAxis").put("type", "value").put("name", c.xName()).put("nameLocation", "middle")
                .put("nameGap", 26).put("scale", true);
        option.putObject("yAxis").put("type", "value").put("name", c.yName()).put("scale", true);
        grid(option, 40, 48);
        ArrayNode series = option.putArray("series");
        for (ScatterChart.Points p : c.series()) {
            ObjectNode node = series.addObject().put("name", p.name()).put("type", "scatter").put("symbolSize", 6);
            ArrayNode data = node.putArray("data");
            for (int i : Downsampler.stride(p.x().length, Downsampler.MAX_POINTS)) {
                if (Double.isFinite(p.x()[i]) && Double.isFinite(p.y()[i])) {
                    data.addArray().add((float) p.x()[i]).add((float) p.y()[i]);
                }
            }
        }
        return wrap("scatter", option, c.yFormat(), c.xFormat());
    }

    private static ObjectNode base(boolean legend) {
        ObjectNode option = JSON.objectNode();
        option.put("animation", false).put("useUTC", true);
        ArrayNode color = option.putArray("color");
        for (String p : PALETTE) {
            color.add(p);
        }
        if (legend) {
            option.putObject("legend").put("top", 4).put("type", "scroll");
        }
        return option;
    }

    /** A plot area that contains its axis labels, {@code top} and {@code bottom} px from the chart's edges. */
    private static void grid(ObjectNode option, int top, int bottom) {
        option.putObject("grid").put("containLabel", true).put("left", 16).put("right", 30).put("top", top)
                .put("bottom", bottom);
    }

    private static ObjectNode wrap(String kind, ObjectNode option, ValueFormat value, ValueFormat x) {
        ObjectNode out = JSON.objectNode().put("kind", kind);
        ObjectNode format = out.putObject("format").put("value", value.code());
        if (x != null) {
            format.put("x", x.code());
        }
        out.set("option", option);
        return out;
    }

    private static void addValue(ArrayNode array, double v) {
        if (Double.isFinite(v)) {
            array.add((float) v);
        } else {
            array.addNull();
        }
    }

    private static void strings(ArrayNode array, List<String> values) {
        for (String v : values) {
            array.add(v);
        }
    }
}
