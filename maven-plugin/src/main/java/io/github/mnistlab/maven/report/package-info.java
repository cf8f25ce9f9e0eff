/**
 * The HTML lab report: {@link io.github.mnistlab.maven.report.ReportViews} turns run records,
 * comparisons and sweeps ({@link io.github.mnistlab.maven.report.ReportInputs}) into an immutable view
 * model ({@link io.github.mnistlab.maven.report.ReportView}) with its charts drawn in Java
 * ({@link io.github.mnistlab.maven.report.Charts}, SVG) and digit pictures as PNG data URIs;
 * {@link io.github.mnistlab.maven.report.LabReport} renders it with a strict Velocity template whose
 * every inserted value is HTML-escaped except {@link io.github.mnistlab.maven.report.Raw} fragments.
 * Words come from the bundles {@code report_en} and {@code report_zh_CN}. No Maven types here, and no
 * engine: the {@code report} goal only maps its parameters onto {@code ReportInputs}.
 */
package io.github.mnistlab.maven.report;
