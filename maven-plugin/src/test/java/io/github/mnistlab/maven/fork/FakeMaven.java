package io.github.mnistlab.maven.fork;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Stands in for Maven in the interruption test: forks {@link FakeCli} {@code sleep} through
 * {@link JavaFork}, passing its output through, until it is itself terminated.
 */
public final class FakeMaven {
    private FakeMaven() {
    }

    public static void main(String[] args) throws Exception {
        Path classes = Path.of(args[0]);
        Path workingDirectory = Path.of(args[1]);
        ForkCommand labCli = LabCliJvm.command(List.of("-Xmx64m"), Map.of(), List.of(classes), Map.of(), workingDirectory, false);
        ForkCommand sleep = new ForkCommand(labCli.java(), labCli.jvmArgs(), labCli.systemProperties(),
                labCli.classpath(), FakeCli.class.getName(), List.of("sleep"), labCli.environment(),
                labCli.workingDirectory());
        JavaFork.run(sleep, line -> {
            System.out.println(line);
            System.out.flush();
        }, System.err::println);
    }
}
