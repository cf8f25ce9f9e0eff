package io.github.mnistlab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Scalar operands for arithmetic that autograd records. DJL's {@code NDArray.mul(Number)} (and
 * {@code add}, {@code muli}, {@code maximum}… with a Java number) wraps the number in a tensor over a
 * Java direct buffer ({@code torch::from_blob}, no copy), runs the operation and closes that tensor.
 * When the result needs a gradient, libtorch keeps the operand for the backward pass, but the Java
 * buffer under it is now unreachable: after the next garbage collection it is freed, glibc writes its
 * free-list pointer into it, and the backward pass multiplies the gradient by that garbage (a
 * gradient 10<sup>10</sup> times too large, or NaN). This is the rare, GC-dependent garbage step of
 * dropout, label smoothing and the adder's floor; {@code docs/engine-faults.md} has the numbers.
 *
 * <p>A scalar from here is filled by libtorch in memory libtorch owns, so the backward pass reads it
 * safely however long after the Java side closed it. Use it for every number an operation on a
 * tensor that needs a gradient takes; numbers in operations without a gradient (data preparation,
 * evaluation) are read at once and are safe as they are.
 */
public final class Scalars {
    private Scalars() {
    }

    /** {@code value} as a 0-dimensional tensor of {@code like}'s data type, in {@code like}'s manager and device. */
    public static NDArray of(NDArray like, float value) {
        return like.getManager().full(new Shape(), value, like.getDataType());
    }

    /** {@code x · value}, as a new array whose backward pass reads {@code value} from memory libtorch owns. */
    public static NDArray times(NDArray x, float value) {
        try (NDArray s = of(x, value)) {
            return x.mul(s);
        }
    }
}
