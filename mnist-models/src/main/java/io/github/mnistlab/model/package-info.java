/**
 * Model builders in the DJL style: each returns a {@link ai.djl.nn.Block}; required values are set
 * with {@code set*}, optional ones with {@code opt*}, and {@code build()} checks them all and names
 * the bad value.
 */
package io.github.mnistlab.model;
