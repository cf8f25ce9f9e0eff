package io.github.mnistlab.cli;

import io.github.mnistlab.record.RunRecords;
import io.github.mnistlab.run.EngineSettings;
import io.github.mnistlab.run.Prediction;
import io.github.mnistlab.run.Predictor;
import io.github.mnistlab.spec.LabJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code predict}: digits of pictures, or sums of picture pairs, from a trained run. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Predict the digit of each picture (or the sum of each pair, for an adder run).")
final class PredictCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--run", required = true, description = "The trained run's directory.")
    Path run;

    @Option(names = "--out", description = "Also write the predictions as JSON to this file.")
    Path out;

    @Parameters(arity = "1..*", paramLabel = "PICTURE", description = "PNG or JPEG pictures of single digits.")
    List<Path> pictures;

    @Override
    public Integer call() {
        EngineSettings.threads(1);
        List<Prediction> predictions = Predictor.predict(run, pictures);
        PrintWriter printer = spec.commandLine().getOut();
        for (Prediction p : predictions) {
            printer.printf(Locale.ROOT, "%s -> %d (%.1f%%)%n", String.join(" + ", p.files()), p.predicted(),
                    100 * p.confidence());
        }
        printer.flush();
        if (out != null) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("run", run.getFileName().toString());
            json.put("predictions", predictions);
            try {
                RunRecords.writeAtomically(out, LabJson.gson().toJson(json).getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("could not write " + out, e);
            }
        }
        return 0;
    }
}
