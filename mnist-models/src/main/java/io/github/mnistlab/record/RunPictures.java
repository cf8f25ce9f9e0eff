package io.github.mnistlab.record;

import java.util.List;

/**
 * The pictures a CNN run records while it trains (the small-CNN lab's deliverables), as PNG files in
 * the run directory's {@code pictures/} folder: the first convolution layer's kernels at the start, at
 * a few points during training and at the best epoch, and the feature maps of the first two
 * convolution layers for a few fixed test digits with the kept (best) parameters. Runs of other
 * networks, and records of schema 1, have none.
 *
 * @param kernels     the kernel snapshots, by epoch (0 = before training)
 * @param featureMaps the feature maps, by test digit, then layer
 */
public record RunPictures(List<KernelPicture> kernels, List<FeatureMapPicture> featureMaps) {
    /** No pictures. */
    public static final RunPictures NONE = new RunPictures(List.of(), List.of());

    public RunPictures {
        kernels = kernels == null ? List.of() : List.copyOf(kernels);
        featureMaps = featureMaps == null ? List.of() : List.copyOf(featureMaps);
    }

    /** Whether the run recorded any picture. */
    public boolean isEmpty() {
        return kernels.isEmpty() && featureMaps.isEmpty();
    }

    /**
     * The first convolution layer's kernels at one point of training, as one picture: a grid of
     * {@code channels} kernels of {@code kernel × kernel} weights, red positive, blue negative, white 0,
     * on one colour scale for all snapshots of the run (so that the pictures can be compared).
     *
     * @param epoch     the epoch after which they were taken; 0 = the initial weights
     * @param iteration training batches done by then
     * @param best      whether these are the kept (best-epoch) kernels
     * @param file      the PNG, relative to the run directory
     * @param channels  kernels in the grid (the layer's output channels)
     * @param kernel    the kernels' side
     * @param maxAbs    the weight magnitude that maps to full colour
     */
    public record KernelPicture(int epoch, long iteration, boolean best, String file, int channels, int kernel,
            double maxAbs) {
    }

    /**
     * The feature maps of one convolution layer (after its activation, before pooling) for one test
     * digit: a grid of {@code channels} grey maps of {@code side × side}, each scaled from its own
     * minimum (black) to maximum (white).
     *
     * @param layer     1 or 2
     * @param digit     the digit's index in the test set
     * @param label     its true label
     * @param file      the PNG, relative to the run directory
     * @param channels  maps in the grid
     * @param side      each map's side
     */
    public record FeatureMapPicture(int layer, int digit, int label, String file, int channels, int side) {
    }
}
