package io.github.mnistlab.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The sample course's GitHub Actions workflow, read as GitHub reads it: the plan → matrix → report
 * the README describes, and what makes it run unchanged and cheaply (the plugin built until its
 * release, caches keyed on what they hold and saved once, quick pushes, no retraining on failure).
 */
@SuppressWarnings("unchecked")
class CourseWorkflowTest {
    private static final Path COURSE = Path.of("../examples/course");
    private static final Path WORKFLOW = COURSE.resolve(".github/workflows/lab.yml");
    private static String text;
    private static Map<String, Object> workflow;
    private static Map<String, Object> jobs;

    @BeforeAll
    static void read() throws Exception {
        text = Files.readString(WORKFLOW);
        workflow = new Yaml().load(text);
        jobs = (Map<String, Object>) workflow.get("jobs");
    }

    private static Map<String, Object> job(String name) {
        return (Map<String, Object>) jobs.get(name);
    }

    private static List<Map<String, Object>> steps(String job) {
        return (List<Map<String, Object>>) job(job).get("steps");
    }

    private static List<Map<String, Object>> uses(String job, String action) {
        return steps(job).stream().filter(s -> String.valueOf(s.get("uses")).startsWith(action)).toList();
    }

    private static Map<String, Object> with(Map<String, Object> step) {
        return (Map<String, Object>) step.get("with");
    }

    private static String runs(String job) {
        return steps(job).stream().map(s -> String.valueOf(s.getOrDefault("run", ""))).collect(Collectors.joining("\n"));
    }

    private static Map<String, Object> env() {
        return (Map<String, Object>) workflow.get("env");
    }

    @Test
    void planTrainsEachUnitInAMatrixJobAndMergesTheReport() {
        assertEquals(List.of("plan", "train", "report"), List.copyOf(jobs.keySet()));
        assertTrue(runs("plan").contains("mvn -B -ntp -q lab:matrix")
                && runs("plan").contains("matrix=$(cat target/lab/matrix.json)"), "the plan asks the plugin");
        Map<String, Object> train = job("train");
        assertEquals("plan", train.get("needs"));
        Map<String, Object> strategy = (Map<String, Object>) train.get("strategy");
        assertEquals("${{ fromJSON(needs.plan.outputs.matrix) }}", strategy.get("matrix"));
        assertEquals(false, strategy.get("fail-fast"), "one failed unit does not cancel the others");
        assertTrue(runs("train").contains("mvn -B -ntp ${{ matrix.args }} $LAB_ARGS"), runs("train"));
        String merge = runs("report");
        assertTrue(merge.contains("lab:report") && merge.contains("-Dlab.runDirectories=merged/runs")
                && merge.contains("-Dlab.sweepDirectories=merged/sweeps"), merge);
        assertTrue(merge.contains("summary.md >> \"$GITHUB_STEP_SUMMARY\""), merge);
    }

    @Test
    void thePluginIsBuiltUntilItsReleaseAtTheVersionTheCourseNames() throws Exception {
        String pom = Files.readString(COURSE.resolve("pom.xml"));
        Matcher plugin = Pattern.compile("<artifactId>lab-maven-plugin</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        assertTrue(plugin.find(), "the course names the plugin's version");
        assertEquals(plugin.group(1), env().get("MNIST_LAB_VERSION"), "the workflow builds the version the course uses");
        String plan = runs("plan");
        assertTrue(plan.contains("git clone --depth 1 --branch \"$MNIST_LAB_REF\" \"$MNIST_LAB_REPOSITORY\""), plan);
        assertTrue(plan.contains("-pl mnist-models,maven-plugin -am install"), plan);
        assertTrue(plan.contains("dependency:get -Dartifact=\"io.github.mnistlab:mnist-models:$MNIST_LAB_VERSION\""),
                "the trainer's jars are fetched before Maven's repository is saved: " + plan);
    }

    @Test
    void cachesAreKeyedOnWhatTheyHoldAndSavedOnce() {
        // Maven's repository: saved by the plan job only, after the plugin and the trainer's jars are in it
        List<Map<String, Object>> saves = uses("plan", "actions/cache/save");
        assertEquals(1, saves.size());
        assertEquals("~/.m2/repository", with(saves.get(0)).get("path"));
        assertEquals("${{ steps.key.outputs.key }}", with(saves.get(0)).get("key"));
        assertTrue(runs("plan").contains("${{ env.MNIST_LAB_VERSION }}-${{ env.MNIST_LAB_REF }}-${{ hashFiles('pom.xml') }}"),
                "the key names the plugin version, its source and the course's POM");
        for (String job : List.of("train", "report")) {
            Map<String, Object> maven = uses(job, "actions/cache/restore").get(0);
            assertEquals("~/.m2/repository", with(maven).get("path"), job);
            assertEquals("${{ needs.plan.outputs.maven-key }}", with(maven).get("key"), job);
            assertEquals(true, with(maven).get("fail-on-cache-miss"), job);
            assertTrue(uses(job, "actions/setup-java").stream().noneMatch(s -> with(s).containsKey("cache")),
                    job + ": setup-java's own Maven cache would save a second copy under another key");
        }
        assertEquals(List.of(), uses("report", "actions/cache/save"));
        // MNIST: keyed by the files' checksums, saved by one train job
        assertTrue(String.valueOf(env().get("MNIST_KEY")).startsWith("mnist-ba891046-65a50cbb-0fa7898d-ff7bcfd4"));
        List<Map<String, Object>> mnistSaves = uses("train", "actions/cache/save");
        assertEquals(1, mnistSaves.size());
        assertEquals("~/.cache/mnist-lab", with(mnistSaves.get(0)).get("path"));
        assertTrue(String.valueOf(mnistSaves.get(0).get("if")).contains("strategy.job-index == 0"), "one job saves it");
        assertFalse(text.contains("~/.djl.ai"), "DJL unpacks libtorch from the cached jar: no cache of its own");
    }

    @Test
    void everyJobIsBoundedQuietAndSafeToRunAgain() {
        assertEquals(Map.of("contents", "read", "checks", "write"), workflow.get("permissions"));
        Map<String, Object> concurrency = (Map<String, Object>) workflow.get("concurrency");
        assertEquals(true, concurrency.get("cancel-in-progress"));
        for (String job : jobs.keySet()) {
            assertTrue(job(job).get("timeout-minutes") instanceof Integer, job + " has a time limit");
        }
        Matcher mvn = Pattern.compile("mvn [^\\n]*").matcher(text);
        while (mvn.find()) {
            assertTrue(mvn.group().startsWith("mvn -B -ntp"), "batch mode without transfer progress: " + mvn.group());
        }
        for (String job : List.of("train", "report")) {
            for (Map<String, Object> upload : uses(job, "actions/upload-artifact")) {
                assertEquals(true, with(upload).get("overwrite"), job + ": a re-run replaces its artifact");
            }
        }
        assertFalse(text.contains("always()"), "a cancelled run does nothing more");
        assertFalse(text.contains("gpuDownload=true"), "no job lets DJL download");
        String args = String.valueOf(env().get("LAB_ARGS"));
        assertEquals(2, args.split("-Dlab.gpuDownload=false", -1).length - 1, "both settings turn the download off: " + args);
        for (String job : List.of("train", "report")) {
            assertTrue(runs(job).lines().filter(l -> l.contains("mvn ")).allMatch(l -> l.contains("$LAB_ARGS")),
                    job + ": every trainer's command carries LAB_ARGS");
        }
    }

    @Test
    void pushesTrainTheQuickSettingAndTagsTheFullLength() {
        Map<String, Object> on = (Map<String, Object>) workflow.get(Boolean.TRUE); // YAML 1.1 reads "on" as true
        assertTrue(((Map<String, Object>) on.get("push")).get("tags").toString().contains("v*"));
        assertTrue(on.containsKey("workflow_dispatch"));
        String args = String.valueOf(env().get("LAB_ARGS"));
        assertTrue(args.contains("startsWith(github.ref, 'refs/tags/v') || github.event_name == 'workflow_dispatch'"), args);
        assertTrue(args.contains("'-Dlab.epochs=1 -Dlab.limit=10000"), "pushes: the quick setting: " + args);
    }

    @Test
    void aFailedUnitFailsTheReportAndTheChecksArePublished() {
        Map<String, Object> report = job("report");
        assertEquals("${{ !cancelled() }}", report.get("if"));
        Map<String, Object> first = steps("report").get(0);
        assertEquals("needs.train.result != 'success'", first.get("if"));
        assertTrue(String.valueOf(first.get("run")).contains("exit 1"), "no report, and no retraining, without every unit");
        Map<String, Object> publish = uses("report", "dorny/test-reporter").get(0);
        assertEquals("target/lab/checks/TEST-*.xml", with(publish).get("path"));
        assertEquals("java-junit", with(publish).get("reporter"));
        Map<String, Object> summary = steps("report").stream().filter(s -> "Summary".equals(s.get("name"))).findFirst()
                .orElseThrow();
        assertTrue(String.valueOf(summary.get("if")).contains("hashFiles('target/lab/report/summary.md') != ''"),
                "the summary step runs only when the report wrote one");
    }
}
