package io.github.mnistlab.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * DJL's {@link Conv2d} (same parameters, shapes, output and saved format) that, on the CPU and for a
 * one-channel input, computes the convolution as unfolded patches times kernels: each output
 * position's k×k input patch is gathered by index ({@code torch.gather}), and one matrix product with
 * the flattened kernels (plus the bias) gives every channel. The weight gradient is then a plain
 * matrix product.
 *
 * <p>Why: libtorch 2.2–2.7's oneDNN computes the weight gradient of a convolution with one input
 * channel with JIT kernels that, on AVX-512 CPUs, read memory nobody wrote and intermittently return
 * NaN (see {@code docs/engine-faults.md}); the network's first convolution is the only one with one
 * input channel, and its input needs no gradient, so the gather adds no backward work. It stays next
 * to the zero-filled allocations ({@code EngineMemory}) because it keeps that kernel out of the path
 * even where the fill cannot be set, and because it is the faster of the two on AVX2 machines
 * (LeNet, the wide CNN and the transfer adder 16–33% faster per epoch on a Zen 3; 9–18% slower on a
 * Zen 4). Other devices, and inputs with more channels, use DJL's convolution unchanged.
 */
public final class UnfoldConv2d extends Conv2d {
    /** Per input size: the source pixel of every patch element (positions × taps, flattened), on the weight's device. */
    private NDArray index;
    private long indexHeight;
    private long indexWidth;

    private UnfoldConv2d(Builder builder) {
        super(builder);
    }

    /** A builder with {@link Conv2d}'s options. */
    public static Builder unfoldBuilder() {
        return new Builder();
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Shape shape = x.getShape();
        if (shape.dimension() != 4 || shape.get(1) != 1 || groups != 1
                || !Device.Type.CPU.equals(x.getDevice().getDeviceType())) {
            return super.forwardInternal(parameterStore, inputs, training, params);
        }
        Device device = x.getDevice();
        NDArray w = parameterStore.getValue(weight, device, training);
        NDArray b = includeBias ? parameterStore.getValue(bias, device, training) : null;
        long n = shape.get(0);
        long h = shape.get(2);
        long wd = shape.get(3);
        long kh = kernelShape.get(0);
        long kw = kernelShape.get(1);
        long oh = outputSide(h, 0);
        long ow = outputSide(wd, 1);
        NDArray rows = x.reshape(n, h * wd);
        if (padding.get(0) > 0 || padding.get(1) > 0) {
            // one zero column after the pixels: the patch elements that fall on the padding read it
            rows = NDArrays.concat(new NDList(rows, x.getManager().zeros(new Shape(n, 1), x.getDataType(), device)), 1);
        }
        // torch.gather over an index broadcast along the batch: twice as fast as advanced indexing
        NDArray patches = rows.gather(index(x, h, wd).broadcast(new Shape(n, oh * ow * kh * kw)), 1);
        NDArray flatKernels = w.reshape(filters, kh * kw);
        // a null bias is no bias (DJL's two-argument linear passes null too)
        NDArray out = Linear.linear(patches.reshape(n * oh * ow, kh * kw), flatKernels, b).singletonOrThrow();
        return new NDList(out.reshape(n, oh * ow, filters).transpose(0, 2, 1).reshape(n, filters, oh, ow));
    }

    private long outputSide(long in, int axis) {
        long span = dilation.get(axis) * (kernelShape.get(axis) - 1) + 1;
        return (in + 2 * padding.get(axis) - span) / stride.get(axis) + 1;
    }

    /**
     * The gather index for an h×w input, made once per input size: for each output position, for each
     * kernel tap, the source pixel in the flattened image, or h·w (the zero column) where the tap
     * falls on the padding.
     */
    private NDArray index(NDArray x, long h, long w) {
        if (index != null && !index.isReleased() && indexHeight == h && indexWidth == w
                && index.getDevice().equals(x.getDevice())) {
            return index;
        }
        if (index != null && !index.isReleased()) {
            index.close();
        }
        long kh = kernelShape.get(0);
        long kw = kernelShape.get(1);
        long oh = outputSide(h, 0);
        long ow = outputSide(w, 1);
        long[] source = new long[Math.toIntExact(oh * ow * kh * kw)];
        int at = 0;
        for (long i = 0; i < oh; i++) {
            for (long j = 0; j < ow; j++) {
                for (long u = 0; u < kh; u++) {
                    for (long v = 0; v < kw; v++) {
                        long r = i * stride.get(0) + u * dilation.get(0) - padding.get(0);
                        long c = j * stride.get(1) + v * dilation.get(1) - padding.get(1);
                        source[at++] = r >= 0 && r < h && c >= 0 && c < w ? r * w + c : h * w;
                    }
                }
            }
        }
        // owned by the model's manager (the weight's), not by the batch that first needed it
        index = weight.getArray().getManager().create(source, new Shape(1, oh * ow * kh * kw))
                .toDevice(x.getDevice(), false);
        indexHeight = h;
        indexWidth = w;
        return index;
    }

    /** {@link Conv2d.Builder}, building an {@link UnfoldConv2d}. */
    public static final class Builder extends Conv2d.Builder {
        private Builder() {
        }

        @Override
        public UnfoldConv2d build() {
            validate();
            return new UnfoldConv2d(this);
        }
    }
}
