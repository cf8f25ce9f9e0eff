package io.github.mnistlab.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The sample course's GitHub Actions workflow: valid YAML, and the plan → matrix → merge the README describes. */
class CourseWorkflowTest {
    private static final Path WORKFLOW = Path.of("../examples/course/.github/workflows/lab.yml");

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> steps(Map<String, Object> jobs, String job) {
        return (List<Map<String, Object>>) ((Map<String, Object>) jobs.get(job)).get("steps");
    }

    private static String runs(List<Map<String, Object>> steps) {
        return steps.stream().map(s -> String.valueOf(s.getOrDefault("run", ""))).collect(Collectors.joining("\n"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void planTrainsEachUnitInAMatrixJobAndMergesTheReport() throws Exception {
        Map<String, Object> workflow = new Yaml().load(Files.readString(WORKFLOW));
        Map<String, Object> jobs = (Map<String, Object>) workflow.get("jobs");
        assertEquals(List.of("plan", "train", "report"), List.copyOf(jobs.keySet()));

        assertTrue(runs(steps(jobs, "plan")).contains("mvn -B -q lab:matrix")
                && runs(steps(jobs, "plan")).contains("matrix=$(cat target/lab/matrix.json)"), "the plan asks the plugin");
        Map<String, Object> train = (Map<String, Object>) jobs.get("train");
        assertEquals("plan", train.get("needs"));
        assertEquals("${{ fromJSON(needs.plan.outputs.matrix) }}", ((Map<String, Object>) train.get("strategy")).get("matrix"));
        assertTrue(runs(steps(jobs, "train")).contains("mvn -B ${{ matrix.args }} -Dlab.forkTimeout="), "each unit's goal");

        String merge = runs(steps(jobs, "report"));
        assertTrue(merge.contains("lab:report") && merge.contains("-Dlab.runDirectories=merged/runs")
                && merge.contains("-Dlab.sweepDirectories=merged/sweeps"), merge);
        assertTrue(merge.contains("summary.md >> \"$GITHUB_STEP_SUMMARY\""), merge);

        for (String job : List.of("plan", "train", "report")) {
            Map<String, Object> java = steps(jobs, job).stream().filter(s -> "actions/setup-java@v4".equals(s.get("uses")))
                    .findFirst().orElseThrow();
            assertEquals("maven", ((Map<String, Object>) java.get("with")).get("cache"), job + ": Maven's cache");
        }
        for (String job : List.of("train", "report")) {
            String cached = steps(jobs, job).stream().filter(s -> "actions/cache@v4".equals(s.get("uses")))
                    .map(s -> String.valueOf(((Map<String, Object>) s.get("with")).get("path"))).findFirst().orElseThrow();
            assertTrue(cached.contains("~/.cache/mnist-lab") && cached.contains("~/.djl.ai"), job + ": " + cached);
        }
        assertTrue(!Files.readString(WORKFLOW).contains("gpuDownload=true"), "no job lets DJL download");
    }
}
