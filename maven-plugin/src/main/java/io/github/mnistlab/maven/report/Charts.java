package io.github.mnistlab.maven.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * Draws the report's charts with JFreeChart onto JFreeSVG's {@link SVGGraphics2D}: line charts
 * (error curves, loss, sweeps), bar charts (an ablation) and the confusion-matrix heatmap. Every text uses
 * {@link #FONT_STACK}, so Chinese labels render in browsers that have a CJK font.
 */
public final class Charts {
    /** The CSS font stack of the page and of every chart (double quotes: JFreeSVG quotes attributes with '). */
    public static final String FONT_STACK =
            "\"Noto Sans CJK SC\", \"Source Han Sans SC\", \"Microsoft YaHei\", \"PingFang SC\", \"DejaVu Sans\", sans-serif";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Function<String, String> FONTS = family -> FONT_STACK;
    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e),
        new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf)};

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private Charts() {
    }

    /**
     * One line of a line chart.
     *
     * @param label  the legend entry
     * @param xs     x values
     * @param ys     y values, as many as {@code xs}
     * @param dashed drawn dashed (e.g. validation against the solid training curve)
     * @param color  index into the palette, so a run keeps its colour over its curves
     */
    public record Line(String label, double[] xs, double[] ys, boolean dashed, int color) {
    }

    /** A line chart of {@code lines}; {@code fromZero}: the y axis starts at 0. */
    public static Chart lines(String name, String title, String xLabel, String yLabel, List<Line> lines,
            boolean integerX, boolean fromZero) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Line line : lines) {
            XYSeries series = new XYSeries(line.label(), false, true);
            for (int i = 0; i < line.xs().length; i++) {
                series.add(line.xs()[i], line.ys()[i]);
            }
            data.addSeries(series);
        }
        ChartFactory.setChartTheme(theme());
        JFreeChart chart = ChartFactory.createXYLineChart(null, xLabel, yLabel, data, PlotOrientation.VERTICAL,
                true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        plot.setOutlinePaint(new Color(0x999999));
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            renderer.setSeriesPaint(i, PALETTE[line.color() % PALETTE.length]);
            renderer.setSeriesStroke(i, line.dashed()
                    ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 4f}, 0f)
                    : new BasicStroke(2f));
            // Markers only where the points are few: one epoch is then still visible as a dot.
            renderer.setSeriesShapesVisible(i, line.xs().length <= 30);
        }
        plot.setRenderer(renderer);
        NumberAxis range = (NumberAxis) plot.getRangeAxis();
        // Errors and losses from zero; accuracies (sweeps) zoomed on their spread, where the differences are.
        range.setAutoRangeIncludesZero(fromZero);
        if (integerX) {
            plot.getDomainAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        return draw(name, title, chart, 760, 380);
    }

    /**
     * A horizontal bar chart, one bar per category, top to bottom in the given order, each labelled
     * with {@code format(value)}; the value axis is zoomed on the values' spread (accuracies differ in
     * their last percent), with room for the labels.
     */
    public static Chart bars(String name, String title, String valueLabel, List<String> categories, double[] values,
            Function<Double, String> format) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int i = 0; i < categories.size(); i++) {
            data.addValue(values[i], valueLabel, categories.get(i));
        }
        ChartFactory.setChartTheme(theme());
        JFreeChart chart = ChartFactory.createBarChart(null, null, valueLabel, data, PlotOrientation.HORIZONTAL,
                false, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        plot.setOutlinePaint(new Color(0x999999));
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, PALETTE[0]);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator() {
            @Override
            public String generateLabel(org.jfree.data.category.CategoryDataset dataset, int row, int column) {
                return format.apply(dataset.getValue(row, column).doubleValue());
            }
        });
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        double min = java.util.Arrays.stream(values).min().orElse(0);
        double max = java.util.Arrays.stream(values).max().orElse(1);
        double spread = Math.max(max - min, 1e-3);
        NumberAxis range = (NumberAxis) plot.getRangeAxis();
        range.setAutoRangeIncludesZero(false);
        range.setRange(Math.max(0, min - spread * 0.3), max + spread * 0.35);
        return draw(name, title, chart, 760, 60 + 34 * categories.size());
    }

    /**
     * A heatmap of {@code confusion[actual][predicted]}: darker is more, counts written in the cells,
     * the diagonal outlined.
     */
    public static Chart confusion(String name, String title, String actualLabel, String predictedLabel,
            int[][] confusion) {
        int n = confusion.length;
        int cell = n > 10 ? 26 : 34;
        int left = 64;
        int top = 40;
        int width = left + n * cell + 16;
        int height = top + n * cell + 44;
        int max = 1;
        for (int[] row : confusion) {
            for (int v : row) {
                max = Math.max(max, v);
            }
        }
        SVGGraphics2D g = graphics(width, height);
        g.setPaint(Color.WHITE);
        g.fillRect(0, 0, width, height);
        Font small = new Font(Font.SANS_SERIF, Font.PLAIN, n > 10 ? 9 : 11);
        Font label = new Font(Font.SANS_SERIF, Font.BOLD, 12);
        for (int a = 0; a < n; a++) {
            for (int p = 0; p < n; p++) {
                int v = confusion[a][p];
                // Square-root scale: the diagonal dwarfs the errors otherwise.
                double level = Math.sqrt(v / (double) max);
                Color fill = a == p ? blend(new Color(0xeef5fb), new Color(0x08519c), level)
                        : blend(Color.WHITE, new Color(0xb2182b), v == 0 ? 0 : 0.15 + 0.85 * level);
                int x = left + p * cell;
                int y = top + a * cell;
                g.setPaint(fill);
                g.fillRect(x, y, cell, cell);
                g.setPaint(new Color(0xcccccc));
                g.drawRect(x, y, cell, cell);
                if (v > 0) {
                    g.setFont(small);
                    g.setPaint(level > 0.55 ? Color.WHITE : Color.BLACK);
                    String text = String.valueOf(v);
                    int w = g.getFontMetrics().stringWidth(text);
                    g.drawString(text, x + (cell - w) / 2f, y + cell / 2f + 4);
                }
            }
        }
        g.setFont(small);
        g.setPaint(Color.BLACK);
        for (int i = 0; i < n; i++) {
            String text = String.valueOf(i);
            int w = g.getFontMetrics().stringWidth(text);
            g.drawString(text, left + i * cell + (cell - w) / 2f, top - 6);
            g.drawString(text, left - 8 - w, top + i * cell + cell / 2f + 4);
        }
        g.setFont(label);
        g.drawString(predictedLabel, left, top - 22);
        g.drawString(actualLabel, 4, top + n * cell + 22);
        g.setStroke(new BasicStroke(1.5f));
        g.setPaint(new Color(0x555555));
        g.drawRect(left, top, n * cell, n * cell);
        return new Chart(name, title, new Raw(svg(g, name)), width, height);
    }

    private static Color blend(Color from, Color to, double t) {
        double u = Math.max(0, Math.min(1, t));
        return new Color((int) Math.round(from.getRed() + (to.getRed() - from.getRed()) * u),
                (int) Math.round(from.getGreen() + (to.getGreen() - from.getGreen()) * u),
                (int) Math.round(from.getBlue() + (to.getBlue() - from.getBlue()) * u));
    }

    private static StandardChartTheme theme() {
        StandardChartTheme theme = (StandardChartTheme) StandardChartTheme.createJFreeTheme();
        theme.setExtraLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        theme.setLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        theme.setRegularFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        theme.setSmallFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        theme.setChartBackgroundPaint(Color.WHITE);
        return theme;
    }

    private static Chart draw(String name, String title, JFreeChart chart, int width, int height) {
        SVGGraphics2D g = graphics(width, height);
        chart.draw(g, new Rectangle(width, height));
        return new Chart(name, title, new Raw(svg(g, name)), width, height);
    }

    private static SVGGraphics2D graphics(int width, int height) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        // Unique clip-path ids per chart: many charts share one page.
        g.setDefsKeyPrefix("c" + Long.toHexString(System.nanoTime()) + Integer.toHexString(COUNTER.incrementAndGet()));
        g.setFontFunction(FONTS);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        return g;
    }

    private static String svg(SVGGraphics2D g, String name) {
        String element = g.getSVGElement("chart-" + name.replaceAll("[^A-Za-z0-9_-]", "_"), true,
                new org.jfree.svg.ViewBox(0, 0, g.getWidth(), g.getHeight()), null, null);
        return element;
    }

}
