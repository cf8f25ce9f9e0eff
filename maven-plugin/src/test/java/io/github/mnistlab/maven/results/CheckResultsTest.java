package io.github.mnistlab.maven.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
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
                new CheckResults.Outcome(new Threshold("other", null, 60.0), List.of(), "run 'other' is not among lab.experiments"));

        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(CheckResults.xml(outcomes).getBytes(StandardCharsets.UTF_8)));

        Element suite = doc.getDocumentElement();
        assertEquals("testsuite", suite.getTagName());
        assertEquals("3", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        assertEquals("1", suite.getAttribute("skipped"));
        var cases = suite.getElementsByTagName("testcase");
        assertEquals(3, cases.getLength());
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
}
