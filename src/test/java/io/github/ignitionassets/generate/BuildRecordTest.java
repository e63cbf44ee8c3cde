package io.github.ignitionassets.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ignitionassets.core.PomElement;
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

    private static final String D = "0123abcd";

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
        backoff.put("maxDelay", "60s");
        return new GenerateRequest(dir, null, dir.resolve("pull.yaml"), false, PomElement.of("backoff", backoff), "agent.service", null,
                Path.of("agent.service"), null, null, null, dir.resolve("out"), null, null, null, options,
                dir.resolve("target/ignition-assets"), "newer", "/etc/agent/auth.json", true,
                new ProxyOptions(null, "https://proxy.example:3128", List.of("a.example"), true));
    }

    @Test
    void theInputsAreStableAndFollowEveryInput() throws Exception {
        GenerateRequest r = request();
        String before = BuildRecord.fingerprint(r, "plugin 1");
        assertEquals(before, BuildRecord.fingerprint(request(), "plugin 1"), "same inputs, same digest");
        assertTrue(before.matches("[0-9a-f]{64}"), before);

        Map<String, Function<GenerateRequest, String>> changes = new LinkedHashMap<>();
        changes.put("spec file", q -> edit("pull.yaml", q));
        changes.put("unit file", q -> edit("agent.service", q));
        changes.put("base config", q -> edit("base.ign", q));
        changes.put("extra file", q -> edit("motd", q));
        changes.put("extra unit", q -> edit("extra.service", q));
        changes.put("drop-in", q -> edit("limits.conf", q));
        changes.put("a parameter", q -> digest(q.withStateDirectory("/run/other"), "plugin 1"));
        changes.put("a backoff value", q -> digest(new GenerateRequest(dir, null, q.specFile(), false,
                PomElement.of("backoff", Map.of("maxDelay", "61s")), "agent.service", null, q.unitFile(), null, null, null, q.outputDirectory(),
                null, null, null, q.config(), q.recordDirectory(), q.pullPolicy(), q.authFile(), q.attach(), q.proxy()), "plugin 1"));
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
            assertFalse(before.equals(c.getValue().apply(fresh)), c.getKey());
        }
    }

    @Test
    void everyValueOfTheRequestIsPartOfTheInputs() throws Exception {
        GenerateRequest base = request();
        String before = BuildRecord.fingerprint(base, "plugin 1");
        List<String> missed = new java.util.ArrayList<>();
        for (var rc : GenerateRequest.class.getRecordComponents()) {
            if (!rc.getName().equals("config")) {
                check(before, with(base, rc, changed(rc.getType(), rc.getAccessor().invoke(base))), rc.getName(), missed);
            }
        }
        ConfigOptions options = base.config();
        for (var rc : ConfigOptions.class.getRecordComponents()) {
            Object value = rc.getAccessor().invoke(options);
            Object other = value instanceof List<?> l ? List.of() : changed(rc.getType(), value);
            check(before, base.withConfig(with(options, rc, other)), "config." + rc.getName(), missed);
        }
        for (String list : List.of("files", "units", "dropins")) {
            var listComponent = java.util.Arrays.stream(ConfigOptions.class.getRecordComponents())
                    .filter(c -> c.getName().equals(list)).findFirst().orElseThrow();
            Object entry = ((List<?>) listComponent.getAccessor().invoke(options)).get(0);
            for (var rc : entry.getClass().getRecordComponents()) {
                Object changedEntry = with(entry, rc, changed(rc.getType(), rc.getAccessor().invoke(entry)));
                check(before, base.withConfig(with(options, listComponent, List.of(changedEntry))), list + "[0]." + rc.getName(), missed);
            }
        }
        assertEquals(List.of(), missed, "request values that do not reach the build record");
    }

    private static void check(String before, GenerateRequest changed, String name, List<String> missed) {
        if (before.equals(digest(changed, "plugin 1"))) {
            missed.add(name);
        }
    }

    /** A value of the type other than {@code old}. */
    private static Object changed(Class<?> type, Object old) {
        if (type == String.class) {
            return old + "x";
        }
        if (type == Path.class) {
            return old == null ? Path.of("x") : ((Path) old).resolve("x");
        }
        if (type == boolean.class || type == Boolean.class) {
            return old == null || !((Boolean) old);
        }
        if (type == Double.class) {
            return old == null ? 1.0 : (Double) old + 1;
        }
        if (type == Long.class) {
            return old == null ? 1L : (Long) old + 1;
        }
        if (type == ProxyOptions.class) {
            return new ProxyOptions("http://other.example:3128", null, null, false);
        }
        if (type == PomElement.class) {
            return PomElement.of("backoff", Map.of("jitter", "0.3"));
        }
        throw new IllegalArgumentException("no other value for " + type);
    }

    /** {@code record} with one component replaced, through the canonical constructor. */
    @SuppressWarnings("unchecked")
    private static <R> R with(R record, java.lang.reflect.RecordComponent replaced, Object value) {
        try {
            var components = record.getClass().getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            Object[] args = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                args[i] = components[i].getName().equals(replaced.getName()) ? value : components[i].getAccessor().invoke(record);
            }
            return (R) record.getClass().getDeclaredConstructor(types).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aRecordVouchesOnlyForOutputsThatStillHaveTheirBytes() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Path a = out.resolve("a");
        Path b = out.resolve("b");
        Files.writeString(a, "A");
        Files.writeString(b, "B");
        List<BuildRecord.LogLine> log = List.of(new BuildRecord.LogLine(BuildRecord.Level.INFO, "two\nlines \\ and a backslash"),
                new BuildRecord.LogLine(BuildRecord.Level.WARN, "careful"));
        BuildRecord.of(D, Map.of(a, "A".getBytes(), b, "B".getBytes()), log).write(dir);

        assertEquals(Optional.of(log), BuildRecord.unchanged(dir, D));
        assertEquals(Optional.empty(), BuildRecord.unchanged(dir, "other inputs"));
        Files.writeString(b, "b");
        assertEquals(Optional.empty(), BuildRecord.unchanged(dir, D), "an output edited");
        Files.writeString(b, "B");
        Files.delete(a);
        assertEquals(Optional.empty(), BuildRecord.unchanged(dir, D), "an output gone");
        Files.writeString(a, "A");
        assertTrue(BuildRecord.unchanged(dir, D).isPresent());
        Files.writeString(dir.resolve(BuildRecord.FILE_NAME), "something else\n");
        assertEquals(Optional.empty(), BuildRecord.unchanged(dir, D), "a record we cannot read");
        Files.delete(dir.resolve(BuildRecord.FILE_NAME));
        assertEquals(Optional.empty(), BuildRecord.unchanged(dir, D), "no record");
    }

    @Test
    void aRecordOfAnotherFormatIsIgnored() throws Exception {
        Path a = Files.createDirectories(dir.resolve("out")).resolve("a");
        Files.writeString(a, "A");
        BuildRecord current = BuildRecord.of(D, Map.of(a, "A".getBytes()), List.of());
        new BuildRecord(BuildRecord.FORMAT + 1, D, current.outputs(), List.of()).write(dir);
        assertEquals(Optional.empty(), BuildRecord.unchanged(dir, D));
        current.write(dir);
        assertEquals(Optional.of(List.of()), BuildRecord.unchanged(dir, D));
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
            return BuildRecord.fingerprint(r, generator);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
