package io.github.ignitionassets.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.ignitionassets.core.InvalidInputException;
import io.github.ignitionassets.core.PomElement;
import io.github.ignitionassets.core.Problem;
import io.github.ignitionassets.it.DataUrlBytes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssetGeneratorTest {

    private static final String IMAGE = "quay.io/org/agent:v1";

    @TempDir
    Path base;

    private GenerateRequest request(String image, Path spec, Map<String, String> backoff) {
        var d = GenerateRequest.defaults(base, image);
        return new GenerateRequest(base, image, spec, spec != null, PomElement.of("backoff", backoff), d.unitName(), d.scriptPath(), null, null,
                d.timeoutStartSec(), d.ignitionVersion(), d.outputDirectory(), d.configName());
    }

    @Test
    void configEmbedsTheExactScriptAndUnit() throws Exception {
        GeneratedAssets a = AssetGenerator.generate(GenerateRequest.defaults(base, IMAGE));
        JsonNode config = new ObjectMapper().readTree(a.config());
        assertEquals("3.1.0", config.at("/ignition/version").asText());
        JsonNode file = config.at("/storage/files/0");
        assertEquals("/usr/local/bin/agent-pull-image", file.get("path").asText());
        assertEquals(493, file.get("mode").asInt());
        assertTrue(file.get("overwrite").asBoolean());
        assertEquals("gzip", file.at("/contents/compression").asText(), "a script compresses well: gzip is shortest");
        assertArrayEquals(a.script().bytes(), DataUrlBytes.decode(file.at("/contents/source").asText(), "gzip"));
        JsonNode unit = config.at("/systemd/units/0");
        assertEquals("agent.service", unit.get("name").asText());
        assertTrue(unit.get("enabled").asBoolean());
        assertEquals(a.unit().text(), unit.get("contents").asText());
        assertEquals(List.of("agent-pull-image", "agent.service", "config.ign"), List.copyOf(a.files().keySet()));
    }

    @Test
    void yamlJsonAndPomGiveByteIdenticalOutputs() throws Exception {
        Path yaml = Files.writeString(base.resolve("pull.yaml"), """
                image: quay.io/org/agent:v1
                backoff:
                  initialDelay: 2s
                  multiplier: 1.5
                  maxDelay: 2m
                  jitter: 0.1
                  maxAttempts: 9
                  attemptTimeout: 5m
                """);
        Path json = Files.writeString(base.resolve("pull.json"), """
                {"image": "quay.io/org/agent:v1",
                 "backoff": {"initialDelay": "PT2S", "multiplier": 1.5, "maxDelay": "120s", "jitter": 0.10,
                             "maxAttempts": 9, "attemptTimeout": "5m"}}
                """);
        var pom = Map.of("initialDelay", "2000ms", "multiplier", "1.50", "maxDelay", "2m",
                "jitter", "0.1", "maxAttempts", "9", "attemptTimeout", "300s");
        var fromYaml = AssetGenerator.generate(request(null, yaml, Map.of())).files();
        var fromJson = AssetGenerator.generate(request(null, json, Map.of())).files();
        var fromPom = AssetGenerator.generate(request(IMAGE, null, pom)).files();
        for (String name : fromYaml.keySet()) {
            assertArrayEquals(fromYaml.get(name), fromJson.get(name), name);
            assertArrayEquals(fromYaml.get(name), fromPom.get(name), name);
        }
    }

    @Test
    void reportsProblemsOfEveryParameterAtOnce() {
        var d = GenerateRequest.defaults(base, "busybox");
        var request = new GenerateRequest(base, "busybox", base.resolve("missing.yaml"), true,
                PomElement.of("backoff", Map.of("maxDelay", "5")), "agent.timer", "usr/local/bin/x", null, "a\nb", "ten", "2.3.0",
                d.outputDirectory(), "x/y.ign");
        List<Problem> problems = assertThrows(InvalidInputException.class, () -> AssetGenerator.generate(request)).problems();
        assertEquals(List.of("specFile", "image", "backoff.maxDelay", "unitName", "scriptPath", "ignitionVersion",
                "timeoutStartSec", "execStart", "configName"), problems.stream().map(Problem::field).toList());
        String message = new InvalidInputException(problems).getMessage();
        assertTrue(message.startsWith("9 problems in the input:"), message);
        for (String shown : List.of("'missing.yaml' does not exist", "'busybox'", "docker.io/library/busybox", "'5' has no unit",
                "'agent.timer' must end in .service", "'usr/local/bin/x' is not absolute", "'2.3.0' is not supported; allowed: 3.0.0",
                "'ten' is not a systemd time span", "'a\\nb'", "'x/y.ign'")) {
            assertTrue(message.contains(shown), shown + " missing from\n" + message);
        }
    }

    @Test
    void specFileAtTheDefaultPlaceIsOptional() throws Exception {
        var request = request(IMAGE, base.resolve("src/main/ignition/pull.yaml"), Map.of());
        var optional = new GenerateRequest(base, IMAGE, request.specFile(), false, null, request.unitName(),
                request.scriptPath(), null, null, request.timeoutStartSec(), request.ignitionVersion(),
                request.outputDirectory(), request.configName());
        assertEquals(IMAGE, AssetGenerator.generate(optional).spec().image().text());
    }

    @Test
    void userUnitGetsThePullStep() throws Exception {
        Path unit = Files.writeString(base.resolve("mine.service"), "[Service]\nExecStart=/usr/bin/run %i\n");
        var d = GenerateRequest.defaults(base, IMAGE);
        var request = new GenerateRequest(base, IMAGE, null, false, null, "mine.service", "/opt/pull", unit, null,
                d.timeoutStartSec(), "3.3.0", d.outputDirectory(), d.configName());
        GeneratedAssets a = AssetGenerator.generate(request);
        assertEquals("[Service]\nExecStartPre=/opt/pull quay.io/org/agent:v1\nExecStart=/usr/bin/run %i\n", a.unit().text());
        assertEquals("pull", a.script().fileName());
    }

    @Test
    void theBudgetTheSizeLimitAndIgnitionsChecksAreReportedTogether() throws Exception {
        Path baseConfig = Files.writeString(base.resolve("base.ign"),
                "{\"ignition\":{\"version\":\"3.1.0\"},\"storage\":{\"files\":[{\"path\":\"relative\"}]}}");
        var options = new ConfigOptions(baseConfig, List.of(), List.of(), List.of(), 100L, false);
        var request = GenerateRequest.defaults(base, IMAGE).withMaxAttemptsPerHour(10.0).withConfig(options);
        List<String> fields = assertThrows(InvalidInputException.class, () -> AssetGenerator.generate(request)).problems()
                .stream().map(Problem::field).toList();
        assertEquals(List.of("maxAttemptsPerHour", "config.ign storage.files[0].path", "maxConfigBytes"), fields);
    }

    @Test
    void budgetFailsTheBuildNamingTheParameterAndBothNumbers() throws Exception {
        var request = GenerateRequest.defaults(base, IMAGE).withMaxAttemptsPerHour(10.0);
        List<Problem> problems = assertThrows(InvalidInputException.class, () -> AssetGenerator.generate(request)).problems();
        assertEquals("maxAttemptsPerHour", problems.get(0).field());
        double modelled = AssetGenerator.generate(GenerateRequest.defaults(base, IMAGE)).load().attemptsPerHour();
        assertTrue(modelled > 10.0);
        assertTrue(problems.get(0).message().contains(modelled + " attempts per host-hour"), problems.get(0).message());
        assertTrue(problems.get(0).message().contains("budget of 10.0"), problems.get(0).message());
    }

    @Test
    void budgetThatTheSpecMeetsPasses() throws Exception {
        GeneratedAssets a = AssetGenerator.generate(GenerateRequest.defaults(base, IMAGE).withMaxAttemptsPerHour(12.0));
        assertTrue(a.load().attemptsPerHour() <= 12.0);
    }

    @Test
    void loadModelReadsTheUsersUnitTiming() throws Exception {
        Path unit = Files.writeString(base.resolve("mine.service"),
                "[Service]\nRestart=always\nRestartSec=3\nTimeoutStartSec=3min\nExecStart=/usr/bin/run\n");
        var d = GenerateRequest.defaults(base, IMAGE);
        var request = new GenerateRequest(base, IMAGE, null, false, PomElement.of("backoff", Map.of("jitter", "0")), "mine.service",
                d.scriptPath(), unit, null, d.timeoutStartSec(), d.ignitionVersion(), d.outputDirectory(), d.configName());
        GeneratedAssets a = AssetGenerator.generate(request);
        assertEquals(180.0, a.load().timeoutStartSeconds());
        assertEquals(118.0, a.load().resetOnRestartAttemptsPerHour(), 1.0);
    }

    @Test
    void aContinuedLineInTheUsersUnitIsNoSettingOfItsOwn() throws Exception {
        Path unit = Files.writeString(base.resolve("mine.service"),
                "[Service]\nRestart=always\nRestartSec=3\nExecStart=/usr/bin/run \\\n  TimeoutStartSec=5\n");
        var d = GenerateRequest.defaults(base, IMAGE);
        var request = new GenerateRequest(base, IMAGE, null, false, PomElement.of("backoff", Map.of("jitter", "0")), "mine.service",
                d.scriptPath(), unit, null, d.timeoutStartSec(), d.ignitionVersion(), d.outputDirectory(), d.configName());
        GeneratedAssets a = AssetGenerator.generate(request);
        assertEquals(90.0, a.load().timeoutStartSeconds(), "systemd's default: the continuation belongs to ExecStart=");
        assertTrue(a.unit().text().startsWith("[Service]\nRestart=always\nRestartSec=3\nExecStartPre="), a.unit().text());
    }

    @Test
    void stateDirectoryReachesTheScript() throws Exception {
        GeneratedAssets a = AssetGenerator.generate(GenerateRequest.defaults(base, IMAGE).withStateDirectory("/var/lib/my state"));
        assertTrue(a.script().text().contains("state_dir='/var/lib/my state'\n"));
        var bad = GenerateRequest.defaults(base, IMAGE).withStateDirectory("run/x");
        assertEquals("stateDirectory", assertThrows(InvalidInputException.class, () -> AssetGenerator.generate(bad))
                .problems().get(0).field());
    }

    @Test
    void outputNamesMustNotCollide() {
        var d = GenerateRequest.defaults(base, IMAGE);
        var request = new GenerateRequest(base, IMAGE, null, false, null, d.unitName(), d.scriptPath(), null, null,
                d.timeoutStartSec(), d.ignitionVersion(), d.outputDirectory(), "agent.service");
        List<Problem> problems = assertThrows(InvalidInputException.class, () -> AssetGenerator.generate(request)).problems();
        assertEquals("configName", problems.get(0).field());
    }
}
