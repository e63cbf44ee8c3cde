package io.github.ignitionassets.realtools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.ignitionassets.generate.GenerateRequest;
import io.github.ignitionassets.generate.GeneratedAssets;
import io.github.ignitionassets.generate.ProxyOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code systemd-analyze verify} (systemd 252) reads the unit as systemd would load it on the host. It runs with
 * {@code --root} on a scratch root laid out like the host after first boot: the host's own system units (so
 * {@code network-online.target} and {@code multi-user.target} resolve), our unit in {@code /etc/systemd/system},
 * the generated script at its {@code scriptPath} with mode 0755, and a stand-in {@code /usr/bin/podman} (verify
 * checks only that each command exists and is executable; it runs nothing).
 */
@Tag("real-tools")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SystemdUnitVerifyTest {

    private static final Path HOST_UNITS = Path.of("/usr/lib/systemd/system");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "user unit: {0}, script at {1}")
    @CsvSource({
        "false, /usr/local/bin/agent-pull-image",
        "true, /usr/local/bin/agent-pull-image",
        "false, /opt/my agent/bin/pull-image"})
    void systemdAnalyzeVerifyReportsNothing(boolean userUnit, String scriptPath) throws Exception {
        Path analyze = RequiredTool.require("systemd-analyze", "systemd");
        GeneratedAssets a = Assets.generate(dir, "registry.example.test:5000/team/agent:1.4", Map.of(), scriptPath, userUnit, "3.1.0");
        Path root = hostRoot(a, scriptPath, "rwxr-xr-x");

        Cmd.Result r = Cmd.run(Duration.ofSeconds(30), Map.of("SYSTEMD_LOG_COLOR", "0"), analyze.toString(), "verify",
                "--root=" + root, a.unit().name());

        assertEquals(0, r.exit(), r::describe);
        assertEquals("", r.output(), () -> "systemd-analyze verify must report nothing:\n" + r.describe());
    }

    /**
     * The proxy lines as systemd reads them, in the built-in unit and in the drop-in a user's unit gets: no
     * assignment is refused or split (a value with a space would be, and reported).
     */
    @ParameterizedTest(name = "user unit: {0}")
    @CsvSource({"false", "true"})
    void theProxyEnvironmentLoadsCleanly(boolean userUnit) throws Exception {
        Path analyze = RequiredTool.require("systemd-analyze", "systemd");
        String scriptPath = "/usr/local/bin/agent-pull-image";
        GeneratedAssets a = Assets.generate(dir, "registry.example.test:5000/team/agent:1.4", Map.of(), scriptPath, userUnit,
                "3.1.0", GenerateRequest.DEFAULT_STATE_DIRECTORY, r -> r.withProxy(new ProxyOptions(
                        "http://user:p%40ss@proxy.example:3128", "https://proxy.example:3129",
                        List.of("localhost", ".cluster.local", "10.0.0.0/8"), true)));
        Path root = hostRoot(a, scriptPath, "rwxr-xr-x");
        JsonNode dropins = new ObjectMapper().readTree(a.config()).at("/systemd/units/0/dropins");
        assertEquals(userUnit ? 1 : 0, dropins.size(), dropins::toString);
        for (JsonNode d : dropins) {
            Path dropin = Files.createDirectories(root.resolve("etc/systemd/system/" + a.unit().name() + ".d"))
                    .resolve(d.get("name").asText());
            Files.writeString(dropin, d.get("contents").asText());
        }

        Cmd.Result r = Cmd.run(Duration.ofSeconds(30), Map.of("SYSTEMD_LOG_COLOR", "0"), analyze.toString(), "verify",
                "--root=" + root, a.unit().name());

        assertEquals(0, r.exit(), r::describe);
        assertEquals("", r.output(), () -> "systemd-analyze verify must report nothing:\n" + r.describe());
    }

    /** The check can fail: a proxy line systemd cannot take as one assignment is reported. */
    @Test
    void systemdAnalyzeVerifyReportsABrokenEnvironmentLine() throws Exception {
        Path analyze = RequiredTool.require("systemd-analyze", "systemd");
        String scriptPath = "/usr/local/bin/agent-pull-image";
        GeneratedAssets a = Assets.generate(dir, "registry.example.test:5000/team/agent:1.4", Map.of(), scriptPath, false, "3.1.0");
        Path root = hostRoot(a, scriptPath, "rwxr-xr-x");
        Path dropin = Files.createDirectories(root.resolve("etc/systemd/system/" + a.unit().name() + ".d")).resolve("x.conf");
        Files.writeString(dropin, "[Service]\nEnvironment=NO_PROXY=a b\n");

        Cmd.Result r = Cmd.run(Duration.ofSeconds(30), Map.of("SYSTEMD_LOG_COLOR", "0"), analyze.toString(), "verify",
                "--root=" + root, a.unit().name());

        assertTrue(r.output().contains("Invalid environment assignment"), r::describe);
    }

    /** The check can fail: a script Ignition left without its execute bits is reported. */
    @Test
    void systemdAnalyzeVerifyReportsAScriptThatIsNotExecutable() throws Exception {
        Path analyze = RequiredTool.require("systemd-analyze", "systemd");
        String scriptPath = "/usr/local/bin/agent-pull-image";
        GeneratedAssets a = Assets.generate(dir, "registry.example.test:5000/team/agent:1.4", Map.of(), scriptPath, false, "3.1.0");
        Path root = hostRoot(a, scriptPath, "rw-r--r--");

        Cmd.Result r = Cmd.run(Duration.ofSeconds(30), Map.of("SYSTEMD_LOG_COLOR", "0"), analyze.toString(), "verify",
                "--root=" + root, a.unit().name());

        assertNotEquals(0, r.exit(), r::describe);
        assertTrue(r.output().contains("/usr/local/bin/agent-pull-image is not executable"), r::describe);
    }

    private Path hostRoot(GeneratedAssets a, String scriptPath, String scriptMode) throws IOException {
        Path root = dir.resolve("root");
        Path units = Files.createDirectories(root.resolve("usr/lib/systemd/system"));
        if (!Files.isDirectory(HOST_UNITS)) {
            RequiredTool.require(HOST_UNITS + "/multi-user.target", "systemd");
        }
        try (Stream<Path> s = Files.list(HOST_UNITS)) {
            for (Path p : s.toList()) {
                if (Files.isRegularFile(p)) { // symlinks and .wants directories are not needed to load our unit
                    Files.copy(p, units.resolve(p.getFileName().toString()), StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        Path unit = Files.createDirectories(root.resolve("etc/systemd/system")).resolve(a.unit().name());
        Files.write(unit, a.unit().bytes());
        Path script = root.resolve(scriptPath.substring(1));
        Files.createDirectories(script.getParent());
        Files.write(script, a.script().bytes());
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString(scriptMode));
        Path podman = Files.createDirectories(root.resolve("usr/bin")).resolve("podman");
        Files.writeString(podman, "#!/bin/sh\n# stand-in: systemd-analyze verify only checks that the command is executable\nexit 0\n");
        Files.setPosixFilePermissions(podman, PosixFilePermissions.fromString("rwxr-xr-x"));
        return root;
    }
}
