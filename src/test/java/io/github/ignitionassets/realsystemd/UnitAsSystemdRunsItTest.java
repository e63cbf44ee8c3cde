package io.github.ignitionassets.realsystemd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.ignitionassets.generate.AssetGenerator;
import io.github.ignitionassets.generate.ConfigOptions;
import io.github.ignitionassets.generate.GenerateRequest;
import io.github.ignitionassets.generate.GeneratedAssets;
import io.github.ignitionassets.generate.ProxyOptions;
import io.github.ignitionassets.it.DataUrlBytes;
import io.github.ignitionassets.systemd.TimeSpan;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What systemd 252 makes of the pull unit once Ignition has written it: the unit, its drop-ins from the config
 * (the unit's {@code dropins}, a file in its drop-in directory, a file in {@code service.d/}, the proxy's drop-in),
 * merged by systemd itself and read back with {@code systemctl show}. The load report's figures and the file it
 * names for each must be what systemd runs, and the proxy variables the environment systemd gives the pull.
 */
@Tag("real-systemd")
class UnitAsSystemdRunsItTest {

    private static final String IMAGE = "localhost:5000/test/tiny:1";

    private static SystemdContainer container;
    private static GeneratedAssets assets;

    @BeforeAll
    static void installAsIgnitionWould(@TempDir Path tmp) throws Exception {
        Path unitFile = Files.writeString(tmp.resolve("agent.service"), """
                [Unit]
                Description=the agent, as a site writes it
                [Service]
                Restart=always
                RestartSec=3
                TimeoutStartSec=600
                ExecStart=/usr/bin/sleep infinity
                [Install]
                WantedBy=multi-user.target
                """);
        var options = new ConfigOptions(null,
                List.of(new ConfigOptions.ExtraFile("/etc/systemd/system/agent.service.d/20-restart.conf", "0644",
                                Files.writeString(tmp.resolve("20.conf"), "[Service]\nRestartSec=9\n")),
                        new ConfigOptions.ExtraFile("/etc/systemd/system/service.d/05-all.conf", "0644",
                                Files.writeString(tmp.resolve("05.conf"), "[Service]\nRestartSec=1\nTimeoutStartSec=45\n"))),
                null,
                List.of(new ConfigOptions.ExtraDropin("agent.service", "30-timeout.conf",
                                Files.writeString(tmp.resolve("30.conf"), "[Service]\nTimeoutStartSec=2min 30s\n")),
                        new ConfigOptions.ExtraDropin("agent.service", "10-restart.conf",
                                Files.writeString(tmp.resolve("10.conf"), "[Service]\nRestart=on-failure\nRestartSec=5\n"))),
                null, false);
        var d = GenerateRequest.defaults(tmp, IMAGE);
        assets = AssetGenerator.generate(new GenerateRequest(tmp, IMAGE, null, false, null, d.unitName(), d.scriptPath(),
                unitFile, null, d.timeoutStartSec(), d.ignitionVersion(), tmp.resolve("out"), d.configName())
                .withConfig(options)
                .withProxy(new ProxyOptions("http://user:p%40ss@proxy.example:3128", "https://proxy.example:3129",
                        List.of("localhost", ".cluster.local"), true)));

        container = SystemdContainer.boot(tmp);
        JsonNode config = new ObjectMapper().readTree(assets.config());
        for (JsonNode file : config.at("/storage/files")) {
            String mode = Integer.toOctalString(file.path("mode").asInt(0644));
            container.install(Path.of(file.get("path").asText()), DataUrlBytes.decode(file.at("/contents/source").asText(),
                    file.at("/contents/compression").asText(null)), "0" + mode);
        }
        for (JsonNode unit : config.at("/systemd/units")) {
            String name = unit.get("name").asText();
            container.install(Path.of("/etc/systemd/system", name), unit.get("contents").asText().getBytes(StandardCharsets.UTF_8), "0644");
            for (JsonNode dropin : unit.path("dropins")) {
                container.install(Path.of("/etc/systemd/system", name + ".d", dropin.get("name").asText()),
                        dropin.get("contents").asText().getBytes(StandardCharsets.UTF_8), "0644");
            }
        }
        container.daemonReload();
    }

    @AfterAll
    static void stop() {
        if (container != null) {
            container.close();
        }
    }

    @Test
    void theReportsTimingIsTheOneSystemdRuns() throws Exception {
        long timeoutMs = TimeSpan.parseMillis(container.show("agent.service", "TimeoutStartUSec")).orElseThrow();
        long restartMs = TimeSpan.parseMillis(container.show("agent.service", "RestartUSec")).orElseThrow();
        System.out.printf("[real-systemd] agent.service as systemd runs it: TimeoutStartUSec=%s RestartUSec=%s Restart=%s;"
                        + " the load report: %.0f s, %.0f s, from %s%n", container.show("agent.service", "TimeoutStartUSec"),
                container.show("agent.service", "RestartUSec"), container.show("agent.service", "Restart"),
                assets.load().timeoutStartSeconds(), assets.load().restartSeconds(), assets.load().unitFrom());
        assertEquals(timeoutMs / 1000.0, assets.load().timeoutStartSeconds());
        assertEquals(restartMs / 1000.0, assets.load().restartSeconds());
        assertEquals("on-failure", container.show("agent.service", "Restart"));
        assertEquals("agent.service.d/30-timeout.conf", assets.load().unitFrom().timeoutStart());
        assertEquals("/etc/systemd/system/agent.service.d/20-restart.conf", assets.load().unitFrom().restartSec());
        assertEquals("agent.service.d/10-restart.conf", assets.load().unitFrom().restart());
    }

    @Test
    void theProxyIsTheEnvironmentSystemdGivesThePull() throws Exception {
        assertEquals("HTTP_PROXY=http://user:p%40ss@proxy.example:3128 http_proxy=http://user:p%40ss@proxy.example:3128"
                + " HTTPS_PROXY=https://proxy.example:3129 https_proxy=https://proxy.example:3129"
                + " NO_PROXY=localhost,.cluster.local no_proxy=localhost,.cluster.local",
                container.show("agent.service", "Environment"));
    }
}
