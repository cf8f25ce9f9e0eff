/**
 * The training-epoch benchmark behind {@code LabCli bench} and {@code bench/run}: the workloads, the
 * timed epochs measured against a PyTorch peer in the same run, and libtorch's operator profile.
 */
package io.github.mnistlab.bench;
