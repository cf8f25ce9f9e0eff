/**
 * Training a spec: {@link io.github.mnistlab.run.BestValidationProtocol} (the labs' keep-the-best-
 * validation-epoch protocol) followed by the DJL runner ({@link io.github.mnistlab.run.ExperimentRunner})
 * and the scratch engine's ({@link io.github.mnistlab.run.ScratchRunner}); the networks for a spec
 * ({@link io.github.mnistlab.run.ModelFactory}), the device, and the predictor of a kept run.
 */
package io.github.mnistlab.run;
