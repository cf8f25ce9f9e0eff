/**
 * What the {@code train} and {@code sweep} goals decide before they fork anything, as plain Java:
 * the experiments mapped onto the library's specs and put in dependency order, the device, and
 * whether a run is up to date. No Maven types here, so every decision is unit-tested directly.
 */
package io.github.mnistlab.maven.plan;
