/**
 * Running the library's command line ({@code io.github.mnistlab.cli.LabCli}) in a forked JVM, the way
 * Surefire runs tests: the engine's native library must never be loaded into Maven's own JVM. The
 * fork's output is streamed line by line; its {@code error:} line becomes the build's message.
 */
package io.github.mnistlab.maven.fork;
