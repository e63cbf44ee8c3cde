package io.github.ignitionassets.realtools;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ignitionassets.generate.GeneratedAssets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The real Ignition binary applies each config to a scratch root as on first boot (stages fetch-offline, then
 * files, platform "file"), and the host ends up with exactly what we meant.
 */
@Tag("real-tools")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class IgnitionFirstBootTest {

    static final String IGNITION = "/usr/lib/dracut/modules.d/30ignition/ignition";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "spec {0}, user unit: {1}, script at {2}")
    @CsvSource({
        "3.0.0, false, /usr/local/bin/agent-pull-image",
        "3.1.0, false, /usr/local/bin/agent-pull-image",
        "3.2.0, true, /usr/local/bin/agent-pull-image",
        "3.3.0, false, /opt/agent/bin/pull-it",
        "3.3.0, true, /usr/local/bin/agent-pull-image"})
    void writesScriptWithMode0755AndEnablesUnit(String version, boolean userUnit, String scriptPath) throws Exception {
        Path ignition = RequiredTool.require(IGNITION, "ignition");
        RequiredTool.requireRoot("Ignition sets file ownership");
        GeneratedAssets a = Assets.generate(dir, "registry.example.test:5000/team/agent:1.4", Map.of(),
                scriptPath, userUnit, version);
        Path config = Files.write(dir.resolve("config.ign"), a.config());
        Path root = Files.createDirectories(dir.resolve("root"));
        // Ignition's files stage relabels what it wrote; this host has no SELinux, so a disabled policy and a
        // setfiles that does nothing let the stage run as it would on a host with SELinux off.
        Files.createDirectories(root.resolve("etc/selinux"));
        Files.writeString(root.resolve("etc/selinux/config"), "SELINUX=disabled\nSELINUXTYPE=targeted\n");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.writeString(bin.resolve("setfiles"), "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(bin.resolve("setfiles"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Map<String, String> env = Map.of("IGNITION_CONFIG_FILE", config.toString(),
                "PATH", bin + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin:/usr/sbin:/sbin"));

        for (String stage : List.of("fetch-offline", "files")) {
            Cmd.Result r = Cmd.run(Duration.ofSeconds(30), env, ignition.toString(), "-platform", "file", "-stage", stage,
                    "-root", root.toString(), "-config-cache", dir.resolve("config-cache.json").toString(),
                    "-state-file", dir.resolve("state").toString(), "-log-to-stdout");
            assertEquals(0, r.exit(), r::describe);
            assertTrue(r.output().contains("Ignition finished successfully"), r::describe);
            assertTrue(r.output().lines().noneMatch(l -> l.startsWith("WARNING") || l.startsWith("ERROR")
                    || l.startsWith("CRITICAL")), () -> "Ignition warned:\n" + r.describe());
        }

        Path script = root.resolve(scriptPath.substring(1));
        assertArrayEquals(a.script().bytes(), Files.readAllBytes(script), "script bytes as generated");
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(script, LinkOption.NOFOLLOW_LINKS)));
        assertTrue(Files.isRegularFile(script, LinkOption.NOFOLLOW_LINKS));
        Path unit = root.resolve("etc/systemd/system").resolve(a.unit().name());
        assertArrayEquals(a.unit().bytes(), Files.readAllBytes(unit), "unit bytes as generated");
        List<String> preset = Files.readAllLines(root.resolve("etc/systemd/system-preset/20-ignition.preset"));
        assertTrue(preset.contains("enable " + a.unit().name()), () -> "preset: " + preset);
    }
}
