/**
 * A framework-free multilayer perceptron, the JVM twin of the course lab's hand-written numpy
 * network: fully connected sigmoid hidden layers, a softmax output trained with cross-entropy plus
 * an L2 penalty on the weights, and plain mini-batch SGD. Everything lives in flat {@code float[]}
 * arrays with hand-written forward and backward passes; nothing here uses DJL or any other library,
 * so it runs anywhere a JVM runs and serves as a baseline against the engine-backed models.
 */
package io.github.mnistlab.scratch;
