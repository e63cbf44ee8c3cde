package io.github.ignitionassets.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ignitionassets.core.BuildLog;
import io.github.ignitionassets.core.InvalidInputException;
import io.github.ignitionassets.core.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole goal through its one entry point: up to date or not, what is written, what is logged. */
class AssetBuildTest {

    private static final String IMAGE = "quay.io/org/agent:v1";

    @TempDir
    Path base;

    private final List<String> log = new ArrayList<>();
    private final BuildLog collecting = new BuildLog() {
        @Override
        public void debug(String message) {
        }

        @Override
        public void info(String message) {
            log.add("info " + message);
        }

        @Override
        public void warn(String message) {
            log.add("warn " + message);
        }
    };

    @Test
    void generatesWritesAndRecordsThenFindsTheNextBuildUpToDate() throws Exception {
        GenerateRequest request = GenerateRequest.defaults(base, IMAGE);
        AssetBuild.Result first = AssetBuild.run(request, "plugin 1", collecting);

        Path out = base.resolve("target/generated-resources/ignition");
        assertTrue(first.generated());
        assertEquals(out.resolve("config.ign"), first.config());
        assertEquals(List.of("agent-pull-image", "agent.service", "config.ign"), names(out));
        assertTrue(Files.isRegularFile(base.resolve("target/ignition-assets/load-report.json")));
        assertTrue(Files.isRegularFile(base.resolve("target/ignition-assets/" + BuildRecord.FILE_NAME)));
        assertEquals("info Wrote agent-pull-image, agent.service, config.ign to target/generated-resources/ignition",
                log.get(0));
        List<String> results = List.copyOf(log.subList(1, log.size()));
        assertTrue(results.get(results.size() - 1).contains("Details: target/ignition-assets/load-report.json"), results.toString());

        log.clear();
        AssetBuild.Result second = AssetBuild.run(request, "plugin 1", collecting);
        assertFalse(second.generated());
        assertEquals("info Ignition assets unchanged in target/generated-resources/ignition (same inputs as the last build)",
                log.get(0));
        assertEquals(results, log.subList(1, log.size()), "an up-to-date build reports the same figures");

        log.clear();
        assertTrue(AssetBuild.run(request, "plugin 2", collecting).generated(), "another plugin build generates again");
        assertEquals("info Ignition assets unchanged in target/generated-resources/ignition", log.get(0),
                "same bytes: nothing rewritten");
    }

    @Test
    void anOutputEditedByHandIsMadeAgain() throws Exception {
        GenerateRequest request = GenerateRequest.defaults(base, IMAGE);
        AssetBuild.run(request, "plugin 1", collecting);
        Path unit = base.resolve("target/generated-resources/ignition/agent.service");
        String generated = Files.readString(unit);
        Files.writeString(unit, "edited");
        assertTrue(AssetBuild.run(request, "plugin 1", collecting).generated());
        assertEquals(generated, Files.readString(unit));
    }

    @Test
    void aBadRequestLeavesTheEarlierOutputsAsTheyWere() throws Exception {
        AssetBuild.run(GenerateRequest.defaults(base, IMAGE), "plugin 1", collecting);
        Map<String, byte[]> before = contents(base.resolve("target"));

        var bad = assertThrows(InvalidInputException.class,
                () -> AssetBuild.run(GenerateRequest.defaults(base, "busybox"), "plugin 1", collecting));
        assertEquals("image", bad.problems().get(0).field());
        assertEquals(before.keySet(), contents(base.resolve("target")).keySet());
        before.forEach((name, bytes) -> assertEquals(new String(bytes), new String(contents(base.resolve("target")).get(name)), name));
    }

    @Test
    void aFailedWriteLeavesTheEarlierOutputsAsTheyWere() throws Exception {
        AssetBuild.run(GenerateRequest.defaults(base, IMAGE), "plugin 1", collecting);
        Path out = base.resolve("target/generated-resources/ignition");
        Map<String, byte[]> before = contents(out);
        Files.delete(out.resolve("agent.service"));
        Files.createDirectories(out.resolve("agent.service/in-the-way"));

        GenerateRequest changed = GenerateRequest.defaults(base, "quay.io/org/agent:v2");
        IOException e = assertThrows(IOException.class, () -> AssetBuild.run(changed, "plugin 1", collecting));
        assertTrue(e.getMessage().startsWith("Cannot write Ignition assets to " + out), e.getMessage());
        assertEquals(new String(before.get("agent-pull-image")), Files.readString(out.resolve("agent-pull-image")));
        assertEquals(new String(before.get("config.ign")), Files.readString(out.resolve("config.ign")));
    }

    @Test
    void eachInputFileHasASizeLimit() throws Exception {
        Path unit = base.resolve("big.service");
        Files.writeString(unit, "[Service]\nExecStart=/bin/true\n" + "#\n".repeat(1 << 19));
        Path baseConfig = base.resolve("big.ign");
        Files.writeString(baseConfig, "{\"ignition\":{\"version\":\"3.1.0\"}}" + " ".repeat(32 << 20));
        Path file = base.resolve("big.bin");
        Files.write(file, new byte[(8 << 20) + 1]);
        var d = GenerateRequest.defaults(base, IMAGE);
        var config = new ConfigOptions(baseConfig, List.of(new ConfigOptions.ExtraFile("/etc/big", "0644", file)),
                List.of(), List.of(), null, false);
        var request = new GenerateRequest(base, IMAGE, null, false, null, d.unitName(), d.scriptPath(), unit, null,
                d.timeoutStartSec(), d.ignitionVersion(), d.outputDirectory(), d.configName(), d.stateDirectory(), null,
                config);

        var e = assertThrows(InvalidInputException.class, () -> AssetBuild.run(request, "plugin 1", collecting));
        assertEquals(List.of(
                Problem.inPom("baseConfig", "'big.ign' is larger than 32 MiB, the limit for this input"),
                Problem.inPom("files[0].source", "'big.bin' is larger than 8 MiB, the limit for this input"),
                Problem.inPom("unitFile", "'big.service' is larger than 1 MiB, the limit for this input")),
                sorted(e.problems()));
        assertFalse(Files.exists(base.resolve("target")), "nothing written");
    }

    @Test
    void readsTheFirstDefaultSpecFileThatExistsAndSaysWhichOrThatThereIsNone() throws Exception {
        GenerateRequest request = GenerateRequest.defaults(base, null).withStateDirectory("/run/agent-pull-image");
        GenerateRequest withImage = GenerateRequest.defaults(base, IMAGE);
        AssetBuild.run(withImage, "plugin 1", collecting);
        assertTrue(log.contains("info No spec file (none of src/main/ignition/pull.yaml, src/main/ignition/pull.yml,"
                + " src/main/ignition/pull.json): the POM's values and the defaults"), log.toString());

        assertFalse(AssetBuild.run(withImage, "plugin 1", collecting).generated());
        Files.createDirectories(base.resolve("src/main/ignition"));
        Files.writeString(base.resolve("src/main/ignition/pull.yml"), "backoff:\n  maxDelay: 60s\n");
        assertTrue(AssetBuild.run(withImage, "plugin 1", collecting).generated(), "a default spec file that appeared");

        Files.writeString(base.resolve("src/main/ignition/pull.yml"), "image: quay.io/org/agent:yml\n");
        log.clear();
        assertTrue(AssetBuild.run(request, "plugin 1", collecting).generated());
        assertTrue(log.contains("info Spec file: src/main/ignition/pull.yml"), log.toString());
        assertTrue(Files.readString(base.resolve("target/generated-resources/ignition/agent.service")).contains(":yml"));

        Files.writeString(base.resolve("src/main/ignition/pull.json"), "{\"image\": \"quay.io/org/agent:json\"}");
        var e = assertThrows(InvalidInputException.class, () -> AssetBuild.run(request, "plugin 1", collecting));
        assertEquals(List.of(Problem.of("specFile", "'src/main/ignition/pull.yml' and 'src/main/ignition/pull.json'"
                + " exist side by side; keep one, or name the one to read with <specFile>")), e.problems());
    }

    private static List<Problem> sorted(List<Problem> problems) {
        return problems.stream().sorted((a, b) -> a.field().compareTo(b.field())).toList();
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static Map<String, byte[]> contents(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).collect(java.util.stream.Collectors.toMap(
                    p -> dir.relativize(p).toString(), p -> {
                        try {
                            return Files.readAllBytes(p);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
