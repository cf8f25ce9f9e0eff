package io.github.mnistlab.maven.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mnistlab.data.MnistDataset;
import io.github.mnistlab.data.MnistLoader;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Opens the report in headless Chromium with JavaScript disabled by the page's own Content Security
 * Policy ({@code default-src 'none'}; the {@code --blink-settings=scriptEnabled=false} switch makes
 * headless Chromium 150 print and save nothing, so it cannot be used): the page parses with every chart
 * as an {@code <svg>} with its size, every chart paints (each one alone in a fixed cell of a chart
 * sheet, whose screenshot must have ink in every cell), and a screenshot of the whole report is kept
 * in {@code target/report-browser/} for a look. Skipped, saying so, when no Chromium is installed
 * ({@code scripts/install-chromium} installs Debian's).
 */
class ReportInBrowserTest {
    private static final int CELL_W = 800;
    private static final int CELL_H = 600;
    private static final Path OUT = Path.of("target", "report-browser");

    static Optional<Path> chromium() {
        for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
            Optional<Path> found = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                    .map(dir -> Path.of(dir, name)).filter(Files::isExecutable).findFirst();
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static String run(Path chromium, Path profile, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-default-apps", "--disable-extensions", "--hide-scrollbars",
                "--user-data-dir=" + profile.toAbsolutePath()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(OUT, "chromium", ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(false).redirectError(log.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "chromium did not finish");
        return out;
    }

    private static MnistDataset data() {
        try {
            return MnistLoader.builder().optOffline(true).build().load();
        } catch (RuntimeException e) {
            return ReportFixtures.digits();
        }
    }

    @Test
    void everyChartPaintsWithoutJavaScript() throws Exception {
        Optional<Path> chromium = chromium();
        Assumptions.assumeTrue(chromium.isPresent(),
                "no chromium on PATH: the browser check is skipped; scripts/install-chromium installs it");
        Files.createDirectories(OUT);
        Path profile = Files.createTempDirectory(OUT, "profile");
        ReportInputs fixture = ReportFixtures.full(Locale.SIMPLIFIED_CHINESE, "\"><script>alert(1)</script>");
        MnistDataset mnist = data();
        ReportInputs in = new ReportInputs(fixture.title(), fixture.locale(), fixture.xAxis(), fixture.runs(),
                fixture.comparisons(), fixture.sweeps(), mnist, null, fixture.gitCommit(), fixture.generatedAt());
        ReportView view = ReportViews.build(in);
        Path page = new LabReport().write(view, OUT.resolve("report"));

        // 1. The page as the browser parsed it: every chart an <svg> with its size, no script ran.
        String dom = run(chromium.get(), profile, "--dump-dom", page.toUri().toString());
        assertEquals(view.charts().size(), LabReportTest.count(dom, "<svg "), "charts in the parsed DOM");
        for (Chart chart : view.charts()) {
            assertTrue(dom.contains("<svg id=\"chart-" + chart.name() + "\""), chart.name());
        }
        assertTrue(dom.contains("&lt;script&gt;alert(1)"), "the description stays text");
        assertTrue(dom.contains("content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'\""), "no script, no fetch");

        // 2. Each chart alone in a fixed cell: the screenshot must show ink in every cell.
        StringBuilder sheet = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
                + "<style>body{margin:0;background:#fff}div{position:absolute;left:0;width:" + CELL_W + "px;height:" + CELL_H
                + "px;overflow:hidden}</style></head><body>");
        for (int i = 0; i < view.charts().size(); i++) {
            sheet.append("<div style=\"top:").append(i * CELL_H).append("px\">").append(view.charts().get(i).svg().html())
                    .append("</div>");
        }
        sheet.append("</body></html>");
        Path sheetFile = Files.writeString(OUT.resolve("charts.html"), sheet, StandardCharsets.UTF_8);
        Path sheetShot = OUT.resolve("charts.png");
        run(chromium.get(), profile, "--screenshot=" + sheetShot.toAbsolutePath(),
                "--window-size=" + CELL_W + "," + view.charts().size() * CELL_H, sheetFile.toUri().toString());
        BufferedImage shot = ImageIO.read(sheetShot.toFile());
        for (int i = 0; i < view.charts().size(); i++) {
            Chart chart = view.charts().get(i);
            int ink = ink(shot, 0, i * CELL_H, Math.min(CELL_W, chart.width()), Math.min(CELL_H, chart.height()));
            assertTrue(ink > 2_000, chart.name() + " painted only " + ink + " non-white pixels");
        }

        // 3. The whole report, for a look (and not blank).
        Path reportShot = OUT.resolve("report.png");
        run(chromium.get(), profile, "--screenshot=" + reportShot.toAbsolutePath(), "--window-size=1280,4000",
                page.toUri().toString());
        BufferedImage report = ImageIO.read(reportShot.toFile());
        assertTrue(ink(report, 0, 0, report.getWidth(), report.getHeight()) > 50_000, "the report screenshot is blank");
    }

    /** Pixels in the rectangle that are not (nearly) white. */
    private static int ink(BufferedImage image, int x0, int y0, int w, int h) {
        int ink = 0;
        for (int y = y0; y < Math.min(image.getHeight(), y0 + h); y++) {
            for (int x = x0; x < Math.min(image.getWidth(), x0 + w); x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
                if (r + g + b < 3 * 235) {
                    ink++;
                }
            }
        }
        return ink;
    }
}
