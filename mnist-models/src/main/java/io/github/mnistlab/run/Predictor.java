package io.github.mnistlab.run;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.github.mnistlab.data.DigitImages;
import io.github.mnistlab.data.DigitPictures;
import io.github.mnistlab.eval.Evaluation;
import io.github.mnistlab.record.RunRecord;
import io.github.mnistlab.record.RunRecords;
import io.github.mnistlab.record.RunStatus;
import io.github.mnistlab.scratch.ScratchMlp;
import io.github.mnistlab.spec.ExperimentSpec;
import io.github.mnistlab.spec.ModelKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies a finished run to pictures: one digit per picture for a digit classifier, one sum per pair
 * of pictures for an adder.
 */
public final class Predictor {
    private Predictor() {
    }

    /** Predicts for {@code pictures} with the run in {@code runDir}. */
    public static List<Prediction> predict(Path runDir, List<Path> pictures) {
        RunRecord record = RunRecords.read(runDir);
        if (record.status() != RunStatus.COMPLETE) {
            throw new IllegalArgumentException("run " + runDir + " did not complete (" + record.status() + "); train it again");
        }
        ExperimentSpec spec = record.spec();
        boolean adder = spec.model().isAdder();
        if (pictures.isEmpty() || adder && pictures.size() % 2 != 0) {
            throw new IllegalArgumentException((adder ? "an adder needs pictures in pairs" : "give at least one picture")
                    + "; got " + pictures.size());
        }
        byte[] pixels = new byte[pictures.size() * DigitImages.PIXELS];
        for (int i = 0; i < pictures.size(); i++) {
            try {
                System.arraycopy(DigitPictures.read(pictures.get(i)), 0, pixels, i * DigitImages.PIXELS, DigitImages.PIXELS);
            } catch (IOException e) {
                throw new UncheckedIOException("could not read " + pictures.get(i), e);
            }
        }
        float[] x = DigitImages.normalize(pixels, spec.normalizeMean(), spec.normalizeStd());
        float[] probabilities = spec.model() == ModelKind.MLP_SCRATCH
                ? scratch(runDir, record, x, pictures.size())
                : djl(runDir, record, x, pictures.size());
        int classes = spec.classes();
        int inputs = adder ? pictures.size() / 2 : pictures.size();
        List<Prediction> out = new ArrayList<>();
        for (int i = 0; i < inputs; i++) {
            int best = Evaluation.argMax(probabilities, i, classes);
            List<String> files = adder ? List.of(pictures.get(2 * i).toString(), pictures.get(2 * i + 1).toString())
                    : List.of(pictures.get(i).toString());
            out.add(new Prediction(files, best, probabilities[i * classes + best]));
        }
        return out;
    }

    private static float[] scratch(Path runDir, RunRecord record, float[] x, int n) {
        try {
            return ScratchMlp.load(runDir.resolve(record.parametersFile())).predictProbabilities(x, n);
        } catch (IOException e) {
            throw new IllegalArgumentException("parameters of run " + runDir + " could not be loaded: " + e.getMessage());
        }
    }

    private static float[] djl(Path runDir, RunRecord record, float[] x, int n) {
        ExperimentSpec spec = record.spec();
        try (Model model = Model.newInstance(record.id(), "PyTorch")) {
            NDManager manager = model.getNDManager();
            Block block = ModelFactory.trained(runDir, record, manager);
            ByteBuffer bytes = ByteBuffer.allocateDirect(x.length * 4).order(java.nio.ByteOrder.nativeOrder());
            bytes.asFloatBuffer().put(x);
            NDArray all = manager.create(bytes.asFloatBuffer(), new Shape(n, 1, DigitImages.SIDE, DigitImages.SIDE));
            NDList inputs = spec.model().isAdder()
                    ? new NDList(all.get("0::2"), all.get("1::2"))
                    : new NDList(all);
            NDArray logits = block.forward(new ParameterStore(manager, false), inputs, false).singletonOrThrow();
            return logits.softmax(1).toFloatArray();
        }
    }
}
