package io.github.mnistlab.maven.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mnistlab.maven.results.RunFixtures;
import io.github.mnistlab.record.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.velocity.exception.MethodInvocationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabReportTest {
    private static final String ATTACK = "\"><script>alert(1)</script>";

    @TempDir
    Path dir;

    private static String render(ReportInputs inputs) {
        return new LabReport().render(ReportViews.build(inputs));
    }

    @Test
    void everySectionShowsTheRecordsNumbersInEnglish() throws Exception {
        ReportInputs inputs = ReportFixtures.full(Locale.ENGLISH, "LeNet");
        ReportView view = ReportViews.build(inputs);
        Path page = new LabReport().write(view, dir.resolve("report"));
        String html = Files.readString(page);

        assertTrue(html.startsWith("<!DOCTYPE html>") && html.strip().endsWith("</html>"), html);
        assertTrue(html.contains("<html lang=\"en\">"), html);
        for (String heading : List.of("Objectives", "Method", "Data overview", "Network structure",
                "Runs and hyperparameters", "Error curves compared", "Training loss per iteration",
                "Hyperparameter sweeps", "Evaluation on the test set", "Digit adder: sample test pairs",
                "Framework vs scratch MLP", "Analysis", "Provenance")) {
            assertTrue(html.contains(heading + "</h"), heading);
        }
        // runs table: the IT's row prefix is kept, with hyperparameters and device
        assertTrue(html.contains("<tr id=\"run-digits\"><td>digits</td><td>cnn-lenet</td><td>LeNet</td><td>complete</td>"
                + "<td>sgd lr 0.01, momentum 0.5, batch 64"), html);
        assertTrue(html.contains("<td>cpu(), 2/2 threads/cores</td>"), html);
        // held-back steps: the column, and a sentence only for the run that had them
        assertTrue(html.contains("<th>skipped steps (recomputed)</th>"), html);
        assertTrue(html.matches("(?s).*<tr id=\"run-sum-scratch\">.*?<td class=\"number\">1 \\(3\\)</td><td><a href.*"), html);
        assertTrue(html.matches("(?s).*<tr id=\"run-digits\">.*?<td class=\"number\">0 \\(0\\)</td><td><a href.*"), html);
        assertTrue(html.contains("sum-scratch: the step check set 4 training steps aside and computed each once more"
                + " (1 with a NaN or infinite gradient, 1 loss spikes, 2 gradient spikes over a thousand times their"
                + " recent norm): 3 were then in line and applied, 1 skipped."), html);
        assertEquals(1, count(html, "the step check set"), "one sentence, for sum-scratch only");
        // structure: LeNet's layers and the total
        assertTrue(html.contains("<td>Conv2d 1→10, 5×5 + relu</td><td>10×24×24</td><td>260</td>"), html);
        assertTrue(html.contains("<td>MaxPool 2×2</td><td>20×4×4</td><td>0</td>"), html);
        assertTrue(html.contains("<strong>8,490</strong>"), html);
        // charts: one comparison, a loss chart per run, the k×m sweep, a heatmap per run
        assertEquals(1 + 5 + 1 + 5, view.charts().size());
        assertEquals(view.charts().size(), count(html, "<svg "), "inline charts");
        for (Chart chart : view.charts()) {
            Path file = dir.resolve("report/charts").resolve(chart.fileName());
            assertTrue(Files.readString(file).contains("<svg"), file.toString());
            assertTrue(chart.svg().html().matches("(?s)<svg[^>]* width='\\d+(\\.0)?'[^>]* height='\\d+(\\.0)?'.*"), chart.name());
        }
        assertTrue(html.contains("sum-transfer train") && html.contains("sum-scratch validation"), "legend");
        // sweeps: the depth × kernel grid and the best points
        assertTrue(html.contains("<th>depth \\ kernel</th><th>kernel = 3</th><th>kernel = 5</th>"), html);
        assertTrue(html.contains("<tr><td>depth = 2</td><td>0.9760</td><td>0.9800</td></tr>"), html);
        assertTrue(html.contains("Best point: cnn-d2-k5 {depth=2, kernel=5}"), html);
        // evaluation: per-class table, misclassified pictures, adder pairs
        assertTrue(html.contains("<th>precision</th><th>recall</th><th>F1</th>"), html);
        assertTrue(count(html, "src=\"data:image/png;base64,") > 80, "pictures");
        // adder pairs: both adders share a seed, so each of the ten rows answers for both, as their records
        // tell (the first samples kept): ✓ and the prediction when right, ✗ and the prediction when wrong
        assertEquals(List.of("sum-transfer", "sum-scratch"), view.adder().runIds());
        List<RunRecord> adders = List.of(inputs.runs().get(3).record(), inputs.runs().get(4).record());
        assertEquals(view.adder().runIds(), adders.stream().map(RunRecord::id).toList());
        assertEquals(10, view.adder().pairs().size());
        for (int i = 0; i < 10; i++) {
            StringBuilder cells = new StringBuilder();
            for (RunRecord adder : adders) {
                io.github.mnistlab.eval.SampleOutcome o = adder.test().firstSamples().get(i);
                assertEquals(i, o.index());
                cells.append(o.right() ? "<td class=\"right\">✓ " : "<td class=\"wrong\">✗ ").append(o.predicted())
                        .append("</td>");
            }
            assertTrue(html.contains("</td>" + cells + "</tr>"), "pair " + i + ": " + cells);
        }
        assertEquals(0, count(html, "<td class=\"unknown\">"), "every answer is known from the records");
        // analysis sentences from the numbers, provenance
        assertTrue(html.contains("In comparison adders, sum-transfer is best with a test error of"), html);
        assertTrue(html.contains("reached a test error of"), html);
        // the sweeps answered in their labs' sections, before the pictures and the later sections
        String mlpSection = html.substring(html.indexOf("<h3 id=\"lab-mlp\">"), html.indexOf("<h3 id=\"lab-lenet\">"));
        assertTrue(mlpSection.contains("<ul class=\"analysis\">\n<li>With k = 1, accuracy rises from"), mlpSection);
        assertTrue(html.substring(html.indexOf("<h3 id=\"lab-lenet\">")).contains("<li>Depth, at kernel size 5: depth 1:"), html);
        assertTrue(html.contains("<code>0123456789abcdef0123456789abcdef01234567</code>"), html);
        assertTrue(html.contains("ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2"), html);
        assertTrue(html.contains("The scratch MLP mlp-scratch reached a test accuracy of"), html);
        assertFalse(html.contains("<script"), "no JavaScript");
    }

    @Test
    void labSectionsHyperparameterTablesCsvAndSummaryForAStudentToHandIn() throws Exception {
        ReportInputs full = ReportFixtures.full(Locale.ENGLISH, null);
        Path small = dir.resolve("runs/small");
        RunRecord withPictures = ReportFixtures.withPictures(ReportFixtures.run("small", "cnn-small", 3, 0.95, 5), small);
        List<ReportInputs.Run> runs = new java.util.ArrayList<>(full.runs());
        runs.add(new ReportInputs.Run(withPictures, null, small));
        ReportInputs in = new ReportInputs(full.title(), full.locale(), full.xAxis(), runs, full.comparisons(),
                full.sweeps(), full.data(), null, full.gitCommit(), full.generatedAt());
        Path page = new LabReport().write(ReportViews.build(in), dir.resolve("report"));
        String html = Files.readString(page);

        // a section per lab present, in the course's order: MLP, small CNN, LeNet, adder (no wide CNN run here)
        List<Integer> at = List.of("id=\"lab-mlp\"", "id=\"lab-small-cnn\"", "id=\"lab-lenet\"", "id=\"lab-adder\"")
                .stream().map(html::indexOf).toList();
        assertTrue(at.get(0) > 0 && at.get(0) < at.get(1) && at.get(1) < at.get(2) && at.get(2) < at.get(3), at.toString());
        assertFalse(html.contains("id=\"lab-wide-cnn\""), "no wide-CNN run, no section");
        RunRecord digits = full.runs().get(0).record();
        String accuracy = String.format(Locale.ROOT, "%.2f %%", 100 * digits.test().accuracy());
        String difference = String.format(Locale.ROOT, "%+.2f", 100 * (digits.test().accuracy() - 0.9891));
        assertTrue(html.contains("<tr><td>digits</td><td>cnn-lenet</td><td>" + accuracy + "</td><td>98.91 %</td><td>"
                + difference + "</td></tr>"), html);
        assertTrue(html.contains("<a href=\"#sweep-widths\">sweep widths</a>"), html);
        assertTrue(html.contains("<a href=\"#comparison-adders\">comparison adders</a>"), html);
        // the pictures of the small CNN: its kernels at each recorded epoch, the feature maps per test digit
        assertTrue(html.contains("small: kernels of the first conv layer over training</h4>"), html);
        assertEquals(3, count(html, "<img class=\"kernels\" src=\"data:image/png;base64,"));
        assertTrue(html.contains("<figcaption>after epoch 3 (iteration 96) · best epoch</figcaption>"), html);
        assertTrue(html.contains("<figcaption>start (initial weights)</figcaption>"), html);
        assertEquals(4, count(html, "<img class=\"maps\" src=\"data:image/png;base64,"));
        assertTrue(html.contains("<figcaption>test digit #1, label 2</figcaption>"), html);
        assertTrue(html.contains("<figcaption>layer 2: 8 maps of 14×14</figcaption>"), html);
        // hyperparameters: the fields that differ, then every field of each run
        String differing = html.substring(html.indexOf("<table class=\"fields differing\">"));
        differing = differing.substring(0, differing.indexOf("</table>"));
        assertTrue(differing.contains("<th>preset</th><th>model</th>") && !differing.contains("<th>limit</th>")
                && differing.contains("<td>0.01</td><td>0.5</td><td>0</td>"),
                differing);
        assertTrue(html.contains("<details open id=\"fields-digits\"><summary>digits</summary>"), html);
        assertTrue(html.contains("<td>10:5:0:2 20:5:0:2</td>"), "LeNet's stages as configured");
        // each run's epochs as CSV beside the page, linked from the runs table
        assertTrue(html.contains("<td><a href=\"data/digits-epochs.csv\">CSV</a></td></tr>"), html);
        List<String> csv = Files.readAllLines(dir.resolve("report/data/digits-epochs.csv"));
        assertEquals(1 + digits.epochs().size(), csv.size());
        assertTrue(csv.get(0).startsWith("epoch,iterations,seconds,train_loss,train_error,"), csv.get(0));
        // the Markdown summary: the runs and the analysis
        String summary = Files.readString(dir.resolve("report/summary.md"));
        assertTrue(summary.startsWith("# MNIST lab\n\n## Runs and hyperparameters\n\n| run | preset |"), summary);
        assertTrue(summary.contains("| digits | cnn-lenet | complete | 4 | "), summary);
        assertTrue(summary.contains("\n- In comparison adders, sum-transfer is best"), summary);
        // the small CNN's section answers its lab: the best epoch and over-fitting or not, with a line in the summary
        String smallSection = html.substring(html.indexOf("id=\"lab-small-cnn\""), html.indexOf("id=\"lab-lenet\""));
        assertTrue(smallSection.contains("small: its best epoch is"), smallSection);
        assertTrue(smallSection.contains("small does not over-fit") || smallSection.contains("small over-fits"), smallSection);
        assertTrue(summary.contains("\n- small: no over-fitting in 3 epochs") || summary.contains("\n- small: over-fits"),
                summary);

        String chinese = new LabReport().render(ReportViews.build(new ReportInputs(in.title(), Locale.SIMPLIFIED_CHINESE,
                in.xAxis(), in.runs(), in.comparisons(), in.sweeps(), in.data(), null, null, null)));
        for (String heading : List.of("五个实验</h2>", "前馈神经网络（MLP）</h3>", "小型卷积神经网络</h3>",
                "LeNet 式卷积神经网络</h3>", "手写数字加法器</h3>", "small：第一个卷积层的卷积核在训练中的变化</h4>",
                "超参数（逐字段）</h3>")) {
            assertTrue(chinese.contains(heading), heading);
        }
        assertTrue(chinese.contains("<figcaption>测试样本 #1，标签 2</figcaption>"), chinese);
    }

    @Test
    void chineseHasChineseHeadingsAndChineseChartLabels() {
        ReportView view = ReportViews.build(ReportFixtures.full(Locale.SIMPLIFIED_CHINESE, null));
        String html = new LabReport().render(view);
        assertTrue(html.contains("<html lang=\"zh-CN\">"), html);
        for (String heading : List.of("实验目的", "实验方法", "数据概览", "网络结构", "误差曲线对比", "超参数搜索",
                "测试集评估", "结果分析", "实验环境与来源")) {
            assertTrue(html.contains(heading + "</h"), heading);
        }
        assertTrue(html.contains("错误率") && html.contains("迭代次数"), "axis labels");
        assertTrue(html.contains("<th>跳过的步数（重算）</th>"), html);
        assertTrue(html.contains("sum-scratch：步骤检查搁置了 4 个训练步并各重新计算一次（1 个梯度为 NaN 或无穷大，1 个损失突增，2 个梯度范数超过近期的一千倍）"), "the step events by kind");
        assertTrue(html.contains("Noto Sans CJK SC"), "CJK font stack");
        assertTrue(view.charts().get(0).svg().html().contains("Noto Sans CJK SC"), "font stack in the SVG");
    }

    @Test
    void anAblationShowsWhatEachChangeBoughtAsATableAndABarChartInBothLanguages() {
        ReportInputs in = ReportFixtures.full(Locale.ENGLISH, null);
        List<ReportInputs.Sweep> sweeps = new java.util.ArrayList<>(in.sweeps());
        sweeps.add(ReportFixtures.ablation());
        ReportInputs with = new ReportInputs(in.title(), in.locale(), in.xAxis(), in.runs(), in.comparisons(), sweeps,
                in.data(), null, null, null);
        ReportView.SweepView view = ReportViews.build(with).sweeps().get(sweeps.size() - 1);

        assertEquals(List.of("run", "change", "test accuracy", "vs. the lab (points)", "training seconds"),
                view.table().header());
        assertEquals(List.of("lab", "the lab spec (cnn-lenet)", "98.40 %", "–", "55.0"), view.table().rows().get(0));
        assertEquals(List.of("batch-norm", "batch normalization after each convolution", "98.70 %", "+0.30", "61.0"),
                view.table().rows().get(2));
        assertEquals(List.of("all", "all changes together (cnn-plus)", "99.56 %", "+1.16", "348.4"),
                view.table().rows().get(8));
        assertEquals("What each change bought: the lab spec reaches 98.40 %, all changes together 99.56 %; the change"
                + " that helps most alone is network (+0.60 points).", view.best());
        String svg = view.chart().svg().html();
        for (String bar : List.of(">lab<", ">+ batch-norm<", ">+ augmentation<", ">all<", ">99.56 %<", ">98.40 %<")) {
            assertTrue(svg.contains(bar), bar);
        }
        String html = new LabReport().render(ReportViews.build(with));
        assertTrue(html.contains("<td>all changes together (cnn-plus)</td>"), html);

        ReportInputs chinese = new ReportInputs(in.title(), Locale.SIMPLIFIED_CHINESE, in.xAxis(), in.runs(),
                in.comparisons(), sweeps, in.data(), null, null, null);
        ReportView.SweepView zh = ReportViews.build(chinese).sweeps().get(sweeps.size() - 1);
        assertEquals(List.of("运行", "改动", "测试准确率", "相对原设置（百分点）", "训练时间（秒）"), zh.table().header());
        assertTrue(zh.best().startsWith("每项改进带来了什么：实验原设置为 98.40 %，全部改进后为 99.56 %"), zh.best());
        assertTrue(zh.chart().title().startsWith("消融 what-each-change-bought"), zh.chart().title());
    }

    @Test
    void theXAxisOfComparisonsIsSelectable() {
        ReportInputs in = ReportFixtures.full(Locale.ENGLISH, null);
        for (XAxis axis : XAxis.values()) {
            ReportInputs changed = new ReportInputs(in.title(), in.locale(), axis, in.runs(), in.comparisons(),
                    in.sweeps(), in.data(), null, null, null);
            String svg = ReportViews.build(changed).comparisons().get(0).chart().svg().html();
            String label = switch (axis) {
                case ITERATIONS -> ">iterations<";
                case EPOCHS -> ">epochs<";
                case SECONDS -> ">training seconds<";
            };
            assertTrue(svg.contains(label), axis + ": " + svg.substring(0, 300));
        }
        assertThrows(IllegalArgumentException.class, () -> XAxis.parse("minutes"));
    }

    @Test
    void descriptionsAreTextNeverMarkup() {
        String html = render(ReportFixtures.full(Locale.ENGLISH, ATTACK));
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("<td>&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</td>"), html);
    }

    @Test
    void oneEpochOnePointAndNoPicturesStillRender() {
        RunRecord one = ReportFixtures.run("one", "cnn-small", 1, 0.9, 3);
        ReportInputs in = new ReportInputs("Lab <3", Locale.ENGLISH, XAxis.EPOCHS,
                List.of(new ReportInputs.Run(one, null, null), new ReportInputs.Run(RunFixtures.diverged("broken"), null, null)),
                List.of(ReportFixtures.comparison("solo", one)), List.of(ReportFixtures.mlpSweep(1)), null,
                "no MNIST in the cache", null, null);
        String html = render(in);
        assertTrue(html.contains("<title>Lab &lt;3</title>"), html);
        assertTrue(html.contains("MNIST could not be read (no MNIST in the cache)"), html);
        assertTrue(html.contains("<td>broken</td><td>mlp</td><td></td><td>diverged</td>"), html);
        assertTrue(html.contains("broken has no finished epoch (diverged)."), html);
        assertTrue(html.contains("Best point: mlp-k1-m16"), html);
        assertTrue(html.contains("not a git repository"), html);
        assertTrue(count(html, "<svg ") >= 3, html);
    }

    @Test
    void anEmptyLabSaysHowToFillIt() {
        String html = render(new ReportInputs("Lab", Locale.ENGLISH, XAxis.ITERATIONS, List.of(), List.of(), List.of(),
                null, null, null, null));
        assertTrue(html.contains("No runs yet: mvn verify trains the experiments."), html);
        assertFalse(html.contains("<table id=\"runs\""), html);
    }

    @Test
    void aCourseTemplateReplacesTheBuiltInOneAndStaysStrictAndEscaped() throws Exception {
        Path template = dir.resolve("mine.vm");
        Files.writeString(template, "<h1>$report.title()</h1><p>$t.get('section.results')</p>$report.charts().get(0).svg()");
        ReportView view = ReportViews.build(ReportFixtures.full(Locale.ENGLISH, null));
        ReportView attacked = new ReportView(ATTACK, view.text(), view.runs(), view.data(), view.structures(),
                view.comparisons(), view.losses(), view.sweeps(), view.evaluations(), view.adder(), view.scratch(),
                view.analysis(), view.provenance(), view.charts(), view.labs(), view.hyperparameters(), view.dataFiles());
        String html = new LabReport(template).render(attacked);
        assertTrue(html.startsWith("<h1>&quot;&gt;&lt;script&gt;"), html);
        assertTrue(html.contains("<p>Results</p><svg "), html);

        Files.writeString(template, "$report.nosuch()");
        assertThrows(MethodInvocationException.class, () -> new LabReport(template).render(view));
        assertThrows(IllegalArgumentException.class, () -> new LabReport(dir.resolve("absent.vm")));
    }

    @Test
    void escapingCoversTextAndAttributesButNotRawFragments() {
        assertEquals("a &amp; b &lt;i&gt; &quot;q&quot; &#39;s&#39;", HtmlEscaping.escape("a & b <i> \"q\" 's'"));
        assertEquals("<svg/>", new HtmlEscaping().referenceInsert(null, "$x", new Raw("<svg/>")));
        assertEquals("&lt;svg/&gt;", new HtmlEscaping().referenceInsert(null, "$x", "<svg/>"));
    }

    static int count(String text, String part) {
        Matcher m = Pattern.compile(Pattern.quote(part)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void aWideCnnRunsSectionNamesTheHardestDigitsAndTheMostFrequentConfusions() {
        ReportInputs full = ReportFixtures.full(Locale.ENGLISH, null);
        List<ReportInputs.Run> runs = new java.util.ArrayList<>(full.runs());
        runs.add(new ReportInputs.Run(ReportFixtures.run("wide", "cnn-wide", 3, 0.9, 13), null, null));
        ReportInputs in = new ReportInputs(full.title(), full.locale(), full.xAxis(), runs, full.comparisons(),
                full.sweeps(), full.data(), null, full.gitCommit(), full.generatedAt());
        ReportView.LabSectionView wide = ReportViews.build(in).labs().stream().filter(l -> l.id().equals("lab-wide-cnn"))
                .findFirst().orElseThrow();
        assertTrue(wide.analysis().stream().anyMatch(a -> a.startsWith("wide: the hardest digits, by lowest F1: ")),
                wide.analysis().toString());
        assertTrue(wide.analysis().stream().anyMatch(a -> a.startsWith("wide: the 3 most frequent confusions (true → predicted)"
                + " are ")), wide.analysis().toString());
        assertTrue(wide.brief().stream().anyMatch(b -> b.startsWith("wide: hardest digit ")), wide.brief().toString());
    }
}
