package io.github.ignitionassets.realtools;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A program a test needs. Missing, it skips the test with the Debian package to install; on CI ({@code CI=true})
 * it fails it instead, so that CI never passes by skipping.
 */
final class RequiredTool {

    private RequiredTool() {
    }

    /**
     * The tool's path.
     *
     * @param command        a command name looked up on {@code PATH}, or an absolute path
     * @param debianPackage  the package that provides it
     */
    static Path require(String command, String debianPackage) {
        Optional<Path> found = find(command);
        if (found.isPresent()) {
            return found.get();
        }
        String message = "'" + command + "' not found: install Debian package " + debianPackage
                + " (apt-get install " + debianPackage + ")";
        if ("true".equals(System.getenv("CI"))) {
            Assertions.fail(message + "; CI=true, so a missing tool is a failure, not a skip");
        }
        Assumptions.abort(message);
        throw new AssertionError("unreachable");
    }

    /** Requires the tool to run as root (Ignition, podman storage and the registry tests are written for root). */
    static void requireRoot(String why) {
        boolean root = "root".equals(System.getProperty("user.name"));
        if (!root) {
            String message = "must run as root: " + why;
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(message);
            }
            Assumptions.abort(message);
        }
    }

    static Optional<Path> find(String command) {
        if (command.startsWith("/")) {
            Path p = Path.of(command);
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        String path = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Path.of(dir, command);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
