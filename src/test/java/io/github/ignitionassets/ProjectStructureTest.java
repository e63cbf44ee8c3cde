package io.github.ignitionassets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The layout README's "Layout" section describes, checked rather than hoped for. */
class ProjectStructureTest {

    private static final Path MAIN = Path.of("src/main/java/io/github/ignitionassets");
    private static final Pattern IMPORT = Pattern.compile("(?m)^import (?:static )?io\\.github\\.ignitionassets\\.(\\w+)\\.");

    @Test
    void onlyTheMavenPackageImportsMaven() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            List<String> offenders = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.startsWith(MAIN.resolve("maven")))
                    .filter(f -> read(f).contains("import org.apache.maven"))
                    .map(Path::toString).toList();
            assertEquals(List.of(), offenders);
        }
    }

    /** Data flows one way: spec, then assets, then config, then files; the config knows nothing of the policy. */
    @Test
    void noPackageImportsWhatItMustNotKnow() throws IOException {
        Map<String, Set<String>> never = Map.of(
                "core", Set.of("spec", "backoff", "script", "systemd", "ignition", "generate", "maven"),
                "backoff", Set.of("spec", "generate", "maven"),
                "spec", Set.of("generate", "maven"),
                "script", Set.of("generate", "maven"),
                "systemd", Set.of("ignition", "spec", "generate", "maven"),
                "ignition", Set.of("backoff", "script", "spec", "generate", "maven"),
                "generate", Set.of("maven"));
        List<String> offenders;
        try (Stream<Path> files = Files.walk(MAIN)) {
            offenders = files.filter(f -> f.toString().endsWith(".java"))
                    .flatMap(f -> {
                        String from = MAIN.relativize(f).getName(0).toString();
                        return IMPORT.matcher(read(f)).results().map(m -> m.group(1))
                                .filter(to -> never.getOrDefault(from, Set.of()).contains(to))
                                .map(to -> MAIN.relativize(f) + " imports " + to);
                    })
                    .toList();
        }
        assertEquals(List.of(), offenders);
    }

    @Test
    void theBackoffPolicyKnowsNothingOfHowASpecIsRead() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN.resolve("backoff"))) {
            List<String> offenders = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> read(f).contains("io.github.ignitionassets.spec"))
                    .map(Path::toString).toList();
            assertEquals(List.of(), offenders, "data flows spec -> backoff, never back");
        }
    }

    @Test
    void everyPackageHasAPackageInfo() throws IOException {
        try (Stream<Path> dirs = Files.walk(MAIN)) {
            List<String> missing = dirs.filter(Files::isDirectory)
                    .filter(d -> hasJava(d))
                    .filter(d -> !Files.exists(d.resolve("package-info.java")))
                    .map(Path::toString).toList();
            assertEquals(List.of(), missing);
        }
    }

    @Test
    void noClassIsNamedLikeAGrabBag() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            assertTrue(files.map(f -> f.getFileName().toString())
                    .noneMatch(n -> n.matches(".*(Util|Utils|Helper|Manager)\\.java")));
        }
    }

    private static boolean hasJava(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(f -> f.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
