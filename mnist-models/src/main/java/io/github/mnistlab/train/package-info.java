/**
 * Training on the device: the data as whole device-resident tensors, the training loop over index
 * slices of them, and evaluation in large batches without gradients.
 */
package io.github.mnistlab.train;
