package io.github.ignitionassets.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.ignitionassets.core.InvalidInputException;
import io.github.ignitionassets.core.Problem;
import io.github.ignitionassets.generate.ConfigOptions.ExtraDropin;
import io.github.ignitionassets.generate.ConfigOptions.ExtraFile;
import io.github.ignitionassets.generate.ConfigOptions.ExtraUnit;
import io.github.ignitionassets.it.DataUrlBytes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The config beyond our two assets: a base config kept as written, extra entries, limits and form. */
class ConfigAssemblyTest {

    private static final String IMAGE = "quay.io/org/agent:v1";
    private static final String BASE = """
            {
              "ignition": {"version": "3.0.0", "proxy": {"httpsProxy": "http://proxy.example.com:3128"}},
              "passwd": {"users": [{"name": "core", "sshAuthorizedKeys": ["ssh-ed25519 AAAA"]}]},
              "storage": {
                "files": [
                  {"path": "/etc/registries.conf.d/mirror.conf", "contents": {"source": "data:,x"}, "mode": 420},
                  {"path": "/usr/local/bin/agent-pull-image", "contents": {"source": "data:,old"}, "mode": 493}
                ],
                "directories": [{"path": "/var/lib/agent", "mode": 448}],
                "links": [{"path": "/etc/localtime", "target": "/usr/share/zoneinfo/UTC"}]
              },
              "systemd": {"units": [
                {"name": "agent.service", "enabled": true, "contents": "[Service]\\nExecStart=/old\\n"},
                {"name": "chronyd.service", "enabled": true}
              ]}
            }
            """;

    @TempDir
    Path base;

    private GenerateRequest request(String version, ConfigOptions options) {
        var d = GenerateRequest.defaults(base, IMAGE);
        return new GenerateRequest(base, IMAGE, null, false, null, d.unitName(), d.scriptPath(), null,
                null, d.timeoutStartSec(), version, d.outputDirectory(), d.configName(), d.stateDirectory(), null, options);
    }

    private static ConfigOptions options(Path baseConfig, List<ExtraFile> files, List<ExtraUnit> units,
                                         List<ExtraDropin> dropins) {
        return new ConfigOptions(baseConfig, files, units, dropins, null, false);
    }

    @Test
    void keepsEverythingInTheBaseButTheEntriesWeOwn() throws Exception {
        Path baseConfig = Files.writeString(base.resolve("base.ign"), BASE);
        GeneratedAssets a = AssetGenerator.generate(request("3.2.0", options(baseConfig, null, null, null)));
        JsonNode config = new ObjectMapper().readTree(a.config());
        JsonNode original = new ObjectMapper().readTree(BASE);
        assertEquals("3.2.0", config.at("/ignition/version").asText());
        assertEquals(original.at("/ignition/proxy"), config.at("/ignition/proxy"));
        assertEquals(original.get("passwd"), config.get("passwd"));
        assertEquals(original.at("/storage/directories"), config.at("/storage/directories"));
        assertEquals(original.at("/storage/links"), config.at("/storage/links"));
        assertEquals(original.at("/storage/files/0"), config.at("/storage/files/0"));
        assertEquals(2, config.at("/storage/files").size(), "our file replaced the base's, one entry");
        assertArrayEquals(a.script().bytes(), DataUrlBytes.decode(config.at("/storage/files/1/contents/source").asText(),
                config.at("/storage/files/1/contents/compression").asText(null)));
        assertEquals(2, config.at("/systemd/units").size());
        assertEquals(a.unit().text(), config.at("/systemd/units/0/contents").asText());
        assertEquals(original.at("/systemd/units/1"), config.at("/systemd/units/1"));
        assertEquals(List.of("storage.files: /usr/local/bin/agent-pull-image", "systemd.units: agent.service"), a.replaced());
    }

    @Test
    void keepsTheBaseAsWrittenNumbersAndKeyOrderIncluded() throws Exception {
        Path baseConfig = Files.writeString(base.resolve("base.ign"), "{\"x-note\": {\"n\": 1e3, \"d\": 1.50, \"z\": -0,"
                + " \"s\": \"\\ud800\"}, \"passwd\": {\"users\": [{\"uid\": -0, \"name\": \"core\"}]},"
                + " \"ignition\": {\"version\": \"3.0.0\"}}");
        String config = new String(AssetGenerator.generate(request("3.1.0", options(baseConfig, null, null, null))).config(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(config.startsWith("{\"x-note\":{\"n\":1e3,\"d\":1.50,\"z\":-0,\"s\":\"\uFFFD\"},"
                + "\"passwd\":{\"users\":[{\"uid\":-0,\"name\":\"core\"}]},\"ignition\":{\"version\":\"3.1.0\"},"), config);
    }

    @Test
    void refusesABaseNewerThanTheOutput() throws Exception {
        Path baseConfig = Files.writeString(base.resolve("base.ign"), BASE.replace("3.0.0", "3.3.0"));
        List<Problem> problems = problems(request("3.1.0", options(baseConfig, null, null, null)));
        assertEquals("baseConfig", problems.get(0).field());
        assertTrue(problems.get(0).message().contains("version 3.3.0, newer than ignitionVersion 3.1.0"), problems.toString());
    }

    @Test
    void reportsBadBaseJsonWithItsLine() throws Exception {
        Path baseConfig = Files.writeString(base.resolve("base.ign"), "{\n  \"ignition\": {\"version\": \"3.0.0\"},\n  ]\n}");
        Problem p = problems(request("3.1.0", options(baseConfig, null, null, null))).get(0);
        assertEquals("baseConfig", p.field());
        assertEquals("base.ign line 3", p.source());
        assertTrue(p.message().startsWith("is not valid JSON: Unexpected character (']'") && p.message().endsWith(" (column 3)"),
                p.message());
    }

    @Test
    void addsExtraFilesUnitsAndDropins() throws Exception {
        Path conf = Files.writeString(base.resolve("mirror.conf"), "[[registry]]\n");
        Path timer = Files.writeString(base.resolve("cleanup.timer"), "[Timer]\nOnCalendar=daily\n[Install]\nWantedBy=timers.target\n");
        Path proxy = Files.writeString(base.resolve("10-proxy.conf"), "[Service]\nEnvironment=HTTPS_PROXY=http://p:3128\n");
        var options = options(null, List.of(new ExtraFile("/etc/containers/registries.conf.d/mirror.conf", "0644", conf)),
                List.of(new ExtraUnit("cleanup.timer", timer, true)),
                List.of(new ExtraDropin("crio.service", "10-proxy.conf", proxy), new ExtraDropin("agent.service", "20-env.conf", proxy)));
        JsonNode config = new ObjectMapper().readTree(AssetGenerator.generate(request("3.1.0", options)).config());
        assertEquals("/etc/containers/registries.conf.d/mirror.conf", config.at("/storage/files/0/path").asText());
        assertEquals(420, config.at("/storage/files/0/mode").asInt());
        assertEquals("cleanup.timer", config.at("/systemd/units/0/name").asText());
        assertEquals("agent.service", config.at("/systemd/units/1/name").asText());
        assertEquals("20-env.conf", config.at("/systemd/units/1/dropins/0/name").asText());
        JsonNode crio = config.at("/systemd/units/2");
        assertEquals("crio.service", crio.get("name").asText());
        assertFalse(crio.has("contents"), "a unit created for a drop-in has no contents");
        assertEquals(new String(Files.readAllBytes(proxy), StandardCharsets.UTF_8), crio.at("/dropins/0/contents").asText());
    }

    @Test
    void reportsEveryBadExtraAtOnce() throws Exception {
        Path conf = Files.writeString(base.resolve("x.conf"), "x");
        var options = options(null,
                List.of(new ExtraFile("etc/x", "644", conf), new ExtraFile("/usr/local/bin/agent-pull-image", "0755", conf),
                        new ExtraFile("/etc/y", "0644", base.resolve("missing"))),
                List.of(new ExtraUnit("cleanup", conf, true), new ExtraUnit("agent.service", conf, true)),
                List.of(new ExtraDropin("crio.service", "10-proxy", conf)));
        List<String> fields = problems(request("3.1.0", options)).stream().map(Problem::field).toList();
        assertEquals(List.of("files[0].path", "files[0].mode", "files[1].path", "files[2].source", "units[0].name",
                "units[1].name", "dropins[0].name"), fields);
    }

    @Test
    void modeWithoutItsLeadingZeroNamesTheFix() throws Exception {
        Path conf = Files.writeString(base.resolve("x.conf"), "x");
        var options = options(null, List.of(new ExtraFile("/etc/x", "644", conf)), null, null);
        Problem p = problems(request("3.1.0", options)).get(0);
        assertTrue(p.message().contains("write 0644"), p.message());
    }

    @Test
    void failsWhenTheConfigIsOverTheLimit() {
        var options = new ConfigOptions(null, null, null, null, 1000L, false);
        Problem p = problems(request("3.1.0", options)).get(0);
        assertEquals("maxConfigBytes", p.field());
        assertTrue(p.message().matches("config\\.ign is \\d+ bytes, over the limit of 1000 bytes.*"), p.message());
    }

    @Test
    void prettyAndCompactHoldTheSameContent() throws Exception {
        byte[] compact = AssetGenerator.generate(request("3.1.0", ConfigOptions.NONE)).config();
        byte[] pretty = AssetGenerator.generate(request("3.1.0", new ConfigOptions(null, null, null, null, null, true))).config();
        ObjectMapper json = new ObjectMapper();
        assertEquals(json.readTree(compact), json.readTree(pretty));
        String text = new String(pretty, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("{\n  \"ignition\": {\n    \"version\": \"3.1.0\"\n  },\n"), text);
        assertFalse(text.contains("\r"));
    }

    @Test
    void noCompressionOnThreeZero() throws Exception {
        JsonNode config = new ObjectMapper().readTree(AssetGenerator.generate(request("3.0.0", ConfigOptions.NONE)).config());
        assertTrue(config.at("/storage/files/0/contents/compression").isMissingNode());
        JsonNode later = new ObjectMapper().readTree(AssetGenerator.generate(request("3.1.0", ConfigOptions.NONE)).config());
        assertEquals("gzip", later.at("/storage/files/0/contents/compression").asText());
    }

    @Test
    void outputThatIgnitionWouldRefuseFailsWithItsPath() throws Exception {
        Path baseConfig = Files.writeString(base.resolve("base.ign"),
                "{\"ignition\":{\"version\":\"3.1.0\"},\"storage\":{\"files\":[{\"path\":\"etc/relative\"}]}}");
        List<Problem> problems = problems(request("3.1.0", options(baseConfig, null, null, null)));
        assertEquals("config.ign storage.files[0].path", problems.get(0).field(), problems.toString());
    }

    @Test
    void ignitionWarningsAreReported() throws Exception {
        Path timer = Files.writeString(base.resolve("x.timer"), "[Timer]\nOnCalendar=daily\n");
        var options = options(null, null, List.of(new ExtraUnit("x.timer", timer, true)), null);
        GeneratedAssets a = AssetGenerator.generate(request("3.1.0", options));
        assertEquals(1, a.warnings().size(), a.warnings().toString());
        assertTrue(a.warnings().get(0).startsWith("Ignition config config.ign: systemd.units[0]"), a.warnings().toString());
    }

    @Test
    void aMutableImageUnderPullPolicyMissingIsAWarning() throws Exception {
        var latest = request("3.1.0", ConfigOptions.NONE);
        for (String image : List.of("quay.io/org/agent:latest", "quay.io/org/agent")) {
            var r = new GenerateRequest(base, image, null, false, null, latest.unitName(), latest.scriptPath(), null, null,
                    latest.timeoutStartSec(), "3.1.0", latest.outputDirectory(), latest.configName());
            assertEquals(List.of("image " + image + ": " + AssetGenerator.MUTABLE_WITH_MISSING),
                    AssetGenerator.generate(r).warnings());
            assertEquals(List.of(), AssetGenerator.generate(r.withPull("newer", null)).warnings(), "newer updates it");
            assertEquals(List.of(), AssetGenerator.generate(r.withPull("always", null)).warnings());
        }
        assertEquals(List.of(), AssetGenerator.generate(latest).warnings(), "a pinned tag is not mutable here");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
            "/root/.docker/config.json,, true, /root/.docker/config.json",
            "/run/containers/0/auth.json,, true, /run/containers/0/auth.json",
            "/root/.config/containers/auth.json,, true, /root/.config/containers/auth.json",
            "/root/.dockercfg,, true, /root/.dockercfg",
            "/etc/agent/auth.json, /etc/agent/auth.json, true, /etc/agent/auth.json",
            "/etc/agent/auth.json,, true, ''",
            "/root/.docker/config.json,, false, ''",
            "/etc/containers/auth.json,, true, ''"})
    void embeddedCredentialsInAnAttachedConfigAreAWarning(String path, String authFile, boolean attach, String warned)
            throws Exception {
        Path secret = Files.writeString(base.resolve("auth.json"), "{\"auths\":{}}");
        var r = request("3.1.0", options(null, List.of(new ExtraFile(path, "0600", secret)), null, null))
                .withPull(null, authFile).withAttach(attach);
        List<String> warnings = AssetGenerator.generate(r).warnings();
        assertEquals(warned.isEmpty() ? List.of()
                : List.of("Ignition config config.ign embeds " + warned + ", " + AssetGenerator.CREDENTIALS_PUBLISHED), warnings);
    }

    @Test
    void aCredentialFileInTheBaseConfigCountsOnlyWhenItsBytesRideInside() throws Exception {
        Path inline = Files.writeString(base.resolve("inline.ign"), "{\"ignition\":{\"version\":\"3.1.0\"},\"storage\":{\"files\":"
                + "[{\"path\":\"/root/.docker/config.json\",\"append\":[{\"source\":\"data:,%7B%7D\"}]}]}}");
        assertEquals(1, AssetGenerator.generate(request("3.1.0", options(inline, null, null, null))).warnings().size());
        Path remote = Files.writeString(base.resolve("remote.ign"), "{\"ignition\":{\"version\":\"3.1.0\"},\"storage\":{\"files\":"
                + "[{\"path\":\"/root/.docker/config.json\",\"contents\":{\"source\":\"https://secrets.example.com/pull\"}}]}}");
        assertEquals(List.of(), AssetGenerator.generate(request("3.1.0", options(remote, null, null, null))).warnings(),
                "fetched on the host: not in the published config");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "etc/auth.json|'etc/auth.json' is not absolute; write e.g. /etc/agent/auth.json",
            "/etc/../auth.json|'/etc/../auth.json' is not normalised; write /auth.json",
            "/etc/agent/|'/etc/agent/' names a directory; write the auth file's path, e.g. /etc/agent/auth.json",
            "''|is empty; write an absolute path such as /etc/agent/auth.json"})
    void aBadAuthFileIsAProblemOfThePom(String authFile, String message) {
        List<Problem> problems = problems(request("3.1.0", ConfigOptions.NONE).withPull(null, authFile));
        assertEquals(List.of(Problem.inPom("authFile", message)), problems);
    }

    private static List<Problem> problems(GenerateRequest request) {
        return assertThrows(InvalidInputException.class, () -> AssetGenerator.generate(request)).problems();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"a\\b.mount", "@x.service", "a\\x2.mount"})
    void extraUnitNamesFollowSystemdsRule(String name) {
        assertEquals(java.util.Optional.of("'" + name + "' is not a systemd unit name; it ends in .service, .socket, .timer,"
                + " .mount, .path, .target, .slice, .swap, .automount, .device or .scope"), ConfigParts.checkUnitName(name));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"var-lib\\x2dcontainers.mount", "getty@tty1.service", "getty@.service"})
    void extraUnitsMayBeEscapedTemplatesOrInstances(String name) {
        assertEquals(java.util.Optional.empty(), ConfigParts.checkUnitName(name));
    }
}
