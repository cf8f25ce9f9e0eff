package io.github.mnistlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The engine smoke path on real MNIST: one epoch of the LeNet-style CNN on all 60k digits. */
@Tag("training")
class LeNetSmokeTest {
    @Test
    void oneEpochOnTheFullTrainingSetReachesNinetySixPercent() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int status = LabCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), "smoke", "--epochs", "1", "--out", "target/test-runs/smoke");

        String text = out.toString();
        System.out.print(text);
        assertEquals(0, status, text + err);
        assertTrue(text.contains("[smoke] cnn-lenet: 8490 parameters, 60000 training digits per epoch"), text);
        assertTrue(text.contains("[smoke] epoch 1/1: train loss "), text);
        Matcher m = Pattern.compile("test accuracy: (0\\.\\d+) on 10000 test digits \\(data: ").matcher(text);
        assertTrue(m.find(), text);
        double accuracy = Double.parseDouble(m.group(1));
        assertTrue(accuracy >= 0.96, "test accuracy " + accuracy + " after one epoch, expected ≥ 0.96");
    }

    @Test
    void badOptionIsOneMessageAndStatusTwo() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int status = LabCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), "smoke", "--epochs", "0");

        assertEquals(LabCli.USER_ERROR, status);
        assertEquals("error: epochs is 0, expected ≥ 1", err.toString().strip());
        assertEquals("", out.toString());
    }
}
