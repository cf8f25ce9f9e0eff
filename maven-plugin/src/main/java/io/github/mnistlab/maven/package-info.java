/**
 * The goals of {@code lab-maven-plugin} (prefix {@code lab}). Each mojo is thin: it maps its
 * parameters onto the plain-Java planners ({@code plan}, {@code results}, {@code report}), forks the
 * library's command line where training or prediction is needed ({@code fork}) and writes files under
 * {@code target/lab/}, through which the goals talk to each other.
 */
package io.github.mnistlab.maven;
