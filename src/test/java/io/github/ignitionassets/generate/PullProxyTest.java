package io.github.ignitionassets.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.ignitionassets.core.InvalidInputException;
import io.github.ignitionassets.core.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pull's proxy: from the POM or the base config, into the unit's environment, checked. */
class PullProxyTest {

    private static final String IMAGE = "quay.io/org/agent:v1";
    private static final String BASE_PROXY = """
            {"ignition": {"version": "3.1.0", "proxy": {"httpProxy": "http://base.example:3128",
              "httpsProxy": "https://base.example:3129", "noProxy": ["10.0.0.0/8", ".cluster.local"]}}}
            """;

    @TempDir
    Path base;

    private GenerateRequest request(ProxyOptions proxy) {
        return GenerateRequest.defaults(base, IMAGE).withProxy(proxy);
    }

    private GenerateRequest onBase(ProxyOptions proxy) throws Exception {
        Path config = Files.writeString(base.resolve("base.ign"), BASE_PROXY);
        return request(proxy).withConfig(new ConfigOptions(config, null, null, null, null, false));
    }

    private static List<String> environment(GeneratedAssets a) {
        return a.unit().text().lines().filter(l -> l.startsWith("Environment=")).toList();
    }

    @Test
    void thePomsProxyIsSetInUpperAndLowerCaseWithPercentDoubled() throws Exception {
        var a = AssetGenerator.generate(request(new ProxyOptions("http://user:p%40ss@proxy.example:3128",
                "https://proxy.example:3129", List.of("localhost", ".example.com", "[::1]"), true)));
        assertEquals(List.of(
                "Environment=HTTP_PROXY=http://user:p%%40ss@proxy.example:3128",
                "Environment=http_proxy=http://user:p%%40ss@proxy.example:3128",
                "Environment=HTTPS_PROXY=https://proxy.example:3129",
                "Environment=https_proxy=https://proxy.example:3129",
                "Environment=NO_PROXY=localhost,.example.com,[::1]",
                "Environment=no_proxy=localhost,.example.com,[::1]"), environment(a));
        assertTrue(a.unit().text().indexOf("Environment=") < a.unit().text().indexOf("ExecStartPre="),
                "set before the pull step runs");
        assertEquals(List.of(), a.warnings());
    }

    @Test
    void noProxyMeansNoEnvironmentAndTheSameUnitAsBefore() throws Exception {
        var plain = AssetGenerator.generate(GenerateRequest.defaults(base, IMAGE));
        assertEquals(plain.unit(), AssetGenerator.generate(request(ProxyOptions.NONE)).unit());
        assertEquals(List.of(), environment(plain));
    }

    @Test
    void theBaseConfigsProxyIsTakenFieldByFieldAndSaid() throws Exception {
        var a = AssetGenerator.generate(onBase(new ProxyOptions(null, "https://mine.example:443", null, true)));
        assertEquals(List.of(
                "Environment=HTTP_PROXY=http://base.example:3128",
                "Environment=http_proxy=http://base.example:3128",
                "Environment=HTTPS_PROXY=https://mine.example:443",
                "Environment=https_proxy=https://mine.example:443",
                "Environment=NO_PROXY=10.0.0.0/8,.cluster.local",
                "Environment=no_proxy=10.0.0.0/8,.cluster.local"), environment(a));
        assertEquals(List.of(
                "Proxy: httpProxy http://base.example:3128 from the base config's ignition.proxy (base.ign)",
                "Proxy: noProxy 10.0.0.0/8,.cluster.local from the base config's ignition.proxy (base.ign)"), a.notes());
    }

    @Test
    void inheritProxyFalseLeavesTheBaseConfigsProxyToIgnition() throws Exception {
        var a = AssetGenerator.generate(onBase(new ProxyOptions(null, null, null, false)));
        assertEquals(List.of(), environment(a));
        assertEquals(List.of("Proxy: the base config's ignition.proxy is not used for the pull (inheritProxy is false)"), a.notes());
        JsonNode config = new ObjectMapper().readTree(a.config());
        assertEquals("http://base.example:3128", config.at("/ignition/proxy/httpProxy").asText(), "Ignition's own is kept");
    }

    @Test
    void aUsersUnitIsKeptAsWrittenAndGetsTheProxyAsADropin() throws Exception {
        Path unitFile = Files.writeString(base.resolve("agent.service"), "[Service]\nRestart=always\nExecStart=/usr/bin/agent\n[Install]\nWantedBy=multi-user.target\n");
        var d = GenerateRequest.defaults(base, IMAGE);
        var request = new GenerateRequest(base, IMAGE, null, false, null, d.unitName(), d.scriptPath(), unitFile, null,
                d.timeoutStartSec(), d.ignitionVersion(), d.outputDirectory(), d.configName())
                .withProxy(new ProxyOptions(null, "http://proxy.example:3128", List.of(), true));
        var a = AssetGenerator.generate(request);
        assertFalse(a.unit().text().contains("Environment="), a.unit().text());
        JsonNode dropins = new ObjectMapper().readTree(a.config()).at("/systemd/units/0/dropins");
        assertEquals(1, dropins.size(), dropins::toString);
        assertEquals("50-pull-proxy.conf", dropins.get(0).get("name").asText());
        assertEquals("# The pull's proxy, added by ignition-assets-maven-plugin.\n[Service]\n"
                + "Environment=HTTPS_PROXY=http://proxy.example:3128\nEnvironment=https_proxy=http://proxy.example:3128\n",
                dropins.get(0).get("contents").asText());
        assertEquals(List.of("httpsProxy 'http://proxy.example:3128': insecure plaintext HTTP proxy specified for HTTPS resources"),
                a.warnings());
    }

    @Test
    void everyBadValueIsReportedAtOnce() {
        var e = assertThrows(InvalidInputException.class, () -> AssetGenerator.generate(request(new ProxyOptions(
                "socks5://proxy.example:1080", "http://", List.of("ok.example", "a b", "x,y", ""), true))));
        assertEquals(List.of(
                "httpProxy (POM): 'socks5://proxy.example:1080' must be an http or https URL with a host, e.g. http://proxy.example.com:3128",
                "httpsProxy (POM): 'http://' must be an http or https URL with a host, e.g. http://proxy.example.com:3128",
                "noProxy[1] (POM): 'a b' must be one host, domain (.example.com) or address, with no white space, comma, quote or backslash",
                "noProxy[2] (POM): 'x,y' must be one host, domain (.example.com) or address, with no white space, comma, quote or backslash",
                "noProxy[3] (POM): '' must be one host, domain (.example.com) or address, with no white space, comma, quote or backslash"),
                e.problems().stream().map(Problem::toString).toList());
    }

    @Test
    void aBaseConfigsBadProxyNamesTheBaseConfig() throws Exception {
        Path config = Files.writeString(base.resolve("base.ign"),
                "{\"ignition\": {\"version\": \"3.1.0\", \"proxy\": {\"noProxy\": [\"a b\"]}}}");
        var request = request(ProxyOptions.NONE).withConfig(new ConfigOptions(config, null, null, null, null, false));
        var e = assertThrows(InvalidInputException.class, () -> AssetGenerator.generate(request));
        assertEquals("ignition.proxy.noProxy[0] (base.ign): 'a b' must be one host, domain (.example.com) or address, with no"
                + " white space, comma, quote or backslash; or set noProxy in the POM, or inheritProxy to false",
                e.problems().get(0).toString());
    }
}
