package io.github.mnistlab.maven;

import io.github.mnistlab.data.MnistFiles;
import io.github.mnistlab.maven.fork.NativePlatform;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.graph.Exclusion;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;

/**
 * The forked trainer's class path: {@code mnist-models} in the version this plugin runs with (a
 * {@code <dependencies>} override of the plugin applies) and its runtime dependencies, resolved like
 * any dependency (offline from the local repository when Maven is offline).
 *
 * <p>It is resolved rather than copied from the plugin's own class path because Maven keeps some
 * artifacts out of a plugin's class path ({@code slf4j-api} comes from Maven itself), and because the
 * plugin leaves the engine and its natives out of its own class path on purpose.
 *
 * @param jars    the jars, the library first
 * @param library the library's identity for up-to-date checks: coordinates and its jar's SHA-256
 */
record LibraryClasspath(List<Path> jars, String library) {
    private static final Properties FORK = forkProperties();

    /**
     * Resolves the class path.
     *
     * @param cpuNatives the platform whose CPU build of libtorch ({@code pytorch-native-cpu}) to add, or
     *                   null to leave it out, so that DJL loads a CUDA build
     */
    static LibraryClasspath resolve(PluginDescriptor plugin, RepositorySystem system, RepositorySystemSession session,
            List<RemoteRepository> repositories, NativePlatform cpuNatives) throws MojoExecutionException {
        String key = FORK.getProperty("library");
        Artifact library = plugin.getArtifactMap().get(key);
        if (library == null) {
            throw new MojoExecutionException(key + " is not among the dependencies of " + plugin.getId());
        }
        DefaultArtifact natives = new DefaultArtifact(FORK.getProperty("natives"));
        List<Exclusion> exclusions = List.of(new Exclusion(natives.getGroupId(), natives.getArtifactId(), "*", "*"));
        CollectRequest collect = new CollectRequest();
        collect.setRepositories(repositories);
        collect.addDependency(new Dependency(new DefaultArtifact(library.getGroupId(), library.getArtifactId(), "jar",
                library.getVersion()), "runtime", false, exclusions));
        collect.addDependency(new Dependency(new DefaultArtifact(FORK.getProperty("logging")), "runtime"));
        if (cpuNatives != null) {
            collect.addDependency(new Dependency(new DefaultArtifact(natives.getGroupId(), natives.getArtifactId(),
                    cpuNatives.classifier(), "jar", natives.getVersion()), "runtime"));
        }
        List<ArtifactResult> results;
        try {
            results = system.resolveDependencies(session, new DependencyRequest(collect, null)).getArtifactResults();
        } catch (DependencyResolutionException e) {
            throw new MojoExecutionException("could not resolve the trainer's class path (" + key + ":"
                    + library.getVersion() + " and its dependencies): " + e.getMessage(), e);
        }
        List<Path> jars = new ArrayList<>();
        String identity = null;
        for (ArtifactResult r : results) {
            Path jar = r.getArtifact().getFile().toPath();
            jars.add(jar);
            if (identity == null && key.equals(r.getArtifact().getGroupId() + ":" + r.getArtifact().getArtifactId())) {
                identity = key + ":" + r.getArtifact().getBaseVersion() + " sha256 " + sha256(jar);
            }
        }
        return new LibraryClasspath(List.copyOf(jars), identity);
    }

    private static String sha256(Path jar) {
        try {
            return MnistFiles.sha256(Files.readAllBytes(jar));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + jar, e);
        }
    }

    private static Properties forkProperties() {
        Properties p = new Properties();
        try (InputStream in = LibraryClasspath.class.getResourceAsStream("fork.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
