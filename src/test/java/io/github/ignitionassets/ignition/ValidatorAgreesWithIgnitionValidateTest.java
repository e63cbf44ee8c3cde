package io.github.ignitionassets.ignition;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every corpus config through the real {@code ignition-validate} (Debian package {@code ignition}, 2.14): same
 * verdict (ok, warnings only, errors) as ours, and every path it names is one we name with the same severity, line
 * and column.
 */
@Tag("real-tools")
class ValidatorAgreesWithIgnitionValidateTest {

    @BeforeAll
    static void toolIsThere() {
        IgnitionValidateRun.toolIsThere();
    }

    static Stream<CorpusCase> corpus() {
        return CorpusCase.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void sameVerdictAndPaths(CorpusCase c) throws IOException, InterruptedException {
        assertAgree(c.file(), c.bytes());
    }

    /**
     * Seeded random configs built from the pieces that trip parsers (unit file syntax around go-systemd's 2048-byte
     * buffer check, URL and data URL syntax, unclean paths), beyond the hand-written corpus.
     */
    @Test
    void sameVerdictAndPathsOnRandomConfigs(@TempDir Path dir) throws IOException, InterruptedException {
        String[] unitBits = {"[Unit]", "[Install]", "[Service", "]", "A=b", "A", "=", "#c", ";c", "\\", "\\\r\n",
            " \\\n", " ", "\t", "\n", "\n", "\r\n", "x".repeat(700), "y".repeat(1500), "B=" + "z".repeat(2100),
            "[Service] g", "\u00e9", "W=" + "q".repeat(1000) + "\\\n"};
        String[] schemes = {"http://", "https://", "s3://", "gs://", "tftp://", "data:", "data:,", "data:;base64,",
            "data:text/plain,", "ftp://", "", "a:", ":"};
        String[] urlBits = {"a", "b.c", "/", "%41", "%zz", "%", "?", "#", "versionId=", ":80", "[::1]", "[", "@", " ",
            "\u00e9", "{", "YQ==", ";", ";base64", ",", "\t"};
        String[] paths = {"/", "/a", "a", "//a", "/a/", "/./a", "/a/..", "", "/a b"};
        String[] versions = {"3.0.0", "3.1.0", "3.2.0", "3.3.0"};
        Random random = new Random(20261125);
        for (int n = 0; n < 80; n++) {
            StringBuilder unit = new StringBuilder();
            for (int k = random.nextInt(25); k >= 0; k--) {
                unit.append(unitBits[random.nextInt(unitBits.length)]);
            }
            StringBuilder url = new StringBuilder(schemes[random.nextInt(schemes.length)]);
            for (int k = random.nextInt(6); k > 0; k--) {
                url.append(urlBits[random.nextInt(urlBits.length)]);
            }
            ObjectNode config = JsonNodeFactory.instance.objectNode();
            config.putObject("ignition").put("version", versions[random.nextInt(versions.length)]);
            ObjectNode file = config.putObject("storage").putArray("files").addObject();
            file.put("path", paths[random.nextInt(paths.length)]);
            file.putObject("contents").put("source", url.toString());
            config.putObject("systemd").putArray("units").addObject()
                    .put("name", "a.service").put("enabled", true).put("contents", unit.toString());
            byte[] json = config.toString().getBytes(StandardCharsets.UTF_8);
            Path path = dir.resolve("random-" + n + ".ign");
            Files.write(path, json);
            assertAgree(path, json);
        }
    }

    private static void assertAgree(Path file, byte[] bytes) throws IOException, InterruptedException {
        IgnitionValidateRun.of(file, bytes).assertAgree(file);
    }
}
