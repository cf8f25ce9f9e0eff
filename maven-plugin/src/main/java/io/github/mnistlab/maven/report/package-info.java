/**
 * The HTML lab report: an immutable view model rendered by a Velocity template
 * ({@code index.html.vm}) whose every inserted value is HTML-escaped. No Maven types here; the
 * {@code report} goal only maps its parameters onto {@link io.github.mnistlab.maven.report.ReportView}.
 */
package io.github.mnistlab.maven.report;
