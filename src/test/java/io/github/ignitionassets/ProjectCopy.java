package io.github.ignitionassets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** This project's build inputs copied to a scratch directory, for a nested Maven build of the ITs that need one. */
final class ProjectCopy {

    /** What a build of the plugin reads. */
    private static final List<String> INPUTS = List.of("pom.xml", "mvnw", ".mvn", "src/main");

    private ProjectCopy() {
    }

    /** A new scratch directory holding the inputs. */
    static Path create(String prefix) throws IOException {
        Path project = Path.of("").toAbsolutePath();
        Path copy = Files.createTempDirectory(prefix);
        for (String input : INPUTS) {
            copyTree(project.resolve(input), copy.resolve(input));
        }
        return copy;
    }

    /** {@code ./mvnw} with the arguments, on the local repository failsafe was given, if any. */
    static List<String> mavenCommand(List<String> arguments) {
        List<String> command = new ArrayList<>(List.of("./mvnw"));
        command.addAll(arguments);
        String repo = System.getProperty("localRepository");
        if (repo != null && !repo.isEmpty()) {
            command.add("-Dmaven.repo.local=" + repo);
        }
        return command;
    }

    /** A nested build's log, or why there is none. */
    static String log(Path log) {
        try {
            return Files.readString(log, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    static void delete(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path f : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.exists(from)) {
            return;
        }
        try (Stream<Path> s = Files.walk(from)) {
            for (Path f : s.toList()) {
                Path t = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(t);
                } else {
                    Files.createDirectories(t.getParent());
                    Files.copy(f, t, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
