package io.github.ignitionassets.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.ignitionassets.backoff.RestartPolicy;
import io.github.ignitionassets.core.PomElement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The load model reads the pull unit as systemd runs it: the unit, then its drop-ins by file name. */
class UnitAsRunTest {

    private static final String IMAGE = "quay.io/org/agent:v1";

    @TempDir
    Path base;

    private GenerateRequest request(ConfigOptions options) {
        return GenerateRequest.defaults(base, IMAGE).withConfig(options);
    }

    private Path file(String name, String text) throws Exception {
        return Files.writeString(base.resolve(name), text);
    }

    @Test
    void dropinsOverrideTheUnitInFileNameOrderAndTheReportNamesEachFile() throws Exception {
        var options = new ConfigOptions(null,
                List.of(new ConfigOptions.ExtraFile("/etc/systemd/system/agent.service.d/20-restart.conf", "0644",
                        file("20.conf", "[Service]\nRestartSec=9\n"))),
                null,
                List.of(new ConfigOptions.ExtraDropin("agent.service", "30-timeout.conf", file("30.conf", "[Service]\nTimeoutStartSec=2min\n")),
                        new ConfigOptions.ExtraDropin("agent.service", "10-restart.conf", file("10.conf", "[Service]\nRestartSec=5\nTimeoutStartSec=1h\n"))),
                null, false);
        var a = AssetGenerator.generate(request(options));
        assertEquals(120, a.load().timeoutStartSeconds(), "30-timeout.conf comes after 10-restart.conf");
        assertEquals(9, a.load().restartSeconds(), "20-restart.conf comes after 10-restart.conf");
        assertEquals(new RestartPolicy.Origins("agent.service.d/30-timeout.conf",
                "/etc/systemd/system/agent.service.d/20-restart.conf", "agent.service"), a.load().unitFrom());
        assertTrue(a.load().summary().endsWith("Unit as systemd runs it: TimeoutStartSec from agent.service.d/30-timeout.conf,"
                + " RestartSec from /etc/systemd/system/agent.service.d/20-restart.conf, Restart= from agent.service."),
                a.load().summary());
        JsonNode report = new ObjectMapper().readTree(a.load().toJson(a.spec().backoff()));
        assertEquals("agent.service.d/30-timeout.conf", report.at("/unit/from/timeoutStartSec").asText());
        assertEquals(List.of(), a.warnings());
    }

    @Test
    void theBaseConfigsDropinsOfThePullUnitAreKeptAndRead() throws Exception {
        Path baseConfig = file("base.ign", """
                {"ignition": {"version": "3.1.0"}, "systemd": {"units": [{"name": "agent.service", "contents": "old",
                  "dropins": [{"name": "10-site.conf", "contents": "[Service]\\nTimeoutStartSec=45\\n"}]}]}}
                """);
        var a = AssetGenerator.generate(request(new ConfigOptions(baseConfig, null, null, null, null, false)));
        JsonNode unit = new ObjectMapper().readTree(a.config()).at("/systemd/units/0");
        assertEquals(a.unit().text(), unit.get("contents").asText(), "our unit replaces the base config's");
        assertEquals("10-site.conf", unit.at("/dropins/0/name").asText(), "the site's drop-in stays");
        assertEquals(45, a.load().timeoutStartSeconds());
    }

    @Test
    void aServiceWideDropinCountsAndADropinElsewhereDoesNot() throws Exception {
        var options = new ConfigOptions(null, List.of(
                new ConfigOptions.ExtraFile("/etc/systemd/system/service.d/50-all.conf", "0644", file("all.conf", "[Service]\nRestartSec=7\n")),
                new ConfigOptions.ExtraFile("/etc/systemd/system/other.service.d/50-x.conf", "0644", file("x.conf", "[Service]\nRestartSec=1\n")),
                new ConfigOptions.ExtraFile("/etc/systemd/system/agent.service.d/notes.txt", "0644", file("n.txt", "[Service]\nRestartSec=2\n"))),
                null, null, null, false);
        var a = AssetGenerator.generate(request(options));
        assertEquals(7, a.load().restartSeconds());
        assertEquals("/etc/systemd/system/service.d/50-all.conf", a.load().unitFrom().restartSec());
    }

    @Test
    void aRestartThatGivesUpIsAWarningWithTheModelsFigures() throws Exception {
        var options = new ConfigOptions(null, null, null, List.of(new ConfigOptions.ExtraDropin("agent.service",
                "10-no-restart.conf", file("10.conf", "[Service]\nRestart=on-success\n"))), null, false);
        var a = AssetGenerator.generate(request(options));
        assertEquals(List.of("Restart=on-success (from agent.service.d/10-no-restart.conf): the host gives up after one"
                + " failed start: " + a.load().firstHourAttempts() + " attempt(s) in the first hour of an outage, then none"
                + " until the next boot; Restart=always (or on-failure) keeps the host trying"), a.warnings());
        assertEquals(0, a.load().attemptsPerHour(), "no attempts after the first start's window");
        assertTrue(a.load().firstHourAttempts() > 0);
    }

    @Test
    void onAbnormalDoesNotRestartTheScriptGivingUp() throws Exception {
        var options = new ConfigOptions(null, null, null, List.of(new ConfigOptions.ExtraDropin("agent.service",
                "10-abnormal.conf", file("10.conf", "[Service]\nRestart=on-abnormal\n"))), null, false);
        var request = new GenerateRequest(base, IMAGE, null, false, PomElement.of("backoff", Map.of("maxAttempts", "3")),
                "agent.service", GenerateRequest.DEFAULT_SCRIPT_PATH, null, null, "600", "3.1.0",
                base.resolve("out"), "config.ign", GenerateRequest.DEFAULT_STATE_DIRECTORY, null, options);
        var a = AssetGenerator.generate(request);
        assertEquals(1, a.warnings().size(), a.warnings()::toString);
        assertTrue(a.warnings().get(0).startsWith("Restart=on-abnormal (from agent.service.d/10-abnormal.conf) does not restart"
                + " a start that exits non-zero: the host gives up when the script does, after maxAttempts (3) failed pulls"),
                a.warnings().get(0));
    }
}
