package io.github.ignitionassets.ignition;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Collectors;
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

    /**
     * Seeded random disks, partitions, filesystems, RAID and LUKS: each field absent, null or one of the values that
     * sit on either side of one of Ignition's rules (StorageDevices), so that the rules meet in every combination.
     */
    @Test
    void sameVerdictAndPathsOnRandomStorageDevices(@TempDir Path dir) throws IOException, InterruptedException {
        String[] device = {"\"/dev/a\"", "\"/dev/b\"", "\"dev/a\"", "\"/dev//a\"", "\"\"", "\"/dev/a/\""};
        String[][] partition = {
            {"\"number\":0", "\"number\":1", "\"number\":2", "\"number\":-1"},
            {"\"label\":\"\"", "\"label\":\"a\"", "\"label\":\"a:b\"", "\"label\":\"" + "x".repeat(37) + "\"",
                "\"label\":\"" + "\u00e9".repeat(18) + "\"", "\"label\":null"},
            {"\"startMiB\":0", "\"startMiB\":1", "\"startMiB\":10", "\"startMiB\":null"},
            {"\"sizeMiB\":0", "\"sizeMiB\":5", "\"sizeMiB\":100"},
            {"\"shouldExist\":true", "\"shouldExist\":false"},
            {"\"guid\":\"\"", "\"guid\":\"0FC63DAF-8483-4772-8E79-3D69D8477DE4\"", "\"typeGuid\":\"xyz\""}};
        String[][] filesystem = {
            {"\"format\":\"\"", "\"format\":\"ext4\"", "\"format\":\"xfs\"", "\"format\":\"vfat\"",
                "\"format\":\"swap\"", "\"format\":\"btrfs\"", "\"format\":\"none\"", "\"format\":\"ext3\""},
            {"\"label\":\"\"", "\"label\":\"" + "x".repeat(12) + "\"", "\"label\":\"" + "x".repeat(13) + "\"",
                "\"label\":\"" + "x".repeat(16) + "\"", "\"label\":\"" + "x".repeat(17) + "\""},
            {"\"path\":\"/var\"", "\"path\":\"var\"", "\"path\":\"\""},
            {"\"uuid\":\"u\"", "\"wipeFilesystem\":true", "\"options\":[\"x\",\"x\"]", "\"mountOptions\":[\"ro\"]"}};
        String[][] raid = {
            {"\"name\":\"a\"", "\"name\":\"b\""},
            {"\"level\":\"\"", "\"level\":\"raid0\"", "\"level\":\"linear\"", "\"level\":\"raid1\"",
                "\"level\":\"10\"", "\"level\":\"raid7\"", "\"level\":null"},
            {"\"spares\":0", "\"spares\":1"},
            {"\"devices\":[]", "\"devices\":[\"/dev/a\"]", "\"devices\":[\"/dev/a\",\"/dev/a\"]", "\"devices\":[\"a\",\"\"]"}};
        String[][] tang = {
            {"\"url\":\"http://t\"", "\"url\":\"tftp://t\"", "\"url\":\"http://t%zz\"", "\"url\":\"\""},
            {"\"thumbprint\":\"tp\"", "\"thumbprint\":\"\""}};
        String[][] custom = {
            {"\"pin\":\"\"", "\"pin\":\"tpm2\"", "\"pin\":\"sss\"", "\"pin\":\"x\""},
            {"\"config\":\"{}\"", "\"config\":\"\""},
            {"\"needsNetwork\":true", "\"needsNetwork\":false"}};
        String[] versions = {"3.0.0", "3.1.0", "3.2.0", "3.3.0"};
        Random random = new Random(20261201);
        for (int n = 0; n < 80; n++) {
            String version = versions[random.nextInt(versions.length)];
            List<String> lists = new ArrayList<>();
            lists.add("\"disks\":" + list(random, () -> "{\"device\":" + device[random.nextInt(device.length)]
                    + ",\"partitions\":" + list(random, () -> object(random, partition)) + "}"));
            lists.add("\"filesystems\":" + list(random, () -> object(random, filesystem, "\"device\":" + device[random.nextInt(device.length)])));
            lists.add("\"raid\":" + list(random, () -> object(random, raid)));
            if (version.compareTo("3.2.0") >= 0) {
                lists.add("\"luks\":" + list(random, () -> object(random, new String[][] {
                    {"\"name\":\"a\"", "\"name\":\"a/b\""},
                    {"\"device\":" + device[random.nextInt(device.length)]},
                    {"\"label\":\"" + "x".repeat(48) + "\""},
                    {"\"keyFile\":{\"source\":\"ftp://k\"}", "\"keyFile\":{\"source\":\"data:,k\"}"},
                    {"\"clevis\":{\"tpm2\":true," + "\"tang\":" + list(random, () -> object(random, tang)) + "}",
                        "\"clevis\":{\"custom\":" + object(random, custom) + "}",
                        "\"clevis\":{\"threshold\":1,\"custom\":" + object(random, custom) + "}", "\"clevis\":null"}})));
            }
            String json = "{\"ignition\":{\"version\":\"" + version + "\"},\"storage\":{" + String.join(",", lists) + "}}";
            Path path = dir.resolve("storage-" + n + ".ign");
            Files.writeString(path, json);
            assertAgree(path, json.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A JSON list of 0 to 3 entries. */
    private static String list(Random random, Supplier<String> entry) {
        return Stream.generate(entry).limit(random.nextInt(4)).collect(Collectors.joining(",", "[", "]"));
    }

    /** A JSON object with the given members and, for each group of choices, one of them or (half the time) none. */
    private static String object(Random random, String[][] choices, String... members) {
        List<String> out = new ArrayList<>(List.of(members));
        for (String[] group : choices) {
            if (random.nextBoolean()) {
                out.add(group[random.nextInt(group.length)]);
            }
        }
        return "{" + String.join(",", out) + "}";
    }

    private static void assertAgree(Path file, byte[] bytes) throws IOException, InterruptedException {
        IgnitionValidateRun.of(file, bytes).assertAgree(file);
    }
}
