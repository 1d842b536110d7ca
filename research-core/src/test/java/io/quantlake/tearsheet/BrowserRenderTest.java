package io.quantlake.tearsheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Opens a backtest report in Debian's headless Chromium and checks that it renders offline with no console
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
 * network would show errors. A second run writes {@code target/tearsheet/backtest-report.png}.
 * Skipped when {@code /usr/bin/chromium} is absent (CI installs Debian's {@code chromium}).
 */
class BrowserRenderTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Pattern CONSOLE = Pattern.compile(":CONSOLE[:(]");

    @Test
    void backtestReportRendersEveryChartWithoutConsoleErrors(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
                "skipped: /usr/bin/chromium is absent (apt-get install -y chromium)");
        Path dir = SyntheticBacktestDir.write(tmp.resolve("out"), 460);
        Benchmark btc = syntheticBtc();
        Path report = BacktestTearSheet.write(dir, Optional.of(btc), "Synthetic <backtest> & BTC");
        int charts = Integer.parseInt(attribute(Files.readString(report), "data-charts"));
        assertTrue(charts >= 8, "the backtest report should hold at least 8 charts, has " + charts);

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

        Path png = Path.of("target", "tearsheet", "backtest-report.png").toAbsolutePath();
        Files.createDirectories(png.getParent());
        Files.deleteIfExists(png);
        Files.copy(report, png.resolveSibling("backtest-report.html"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        chromium(tmp, List.of("--hide-scrollbars", "--window-size=1400,2400", "--screenshot=" + png,
                report.toUri().toString()));
        assertTrue(Files.size(png) > 50_000, "screenshot " + png + " looks empty: " + Files.size(png) + " bytes");
    }

    /** A BTC close path on the synthetic report's days, starting one day before the strategy. */
    private static Benchmark syntheticBtc() {
        int n = 470;
        long[] t = new long[n];
        double[] c = new double[n];
        for (int k = 0; k < n; k++) {
            t[k] = SyntheticBacktestDir.START + (k - 1) * SyntheticBacktestDir.DAY;
            c[k] = 37_000 * Math.exp(0.002 * k + 0.1 * Math.sin(k / 25.0));
        }
        return Benchmark.btcBuyAndHold(t, c);
    }

    private record Run(String stdout, String stderr) {
    }

    /** Runs headless Chromium with a fresh profile, offline, on virtual time; fails on a non-zero exit. */
    private static Run chromium(Path tmp, List<String> args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(tmp, "chromium-profile");
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--host-resolver-rules=MAP * ~NOTFOUND",
                "--user-data-dir=" + profile, "--virtual-time-budget=20000"));
        cmd.addAll(args);
        Path out = tmp.resolve("chromium.out");
        Path err = tmp.resolve("chromium.err");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
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
