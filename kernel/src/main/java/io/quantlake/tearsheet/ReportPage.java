package io.quantlake.tearsheet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One self-contained HTML report page: a title and {@link Section}s of notes, tables and charts.
 *
 * <p>The page needs no network: the ECharts 5.3.1 bundle (webjar {@code org.webjars.npm:echarts}) is inlined
 * once in a {@code <script>}, each chart's data is inlined as JSON in a {@code <script
 * type="application/json">} next to its {@code <div>}, and the page's own CSS and script come from this
 * package's resources; it opens from {@code file://}. All text (titles, cells, notes) is HTML-escaped; JSON
 * has {@code <}, {@code >} and {@code &} escaped so no data can close its script element.
 *
 * <p>Rendering is deterministic: the same page gives the same bytes (no clock, no random ids; chart ids are
 * {@code chart-1, chart-2, …} in page order). For tests and monitoring the page's script marks the
 * {@code <html>} element: {@code data-charts} (charts on the page), {@code data-charts-rendered} (charts
 * whose ECharts {@code finished} event fired), {@code data-render-complete="true"} when all have, and
 * {@code data-errors} (count of uncaught script errors, whose text is shown in {@code <pre id="ql-errors">}).
 */
public record ReportPage(String title, List<Section> sections) {
    /** Classpath resource of the bundled ECharts build. */
    public static final String ECHARTS_RESOURCE = "META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern NUMERIC = Pattern.compile("[-+]?[0-9][0-9,]*(\\.[0-9]+)?(e[-+]?[0-9]+)?%?|n/a");

    public ReportPage {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("report title must not be blank, got '" + title + "'");
        }
        sections = List.copyOf(sections);
    }

    /** Writes the page to {@code file} (UTF-8, parent directories created) and returns {@code file}. */
    public Path write(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, html(), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write report " + file + ": " + e.getMessage(), e);
        }
    }

    /** The page's HTML text. */
    public String html() {
        int charts = 0;
        for (Section s : sections) {
            for (Block b : s.blocks()) {
                charts += b instanceof Chart ? 1 : 0;
            }
        }
        StringBuilder out = new StringBuilder(Assets.ECHARTS.length() + 200_000);
        out.append("<!DOCTYPE html>\n<html lang=\"en\" data-charts=\"").append(charts).append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.escape(title)).append("</title>\n")
                .append("<style>\n").append(Assets.CSS).append("</style>\n")
                .append("<script>\n").append(Assets.ERRORS_JS).append("</script>\n")
                .append("</head>\n<body>\n<header><h1>").append(Html.escape(title)).append("</h1></header>\n");
        out.append("<nav>");
        for (int s = 0; s < sections.size(); s++) {
            out.append("<a href=\"#section-").append(s + 1).append("\">").append(Html.escape(sections.get(s).title()))
                    .append("</a>");
        }
        out.append("</nav>\n<pre id=\"ql-errors\"></pre>\n<main>\n");
        int chartId = 0;
        for (int s = 0; s < sections.size(); s++) {
            Section section = sections.get(s);
            out.append("<section id=\"section-").append(s + 1).append("\">\n<h2>").append(Html.escape(section.title()))
                    .append("</h2>\n");
            for (Block block : section.blocks()) {
                if (block instanceof Chart c) {
                    chart(out, c, ++chartId);
                } else {
                    text(out, block);
                }
            }
            out.append("</section>\n");
        }
        out.append("</main>\n<footer>Self-contained report; charts drawn by Apache ECharts 5.3.1 (Apache License 2.0),")
                .append(" bundled in this file.</footer>\n")
                .append("<script>\n").append(Assets.ECHARTS).append("\n</script>\n")
                .append("<script>\n").append(Assets.REPORT_JS).append("</script>\n</body>\n</html>\n");
        return out.toString();
    }

    private static void text(StringBuilder out, Block block) {
        if (block instanceof Note n) {
            out.append("<p class=\"note\">").append(Html.escape(n.text())).append("</p>\n");
        } else if (block instanceof MetricsTable m) {
            out.append("<table class=\"metrics\">\n");
            for (MetricsTable.Entry e : m.entries()) {
                out.append("<tr><td>").append(Html.escape(e.key())).append("</td><td class=\"num\">")
                        .append(Html.escape(e.value())).append("</td></tr>\n");
            }
            out.append("</table>\n");
        } else {
            Table t = (Table) block;
            out.append("<table>\n<tr>");
            for (String h : t.header()) {
                out.append("<th>").append(Html.escape(h)).append("</th>");
            }
            out.append("</tr>\n");
            for (List<String> row : t.rows()) {
                out.append("<tr>");
                for (String cell : row) {
                    out.append(numeric(cell) ? "<td class=\"num\">" : "<td>").append(Html.escape(cell)).append("</td>");
                }
                out.append("</tr>\n");
            }
            out.append("</table>\n");
        }
    }

    private static void chart(StringBuilder out, Chart c, int id) {
        String json;
        try {
            json = MAPPER.writeValueAsString(EChartsOptions.of(c));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write chart '" + c.title() + "' as JSON: " + e.getMessage(), e);
        }
        int height = c instanceof HeatmapChart h ? 110 + 26 * h.rows().size() : 320;
        out.append("<figure class=\"chart\"><figcaption>").append(Html.escape(c.title())).append("</figcaption>\n")
                .append("<div class=\"plot\" id=\"chart-").append(id).append("\" style=\"height:").append(height)
                .append("px\"></div>\n<script type=\"application/json\" id=\"chart-").append(id).append("-data\">")
                .append(Html.scriptSafeJson(json)).append("</script></figure>\n");
    }

    /** Right-aligns cells that read as numbers, percentages or n/a. */
    private static boolean numeric(String cell) {
        return !cell.isEmpty() && NUMERIC.matcher(cell.toLowerCase(Locale.ROOT)).matches();
    }

    /** The page's fixed assets, read once from the classpath. */
    private static final class Assets {
        static final String ECHARTS = scriptText(ECHARTS_RESOURCE);
        static final String CSS = read("io/quantlake/tearsheet/report.css");
        static final String ERRORS_JS = scriptText("io/quantlake/tearsheet/errors.js");
        static final String REPORT_JS = scriptText("io/quantlake/tearsheet/report.js");

        private static String scriptText(String resource) {
            String text = read(resource);
            String lower = text.toLowerCase(Locale.ROOT);
            if (lower.contains("</script") || lower.contains("<!--")) {
                throw new IllegalStateException("resource " + resource
                        + " contains '</script' or '<!--' and cannot be inlined into a <script> element");
            }
            return text;
        }

        private static String read(String resource) {
            try (InputStream in = ReportPage.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("resource " + resource + " is not on the classpath"
                            + (resource.startsWith("META-INF") ? " (dependency org.webjars.npm:echarts:5.3.1)" : ""));
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read resource " + resource + ": " + e.getMessage(), e);
            }
        }
    }
}
