package io.github.mnistlab.maven.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class CheckResultsTest {
    @Test
    void oneTestCasePerCheckWithTheMissesAsFailuresAndSkippedChecksMarked() throws Exception {
        List<CheckResults.Outcome> outcomes = List.of(
                new CheckResults.Outcome(new Threshold("digits", 0.97, null), List.of(), null),
                new CheckResults.Outcome(new Threshold("sum <&> \"x\"", 0.99, 600.0),
                        List.of("run 'sum': test accuracy is 0.9500, but the minimum is 0.99"), null),
                new CheckResults.Outcome(new Threshold("other", null, 60.0), List.of(), "run 'other' is not among lab.experiments"),
                CheckResults.Outcome.error(new Threshold("gone", 0.9, null), "run 'gone': no run record to check; known runs: digits"));

        Element suite = parse(outcomes);
        assertEquals("testsuite", suite.getTagName());
        assertEquals("4", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        assertEquals("1", suite.getAttribute("skipped"));
        assertEquals("1", suite.getAttribute("errors"));
        assertEquals("2026-12-05T10:15:30", suite.getAttribute("timestamp"));
        assertEquals("0", suite.getAttribute("time"));
        var cases = suite.getElementsByTagName("testcase");
        assertEquals(4, cases.getLength());
        Element missing = (Element) ((Element) cases.item(3)).getElementsByTagName("error").item(0);
        assertEquals("run 'gone': no run record to check; known runs: digits", missing.getAttribute("message"));
        assertEquals(0, ((Element) cases.item(3)).getElementsByTagName("failure").getLength());
        assertEquals("digits: test accuracy ≥ 0.97", ((Element) cases.item(0)).getAttribute("name"));
        assertEquals(0, ((Element) cases.item(0)).getChildNodes().getLength());
        Element failed = (Element) cases.item(1);
        assertEquals("sum <&> \"x\": test accuracy ≥ 0.99, training ≤ 600 s", failed.getAttribute("name"));
        Element failure = (Element) failed.getElementsByTagName("failure").item(0);
        assertEquals("run 'sum': test accuracy is 0.9500, but the minimum is 0.99", failure.getAttribute("message"));
        assertEquals("other: training ≤ 60 s", ((Element) cases.item(2)).getAttribute("name"));
        assertEquals("run 'other' is not among lab.experiments",
                ((Element) ((Element) cases.item(2)).getElementsByTagName("skipped").item(0)).getAttribute("message"));
    }

    @Test
    void noChecksIsAValidEmptySuite() throws Exception {
        Element suite = parse(List.of());

        assertEquals("testsuite", suite.getTagName());
        assertEquals("0", suite.getAttribute("tests"));
        assertEquals("0", suite.getAttribute("failures"));
        assertEquals("0", suite.getAttribute("errors"));
        assertEquals(0, suite.getElementsByTagName("testcase").getLength());
    }

    private static Element parse(List<CheckResults.Outcome> outcomes) throws Exception {
        String xml = CheckResults.xml(outcomes, Instant.parse("2026-12-05T10:15:30.250Z"));
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        return doc.getDocumentElement();
    }
}
