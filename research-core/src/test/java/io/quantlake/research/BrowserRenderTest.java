package io.quantlake.research;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.market.Interval;
import io.quantlake.sweep.SweepTearSheet;
import io.quantlake.sweep.SyntheticSweep;
import io.quantlake.tearsheet.BacktestTearSheet;
import io.quantlake.tearsheet.Benchmark;
import io.quantlake.tearsheet.SyntheticRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens a backtest report, a factor report and a sweep report in Debian's headless Chromium and checks that it renders offline with no console
 * message and no script error, and keeps a screenshot.
 *
 * <p>How: {@code chromium --headless --dump-dom} with {@code --virtual-time-budget} loads the report from
 * {@code file://}, runs its scripts until the page is idle (virtual time, so no sleeping) and prints the DOM.
 * The page itself marks {@code <html>}: {@code data-charts} (charts on the page), {@code
 * data-charts-rendered} (charts whose ECharts {@code finished} event fired), {@code data-render-complete}
 * and {@code data-errors} (uncaught errors, unhandled rejections and {@code console.error} calls). With
 * {@code --enable-logging=stderr --v=0} Chromium writes every console message of the page to stderr as
 * {@code INFO:CONSOLE…}; the report logs nothing, so any such line fails the test (this catches a
 * {@code console.warn} or an error thrown before the page's error hook, which the DOM cannot show).
 * {@code --host-resolver-rules=MAP * ~NOTFOUND} makes any network request fail, so a page that needed the
 * network would show errors. Two more runs write {@code target/tearsheet/backtest-report.png} (1400 x 2400,
 * the top of the page) and {@code backtest-report-full.png} (1400 x 5600, the whole page), next to a copy of
 * the report. A second report on 9,600 hourly bars checks that downsampled series render as well, and a
 * third is drawn under {@code TZ=UTC} and {@code TZ=Pacific/Kiritimati} (UTC+14): the pixels must be equal,
 * so time axes and tooltips follow UTC ({@code useUTC}), not the viewer's zone.
 * Skipped when {@code /usr/bin/chromium} is absent (CI installs Debian's {@code chromium}).
 */
class BrowserRenderTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Pattern CONSOLE = Pattern.compile(":CONSOLE[:(]");

    @Test
    void backtestReportRendersEveryChartWithoutConsoleErrors(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
                "skipped: /usr/bin/chromium is absent (apt-get install -y chromium)");
        Path report = write(tmp, SyntheticRun.of(460), Optional.of(syntheticBtc()), "Synthetic <backtest> & BTC");
        assertRendersCleanly(tmp, report, 8);

        Path png = Path.of("target", "tearsheet", "backtest-report.png").toAbsolutePath();
        Path full = png.resolveSibling("backtest-report-full.png");
        Files.createDirectories(png.getParent());
        Files.deleteIfExists(png);
        Files.deleteIfExists(full);
        Files.copy(report, png.resolveSibling("backtest-report.html"), StandardCopyOption.REPLACE_EXISTING);
        chromium(tmp, List.of("--hide-scrollbars", "--window-size=1400,2400", "--screenshot=" + png,
                report.toUri().toString()));
        assertTrue(Files.size(png) > 50_000, "screenshot " + png + " looks empty: " + Files.size(png) + " bytes");
        chromium(tmp, List.of("--hide-scrollbars", "--window-size=1400,5600", "--screenshot=" + full,
                report.toUri().toString()));
        assertTrue(Files.size(full) > Files.size(png), "the whole page shows more than its top");
    }

    @Test
    void factorReportRendersEveryChartWithoutConsoleErrors(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
                "skipped: /usr/bin/chromium is absent (apt-get install -y chromium)");
        Path report = FactorTearSheet.write(tmp.resolve("out"), SyntheticFactorResult.of(700), "Synthetic <factors>",
                "two factors, two horizons, 700 dates");
        assertRendersCleanly(tmp, report, 11);
        keepScreenshot(tmp, report, "factor-report");
    }

    @Test
    void sweepReportRendersEveryChartWithoutConsoleErrors(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
                "skipped: /usr/bin/chromium is absent (apt-get install -y chromium)");
        SyntheticSweep sweep = SyntheticSweep.of("sweep-browser");
        Path report = SweepTearSheet.write(tmp.resolve("out"), sweep.outcome(), sweep.rows(), "Synthetic <sweep>");
        assertRendersCleanly(tmp, report, 5);
        keepScreenshot(tmp, report, "sweep-report");
    }

    /** Keeps {@code target/tearsheet/<name>.png} (1400 x 3200, the top of the page) next to a copy of the report. */
    private static void keepScreenshot(Path tmp, Path report, String name) throws Exception {
        Path png = Path.of("target", "tearsheet", name + ".png").toAbsolutePath();
        Files.createDirectories(png.getParent());
        Files.deleteIfExists(png);
        Files.copy(report, png.resolveSibling(name + ".html"), StandardCopyOption.REPLACE_EXISTING);
        chromium(tmp, List.of("--hide-scrollbars", "--window-size=1400,3200", "--screenshot=" + png,
                report.toUri().toString()));
        assertTrue(Files.size(png) > 50_000, "screenshot " + png + " looks empty: " + Files.size(png) + " bytes");
    }

    @Test
    void downsampledHourlyReportRendersToo(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
                "skipped: /usr/bin/chromium is absent (apt-get install -y chromium)");
        assertRendersCleanly(tmp, write(tmp, SyntheticRun.of(24 * 400, Interval.H1), Optional.empty(), "hourly"), 8);
    }

    @Test
    void timeAxesAreInUtcWhateverTheMachinesTimeZone(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
                "skipped: /usr/bin/chromium is absent (apt-get install -y chromium)");
        Path report = write(tmp, SyntheticRun.of(90), Optional.empty(), "tz");
        // the equity and drawdown charts of daily bars at 00:00 UTC; at UTC+14 local labels would move a day
        int[] utc = pixels(screenshot(tmp, report, "UTC"));
        int[] kiritimati = pixels(screenshot(tmp, report, "Pacific/Kiritimati"));
        assertTrue(java.util.Arrays.equals(utc, kiritimati), "the page must look the same in every time zone");
    }

    /** The backtest tear sheet of {@code run} in {@code tmp/out}. */
    private static Path write(Path tmp, SyntheticRun run, Optional<Benchmark> benchmark, String title) {
        return BacktestTearSheet.write(tmp.resolve("out"), run.result(), run.metrics(), benchmark, title);
    }

    private static Path screenshot(Path tmp, Path report, String timeZone) throws Exception {
        Path png = tmp.resolve("tz-" + timeZone.replace('/', '_') + ".png");
        chromium(tmp, List.of("--hide-scrollbars", "--window-size=1400,1200", "--screenshot=" + png,
                report.toUri().toString()), timeZone);
        return png;
    }

    private static int[] pixels(Path png) throws IOException {
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    /** Every chart's 'finished' fired, no page error, and nothing written to the browser console. */
    private static void assertRendersCleanly(Path tmp, Path report, int minCharts) throws Exception {
        int charts = Integer.parseInt(attribute(Files.readString(report), "data-charts"));
        assertTrue(charts >= minCharts, "the report holds at least " + minCharts + " charts, this one " + charts);
        Run dom = chromium(tmp, List.of("--enable-logging=stderr", "--v=0", "--dump-dom", report.toUri().toString()));
        assertEquals(Integer.toString(charts), attribute(dom.stdout, "data-charts-rendered"),
                "charts whose 'finished' event fired; page errors: " + errorText(dom.stdout));
        assertEquals("true", attribute(dom.stdout, "data-render-complete"));
        assertEquals(null, attribute(dom.stdout, "data-errors"), "page script errors: " + errorText(dom.stdout));
        List<String> console = new ArrayList<>();
        for (String line : dom.stderr.split("\n")) {
            if (CONSOLE.matcher(line).find()) {
                console.add(line);
            }
        }
        assertEquals(List.of(), console, "the report must write nothing to the browser console");
    }

    /** A BTC close path on the synthetic report's days, starting one day before the strategy. */
    private static Benchmark syntheticBtc() {
        int n = 470;
        long[] t = new long[n];
        double[] c = new double[n];
        for (int k = 0; k < n; k++) {
            t[k] = SyntheticRun.START + (k - 1) * SyntheticRun.DAY;
            c[k] = 37_000 * Math.exp(0.002 * k + 0.1 * Math.sin(k / 25.0));
        }
        return Benchmark.btcBuyAndHold(t, c);
    }

    private record Run(String stdout, String stderr) {
    }

    /** Runs headless Chromium with a fresh profile, offline, on virtual time; fails on a non-zero exit. */
    private static Run chromium(Path tmp, List<String> args) throws IOException, InterruptedException {
        return chromium(tmp, args, "UTC");
    }

    /** The same with the browser's time zone set by {@code TZ}. */
    private static Run chromium(Path tmp, List<String> args, String timeZone) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(tmp, "chromium-profile");
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--host-resolver-rules=MAP * ~NOTFOUND",
                "--user-data-dir=" + profile, "--virtual-time-budget=20000"));
        cmd.addAll(args);
        Path out = tmp.resolve("chromium.out");
        Path err = tmp.resolve("chromium.err");
        ProcessBuilder builder = new ProcessBuilder(cmd);
        builder.environment().put("TZ", timeZone);
        Process p = builder.redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);   // renderer, GPU and zygote processes
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish within 180 s: " + cmd);
        }
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), "chromium exit code; stderr:\n" + stderr);
        return new Run(stdout, stderr);
    }

    /** The value of {@code name="…"} on the {@code <html>} element, or null. */
    private static String attribute(String html, String name) {
        int start = html.indexOf("<html");
        int end = html.indexOf('>', start);
        Matcher m = Pattern.compile("\\s" + Pattern.quote(name) + "=\"([^\"]*)\"").matcher(html.substring(start, end));
        return m.find() ? m.group(1) : null;
    }

    private static String errorText(String dom) {
        Matcher m = Pattern.compile("<pre id=\"ql-errors\">([^<]*)</pre>").matcher(dom);
        return m.find() ? m.group(1) : "(no error box)";
    }
}
