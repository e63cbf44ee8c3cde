package io.github.ignitionassets.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An unchanged build is recognised only when nothing the outputs are made from, and no output, has changed. */
class BuildRecordTest {

    @TempDir
    Path dir;

    private GenerateRequest request() throws Exception {
        Files.writeString(dir.resolve("pull.yaml"), "image: quay.io/example/agent:v1\n");
        Files.writeString(dir.resolve("agent.service"), "[Service]\nExecStart=/bin/true\n");
        Files.writeString(dir.resolve("base.ign"), "{\"ignition\":{\"version\":\"3.1.0\"}}");
        Files.writeString(dir.resolve("motd"), "hello\n");
        Files.writeString(dir.resolve("extra.service"), "[Service]\n");
        Files.writeString(dir.resolve("limits.conf"), "[Service]\nLimitNOFILE=1\n");
        var options = new ConfigOptions(Path.of("base.ign"), List.of(new ConfigOptions.ExtraFile("/etc/motd", "0644", Path.of("motd"))),
                List.of(new ConfigOptions.ExtraUnit("extra.service", Path.of("extra.service"), true)),
                List.of(new ConfigOptions.ExtraDropin("agent.service", "limits.conf", Path.of("limits.conf"))), null, false);
        var backoff = new LinkedHashMap<String, String>();
        backoff.put("backoff.maxDelay", "60s");
        return new GenerateRequest(dir, null, dir.resolve("pull.yaml"), false, backoff, "agent.service", null,
                Path.of("agent.service"), null, null, null, dir.resolve("out"), null, null, null, options);
    }

    @Test
    void theInputsDigestIsStableAndFollowsEveryInput() throws Exception {
        GenerateRequest r = request();
        String before = BuildRecord.inputs(r, "plugin 1");
        assertEquals(before, BuildRecord.inputs(request(), "plugin 1"), "same inputs, same digest");

        Map<String, Function<GenerateRequest, String>> changes = new LinkedHashMap<>();
        changes.put("spec file", q -> edit("pull.yaml", q));
        changes.put("unit file", q -> edit("agent.service", q));
        changes.put("base config", q -> edit("base.ign", q));
        changes.put("extra file", q -> edit("motd", q));
        changes.put("extra unit", q -> edit("extra.service", q));
        changes.put("drop-in", q -> edit("limits.conf", q));
        changes.put("a parameter", q -> digest(q.withStateDirectory("/run/other"), "plugin 1"));
        changes.put("a backoff value", q -> digest(new GenerateRequest(dir, null, q.specFile(), false,
                Map.of("backoff.maxDelay", "61s"), "agent.service", null, q.unitFile(), null, null, null, q.outputDirectory(),
                null, null, null, q.config()), "plugin 1"));
        changes.put("the plugin", q -> digest(q, "plugin 2"));
        changes.put("a file gone", q -> {
            try {
                Files.delete(dir.resolve("motd"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return digest(q, "plugin 1");
        });
        for (var c : changes.entrySet()) {
            GenerateRequest fresh = request();
            assertNotEquals(before, c.getValue().apply(fresh), c.getKey());
        }
    }

    @Test
    void aRecordVouchesOnlyForOutputsThatStillHaveTheirBytes() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Path a = out.resolve("a");
        Path b = out.resolve("b");
        Files.writeString(a, "A");
        Files.writeString(b, "B");
        List<BuildRecord.LogLine> log = List.of(new BuildRecord.LogLine("info", "two\nlines \\ and a backslash"),
                new BuildRecord.LogLine("warn", "careful"));
        BuildRecord.of("digest", Map.of(a, "A".getBytes(), b, "B".getBytes()), log).write(dir);

        assertEquals(Optional.of(log), BuildRecord.unchanged(dir, "digest"));
        assertEquals(Optional.empty(), BuildRecord.unchanged(dir, "other inputs"));
        Files.writeString(b, "b");
        assertEquals(Optional.empty(), BuildRecord.unchanged(dir, "digest"), "an output edited");
        Files.writeString(b, "B");
        Files.delete(a);
        assertEquals(Optional.empty(), BuildRecord.unchanged(dir, "digest"), "an output gone");
        Files.writeString(a, "A");
        assertTrue(BuildRecord.unchanged(dir, "digest").isPresent());
        Files.writeString(dir.resolve(BuildRecord.FILE_NAME), "something else\n");
        assertEquals(Optional.empty(), BuildRecord.unchanged(dir, "digest"), "a record we cannot read");
        Files.delete(dir.resolve(BuildRecord.FILE_NAME));
        assertEquals(Optional.empty(), BuildRecord.unchanged(dir, "digest"), "no record");
    }

    private String edit(String file, GenerateRequest r) {
        try {
            Files.writeString(dir.resolve(file), Files.readString(dir.resolve(file)) + " ");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return digest(r, "plugin 1");
    }

    private static String digest(GenerateRequest r, String generator) {
        try {
            return BuildRecord.inputs(r, generator);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
