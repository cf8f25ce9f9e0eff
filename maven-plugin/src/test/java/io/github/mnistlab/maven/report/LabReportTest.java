package io.github.mnistlab.maven.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mnistlab.maven.results.RunFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabReportTest {
    private static final String ATTACK = "\"><script>alert(1)</script>";

    @TempDir
    Path dir;

    @Test
    void descriptionsAreTextNeverMarkup() throws Exception {
        ReportView view = new ReportView("Lab <3", List.of(
                RunRow.of(RunFixtures.record("digits", "cnn-lenet", 0.97, 12.34), ATTACK),
                RunRow.of(RunFixtures.diverged("broken"), null)));

        Path page = new LabReport().write(view, dir.resolve("report"));

        String html = Files.readString(page);
        assertEquals(dir.resolve("report/index.html"), page);
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("<td>&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</td>"), html);
        assertTrue(html.contains("<title>Lab &lt;3</title>"), html);
        assertTrue(html.contains("<tr id=\"run-digits\"><td>digits</td><td>cnn-lenet</td>"), html);
        assertTrue(html.contains("<td class=\"number\">2</td><td class=\"number\">2</td>"
                + "<td class=\"number\">0.9700</td><td class=\"number\">12.3</td></tr>"), html);
        assertTrue(html.contains("<td>broken</td><td>mlp</td><td></td><td>diverged</td>"), html);
        assertTrue(html.startsWith("<!DOCTYPE html>"), html);
        assertTrue(html.strip().endsWith("</html>"), html);
    }

    @Test
    void anEmptyLabSaysHowToFillIt() {
        String html = new LabReport().render(new ReportView("Lab", List.of()));
        assertTrue(html.contains("<p>No runs yet: <code>mvn verify</code> trains the experiments.</p>"), html);
        assertFalse(html.contains("<table"), html);
    }

    @Test
    void escapingCoversTextAndAttributes() {
        assertEquals("a &amp; b &lt;i&gt; &quot;q&quot; &#39;s&#39;", HtmlEscaping.escape("a & b <i> \"q\" 's'"));
    }
}
