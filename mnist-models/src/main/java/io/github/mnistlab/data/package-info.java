/**
 * MNIST data: reading and verifying the four IDX files, finding them (a directory, the per-user
 * cache, the npm package, the public mirrors) and holding the digits in memory.
 *
 * <p>Everything here is plain Java; turning the digits into device tensors happens in the training
 * code, so that this package can be used (and tested) without starting a deep-learning engine.
 */
package io.github.mnistlab.data;
