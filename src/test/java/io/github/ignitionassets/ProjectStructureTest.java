package io.github.ignitionassets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The layout STYLE.md asks for, checked rather than hoped for. */
class ProjectStructureTest {

    private static final Path MAIN = Path.of("src/main/java/io/github/ignitionassets");

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
