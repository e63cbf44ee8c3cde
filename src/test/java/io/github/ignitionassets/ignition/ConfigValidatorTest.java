package io.github.ignitionassets.ignition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigValidatorTest {

    static Stream<CorpusCase> corpus() {
        return CorpusCase.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void corpusConfigsGetTheFindingsExpectedTsvLists(CorpusCase c) {
        assertEquals(c.expected(), CorpusCase.actual(ConfigValidator.validate(c.bytes())));
    }

    @Test
    void theCorpusIsBigAndCoversEveryVersionAndVerdict() {
        List<CorpusCase> cases = CorpusCase.all().toList();
        assertTrue(cases.size() >= 40, "corpus cases: " + cases.size());
        for (String v : List.of("3.0.0", "3.1.0", "3.2.0", "3.3.0")) {
            assertTrue(cases.stream().anyMatch(c -> new String(c.bytes(), StandardCharsets.UTF_8).contains("\"" + v + "\"")), v);
        }
        assertTrue(cases.stream().anyMatch(c -> c.expected().isEmpty()));
        assertTrue(cases.stream().anyMatch(c -> !c.expected().isEmpty() && c.expected().stream().allMatch(r -> r.startsWith("warning"))));
    }

    @ParameterizedTest(name = "[{index}] {1} {2} {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # config | severity (none: clean) | path | kind
            {"ignition":{"version":"3.4.0"}}                                                                  | none    |                           |
            {"ignition":{"version":"3.5.0"}}                                                                  | none    |                           |
            {"ignition":{"version":"3.4.0-experimental"}}                                                     | error   | ignition.version          | VERSION
            {"ignition":{"version":"3.6.0"}}                                                                  | error   | ignition.version          | VERSION
            {"ignition":{"version":"3.3"}}                                                                    | error   | ignition.version          | VERSION
            {"ignition":{"version":null}}                                                                     | error   | ignition.version          | VERSION
            {"ignition":[]}                                                                                   | error   | ignition                  | TYPE
            null                                                                                              | error   | ignition.version          | VERSION
            `   `                                                                                             | error   |                           | JSON_SYNTAX
            {"ignition":{"version":"3.4.0"},"storage":{"files":[{"path":"/a","mode":2541}]}}                  | none    |                           |
            {"ignition":{"version":"3.4.0"},"storage":{"files":[{"path":"/a","contents":{"source":"arn:aws:s3:::b/k"}}]}} | none |             |
            {"ignition":{"version":"3.4.0"},"storage":{"files":[{"path":"/a","contents":{"source":"arn:aws:s3:::b"}}]}} | error | storage.files[0].contents.source | URL_INVALID
            {"ignition":{"version":"3.4.0"},"storage":{"luks":[{"name":"x","device":"/dev/a","discard":true,"openOptions":[]}]}} | none | |
            {"ignition":{"version":"3.3.0"},"storage":{"files":[{"path":"/a","contents":{"source":"http://[fe80::1%25en0]/"}}]}} | none | |
            {"ignition":{"version":"3.3.0"},"storage":{"files":[{"path":"/a","contents":{"source":"http://[fe80::1%25%65%6e%301-._~]:8080/"}}]}} | none | |
            {"ignition":{"version":"3.3.0"},"storage":{"files":[{"path":"/a","contents":{"source":"http://[::1%25a%20b]/"}}]}} | none | |
            {"ignition":{"version":"3.3.0"},"storage":{"files":[{"path":"/a","contents":{"source":"http://[fe80::%31]/"}}]}} | error | storage.files[0].contents.source | URL_INVALID
            {"ignition":{"version":"3.3.0"},"storage":{"files":[{"path":"/a","contents":{"source":"http://[fe80::1%25%2F]/"}}]}} | error | storage.files[0].contents.source | URL_INVALID
            {"ignition":{"version":"3.3.0"},"storage":{"files":[{"path":"/a","contents":{"source":"http://[::1%25%E4]/"}}]}} | error | storage.files[0].contents.source | URL_INVALID
            {"ignition":{"version":"3.4.0"},"storage":{"luks":[{"name":"x","device":"/dev/a","cex":{"enabled":true}}]}} | warning | storage.luks[0].cex | UNKNOWN_KEY
            {"ignition":{"version":"3.5.0"},"storage":{"luks":[{"name":"x","device":"/dev/a","cex":{"enabled":true}}]}} | none | |
            {"ignition":{"version":"3.2.0"},"storage":{"luks":[{"name":"x","device":"/dev/a","discard":true}]}} | warning | storage.luks[0].discard   | UNKNOWN_KEY
            {"ignition":{"version":"3.3.0"},"storage":{"files":[{"path":"/"}]}}                               | none    |                           |
            {"ignition":{"version":"3.3.0"},"storage":{"files":[{"path":"/a/.."}]}}                           | error   | storage.files[0].path     | PATH_NOT_SIMPLIFIED
            {"ignition":{"version":"3.3.0"},"storage":{"files":[{"path":"/a/b","mode":420}],"directories":[{"path":"/a/b"}]}} | error | storage.files[0] | DUPLICATE_PATH
            {"ignition":{"version":"3.3.0"},"systemd":{"units":[{"name":"a.service","dropins":[{"name":"x"}]}]}} | error | systemd.units[0].dropins[0].name | DROPIN_EXTENSION
            {"ignition":{"version":"3.3.0"},"systemd":{"units":[{"name":"x/a.mount"}]}}                       | none    |                           |
            {"ignition":{"version":"3.3.0"},"systemd":{"units":[{"name":"a.service","enabled":true,"contents":"[Install]\\nWantedBy=x\\n"}]}} | none | |
            {"ignition":{"version":"3.3.0"},"systemd":{"units":[{"name":"a.service","enabled":true,"contents":" "}]}} | warning | systemd.units[0].contents | ENABLED_WITHOUT_INSTALL
            {"ignition":{"version":"3.3.0"},"systemd":{"units":[{"name":"a.service","enabled":true,"contents":"[Service]\\nX\\n"}]}} | error | systemd.units[0].contents | UNIT_CONTENTS
            {"ignition":{"version":"3.3.0"},"storage":{"files":[{"path":"/a","contents":{"source":"data:,a","compression":""}}]}} | none | |
            {"ignition":{"version":"3.3.0"},"storage":{"files":[{"path":"/a","mode":9223372036854775808}]}}   | error   | storage.files[0].mode     | TYPE
            {"ignition":{"version":"3.3.0"},"storage":{"files":[{"path":"/a","user":{"id":1,"name":""}}]}}    | none    |                           |
            """)
    void directCases(String json, String severity, String path, String kind) {
        ValidationReport report = ConfigValidator.validate(json.getBytes(StandardCharsets.UTF_8));
        List<String> expected = severity.equals("none") ? List.of()
                : List.of(CorpusCase.row(severity, path == null ? "" : path, kind));
        assertEquals(expected, CorpusCase.actual(report), json);
    }

    @Test
    void aConfigBuiltByIgnitionConfigIsClean() {
        for (IgnitionVersion v : IgnitionVersion.values()) {
            byte[] config = new IgnitionConfig(v)
                    .putFile("/usr/local/bin/agent-pull-image", "#!/bin/sh\necho \"a%b\"\n".getBytes(StandardCharsets.UTF_8), 0755)
                    .putUnit("agent.service", "[Service]\nExecStart=/bin/true\n\n[Install]\nWantedBy=multi-user.target\n", true)
                    .toBytes();
            var report = ConfigValidator.validate(config);
            assertTrue(report.errors().isEmpty() && report.warnings().isEmpty(), v.text());
        }
    }

    @Test
    void theParsedConfigOverloadGivesTheSameFindings() throws Exception {
        for (CorpusCase c : CorpusCase.all().toList()) {
            if (c.expected().stream().anyMatch(r -> r.endsWith("JSON_SYNTAX") || r.endsWith("EMPTY_CONFIG"))) {
                continue;
            }
            assertEquals(c.expected(), CorpusCase.actual(ConfigValidator.validate(ConfigJson.read(new String(c.bytes(), StandardCharsets.UTF_8)))),
                    c.toString());
        }
    }

    @Test
    void neverThrowsWhateverTheBytes() {
        Random random = new Random(5);
        List<byte[]> seeds = CorpusCase.all().map(CorpusCase::bytes).toList();
        for (int n = 0; n < 3000; n++) {
            byte[] seed = seeds.get(random.nextInt(seeds.size()));
            byte[] bytes = n % 3 == 0 ? new byte[random.nextInt(64)] : seed.clone();
            if (n % 3 == 0) {
                random.nextBytes(bytes);
            } else if (bytes.length > 0) {
                for (int k = random.nextInt(4); k >= 0; k--) {
                    String noise = " {}[]\":,0a/\\.-%#=\n";
                    bytes[random.nextInt(bytes.length)] = (byte) noise.charAt(random.nextInt(noise.length()));
                }
            }
            // The validator catches nothing: an exception here fails the test.
            assertNotNull(ConfigValidator.validate(bytes));
        }
        assertEquals(FindingKind.EMPTY_CONFIG, ConfigValidator.validate((byte[]) null).errors().get(0).kind());
    }

    @Test
    void nestingTooDeepIsASyntaxFindingNotAStackOverflow() {
        for (String deep : List.of("[".repeat(100_000), "{\"a\":".repeat(1001) + "1" + "}".repeat(1001))) {
            List<Finding> errors = ConfigValidator.validate(deep.getBytes(StandardCharsets.UTF_8)).errors();
            assertEquals(1, errors.size(), errors::toString);
            assertEquals(FindingKind.JSON_SYNTAX, errors.get(0).kind());
            assertTrue(errors.get(0).message().startsWith("JSON syntax error: "), errors.get(0).message());
        }
        String limit = "[".repeat(ConfigJson.MAX_DEPTH) + "]".repeat(ConfigJson.MAX_DEPTH);
        assertEquals(List.of(new Finding("", FindingKind.TYPE, ValidationMessages.NOT_OBJECT, 1, 2)),
                ConfigValidator.validate(limit.getBytes(StandardCharsets.UTF_8)).errors());
    }

    /** A config whose reading fails as a bug of ours would: the validator does not turn it into a finding. */
    @SuppressWarnings("unchecked") // ObjectNode's deepCopy() narrows JsonNode's generic one; not called here
    private static final class BrokenConfig extends ObjectNode {
        private static final long serialVersionUID = 1L;

        BrokenConfig() {
            super(JsonNodeFactory.instance);
        }

        @Override
        public Set<Map.Entry<String, JsonNode>> properties() {
            throw new IllegalStateException("a bug of ours");
        }
    }

    @Test
    void aBugOfOursPropagatesRatherThanBecomingAFinding() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ConfigValidator.validate(new BrokenConfig()));
        assertEquals("a bug of ours", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
        "3.6.0 => unsupported config version 3.6.0 (supported: 3.0.0, 3.1.0, 3.2.0, 3.3.0, 3.4.0, 3.5.0)",
        "3.4.0-experimental => unsupported config version 3.4.0-experimental (supported: 3.0.0, 3.1.0, 3.2.0, 3.3.0, 3.4.0, 3.5.0)",
        "2.0.0+x.1 => unsupported config version 2.0.0+x.1 (supported: 3.0.0, 3.1.0, 3.2.0, 3.3.0, 3.4.0, 3.5.0)",
        "3.3 => invalid config version (couldn't parse)",
        "03.3.0 => invalid config version (couldn't parse)",
        "3.3.0- => invalid config version (couldn't parse)",
    })
    void aVersionIsUnsupportedOnlyWhenItIsValidSemver(String version, String message) {
        var report = ConfigValidator.validate(("{\"ignition\":{\"version\":\"" + version + "\"}}").getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(new Finding("ignition.version", FindingKind.VERSION, message, 1, 24)), report.errors());
    }

    @Test
    void syntaxErrorsNameTheLineAndColumn() {
        Finding f = ConfigValidator.validate("{\n\"ignition\": {\"version\": \"3.3.0\"},\n\"storage\": {]\n}".getBytes(StandardCharsets.UTF_8))
                .errors().get(0);
        assertEquals(FindingKind.JSON_SYNTAX, f.kind());
        assertEquals(List.of(3, 13), List.of(f.line(), f.column()));
        assertTrue(f.message().startsWith("JSON syntax error: Unexpected close marker ']'"), f.message());
    }

    @Test
    void findingsComeInDocumentOrderWithIgnitionsLinesAndColumns() {
        // Checked storage first, then systemd, the findings would come out of order; ignition-validate 2.14 names
        // the same places (in its own order: files[2], units[0], files[1], then the warning).
        String config = """
                {"ignition": {"version": "3.1.0"},
                 "systemd": {"units": [{"name": "a.servic"}]},
                 "storage": {"files": [{"path": "/b", "mode": 420},
                   {"path": "/b"}, {"path": "r\u00e9l"}], "Links": []}}
                """;
        var report = ConfigValidator.validate(config.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("systemd.units[0].name 2:33", "storage.files[1] 4:5", "storage.files[2].path 4:29"),
                report.errors().stream().map(f -> f.path() + " " + f.line() + ":" + f.column()).toList());
        // An unknown key is placed at the key, as Ignition places it.
        assertEquals(List.of("storage.Links 4:39"),
                report.warnings().stream().map(f -> f.path() + " " + f.line() + ":" + f.column()).toList());
    }

    @Test
    void columnsCountUtf8BytesAsIgnitionDoes() throws Exception {
        var config = ConfigJson.readLocated("{\"a\": \"\u00e9\u20ac\ud83d\ude80\", \"b\": [1, {\"c\": 2}]}");
        // é, € and 🚀 are 2, 3 and 4 bytes; a list or an object is placed just inside its bracket.
        assertEquals(new ConfigJson.Position(1, 26), config.position("b"));
        assertEquals(new ConfigJson.Position(1, 30), config.position("b[1]"));
        assertEquals(new ConfigJson.Position(1, 35), config.position("b[1].c"));
        assertEquals(new ConfigJson.Position(1, 30), config.position("b[1].missing"), "a missing field: the nearest value");
        assertEquals(new ConfigJson.Position(1, 30), config.keyPosition("b[1].c"));
    }

    @Test
    void isFastForANormalConfig() {
        byte[] config = CorpusCase.all().filter(c -> c.toString().equals("good-3.3.0-units-dropins.ign")).findFirst()
                .orElseThrow().bytes();
        for (int i = 0; i < 200; i++) {
            ConfigValidator.validate(config);
        }
        long start = System.nanoTime();
        int runs = 200;
        for (int i = 0; i < runs; i++) {
            ConfigValidator.validate(config);
        }
        double ms = (System.nanoTime() - start) / 1e6 / runs;
        assertTrue(ms < 10, "ms per config: " + ms);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            /a//b     | /a/b
            /a/./b    | /a/b
            /a/../b   | /b
            /a/       | /a
            /..       | /
            /         | /
            """)
    void cleanPathIsGosPathClean(String in, String out) {
        assertEquals(out, ConfigValidator.cleanPath(in));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            a.service     | .service
            x/a.b/c       | ''
            a             | ''
            .conf         | .conf
            """)
    void extensionIsGosPathExt(String in, String out) {
        assertEquals(out, ConfigValidator.extension(in));
    }
}
