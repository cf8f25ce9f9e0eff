package io.github.mnistlab.maven.results;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The outcome of each {@code <check>} as a JUnit XML report ({@value #FILE_NAME}), the format GitHub
 * Classroom, GitLab and Jenkins read: one test suite, one test case per check, a failure per missed
 * check with the actual and expected values, an error for a check whose run has no record, a skipped
 * check marked as skipped. With no checks it is an empty suite, so that a CI step that reads it finds it.
 */
public final class CheckResults {
    /** The report's file name under {@code target/lab/checks/}; the {@code TEST-} prefix is what CI tools look for. */
    public static final String FILE_NAME = "TEST-lab-checks.xml";

    /**
     * One check's outcome.
     *
     * @param threshold the check
     * @param misses    what it missed, each with the actual and expected value; empty when met
     * @param skipped   why it was not checked, or null
     * @param error     why it could not be checked (its run has no record), or null
     */
    public record Outcome(Threshold threshold, List<String> misses, String skipped, String error) {
        public Outcome {
            misses = List.copyOf(misses);
        }

        /** A check that was evaluated (met when {@code misses} is empty) or skipped. */
        public Outcome(Threshold threshold, List<String> misses, String skipped) {
            this(threshold, misses, skipped, null);
        }

        /** A check that could not be evaluated, and why. */
        public static Outcome error(Threshold threshold, String why) {
            return new Outcome(threshold, List.of(), null, why);
        }
    }

    private CheckResults() {
    }

    /** The JUnit XML of {@code outcomes}, checked at {@code checkedAt}. */
    public static String xml(List<Outcome> outcomes, Instant checkedAt) {
        try {
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
            Element suite = doc.createElement("testsuite");
            doc.appendChild(suite);
            suite.setAttribute("name", "lab checks");
            suite.setAttribute("tests", Integer.toString(outcomes.size()));
            suite.setAttribute("failures", Long.toString(outcomes.stream().filter(o -> !o.misses().isEmpty()).count()));
            suite.setAttribute("errors", Long.toString(outcomes.stream().filter(o -> o.error() != null).count()));
            suite.setAttribute("skipped", Long.toString(outcomes.stream().filter(o -> o.skipped() != null).count()));
            suite.setAttribute("time", "0");
            suite.setAttribute("timestamp", checkedAt.truncatedTo(ChronoUnit.SECONDS).toString().replace("Z", ""));
            for (Outcome o : outcomes) {
                Element testcase = doc.createElement("testcase");
                testcase.setAttribute("classname", "lab.check");
                testcase.setAttribute("name", name(o.threshold()));
                testcase.setAttribute("time", "0");
                if (o.error() != null) {
                    Element error = doc.createElement("error");
                    error.setAttribute("type", "LabRunMissing");
                    error.setAttribute("message", o.error());
                    testcase.appendChild(error);
                } else if (o.skipped() != null) {
                    Element skipped = doc.createElement("skipped");
                    skipped.setAttribute("message", o.skipped());
                    testcase.appendChild(skipped);
                } else if (!o.misses().isEmpty()) {
                    Element failure = doc.createElement("failure");
                    failure.setAttribute("type", "LabCheckNotMet");
                    failure.setAttribute("message", String.join("; ", o.misses()));
                    failure.setTextContent(String.join("\n", o.misses()));
                    testcase.appendChild(failure);
                }
                suite.appendChild(testcase);
            }
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(doc), new StreamResult(out));
            return out.toString();
        } catch (ParserConfigurationException | TransformerException e) {
            throw new IllegalStateException("the JDK's XML support failed", e);
        }
    }

    /** Writes {@link #xml} to {@code directory/}{@value #FILE_NAME}. */
    public static Path write(List<Outcome> outcomes, Path directory) throws IOException {
        Files.createDirectories(directory);
        return Files.writeString(directory.resolve(FILE_NAME), xml(outcomes, Instant.now()), StandardCharsets.UTF_8);
    }

    /** A check's name: its run and limits, e.g. {@code digits: test accuracy ≥ 0.97, training ≤ 600 s}. */
    static String name(Threshold t) {
        StringBuilder name = new StringBuilder(t.run()).append(':');
        if (t.minTestAccuracy() != null) {
            name.append(" test accuracy ≥ ").append(Threshold.asWritten(t.minTestAccuracy()));
        }
        if (t.maxTrainingSeconds() != null) {
            name.append(t.minTestAccuracy() != null ? "," : "").append(" training ≤ ")
                    .append(Threshold.asWritten(t.maxTrainingSeconds())).append(" s");
        }
        if (t.minTestAccuracy() == null && t.maxTrainingSeconds() == null) {
            name.append(" complete");
        }
        return name.toString();
    }
}
