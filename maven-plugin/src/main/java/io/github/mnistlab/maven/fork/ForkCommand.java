package io.github.mnistlab.maven.fork;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One forked JVM: {@code java [jvmArgs] [-Dkey=value…] -cp classpath mainClass arguments…} with some
 * environment variables set, in a working directory.
 *
 * @param java             the {@code java} executable
 * @param jvmArgs          JVM options, e.g. {@code -Xmx2g}
 * @param systemProperties {@code -D} properties
 * @param classpath        the jars
 * @param mainClass        the class to run
 * @param arguments        its arguments
 * @param environment      variables set on top of the inherited environment
 * @param workingDirectory where it runs
 */
public record ForkCommand(Path java, List<String> jvmArgs, Map<String, String> systemProperties, List<Path> classpath,
        String mainClass, List<String> arguments, Map<String, String> environment, Path workingDirectory) {

    public ForkCommand {
        jvmArgs = List.copyOf(jvmArgs);
        systemProperties = Map.copyOf(systemProperties);
        classpath = List.copyOf(classpath);
        arguments = List.copyOf(arguments);
        environment = Map.copyOf(environment);
    }

    /** The same JVM running {@code mainClass} with other arguments. */
    public ForkCommand withArguments(List<String> newArguments) {
        return new ForkCommand(java, jvmArgs, systemProperties, classpath, mainClass, newArguments, environment,
                workingDirectory);
    }

    /** The process's command line. */
    public List<String> commandLine() {
        List<String> line = new ArrayList<>();
        line.add(java.toString());
        line.addAll(jvmArgs);
        new TreeMap<>(systemProperties).forEach((k, v) -> line.add("-D" + k + "=" + v));
        line.add("-cp");
        line.add(classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        line.add(mainClass);
        line.addAll(arguments);
        return line;
    }
}
