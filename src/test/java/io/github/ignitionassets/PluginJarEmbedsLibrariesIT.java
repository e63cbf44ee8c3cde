package io.github.ignitionassets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged plugin carries its libraries inside, relocated under {@code io.github.ignitionassets.internal}
 * (maven-shade-plugin at package), so that its consumer POM lists no dependency for a consumer's build to resolve and
 * no other copy on a class path can meet ours; and our classes name those copies. Runs in the failsafe phase of
 * {@code mvn verify}, on the jar that install and deploy publish; the invoker ITs then run that jar.
 */
class PluginJarEmbedsLibrariesIT {

    private Path jar;

    @BeforeEach
    void packagedJar() {
        String pluginJar = System.getProperty("pluginJar");
        Assumptions.assumeTrue(pluginJar != null, "runs under failsafe, after package");
        jar = Path.of(pluginJar);
        assertTrue(Files.isRegularFile(jar), "no plugin jar at " + jar + ": run through mvn verify");
    }

    @Test
    void snakeYamlIsInsideRelocatedAndOurReaderUsesThatCopy() throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            List<String> names = names(zip);
            assertTrue(names.contains("io/github/ignitionassets/internal/snakeyaml/parser/ParserImpl.class"),
                    "SnakeYAML's parser is not in " + jar);
            assertTrue(names.stream().noneMatch(n -> n.startsWith("org/yaml/")), "SnakeYAML left under its own name");
            assertNamesOnlyTheRelocatedCopy(zip, "io/github/ignitionassets/spec/YamlSpecReader.class",
                    "org/yaml/snakeyaml/", "io/github/ignitionassets/internal/snakeyaml/");
        }
    }

    @Test
    void jacksonIsInsideRelocatedWithItsLicenseAndNoticesAndOurClassesUseThatCopy() throws IOException {
        String relocated = "io/github/ignitionassets/internal/jackson/";
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            List<String> names = names(zip);
            for (String c : List.of("core/JsonFactory.class", "databind/ObjectMapper.class", "annotation/JsonProperty.class")) {
                assertTrue(names.contains(relocated + c), relocated + c + " is not in " + jar);
            }
            assertTrue(names.stream().noneMatch(n -> n.startsWith("com/fasterxml/")), "Jackson left under its own name");
            for (String legal : List.of("META-INF/LICENSE", "META-INF/NOTICE", "META-INF/FastDoubleParser-LICENSE",
                    "META-INF/Schubfach-LICENSE")) {
                assertTrue(names.contains(legal), legal + " is not in " + jar);
            }
            assertTrue(text(zip, "META-INF/NOTICE").contains("Jackson JSON processor"));
            assertEquals("io.github.ignitionassets.internal.jackson.core.JsonFactory",
                    text(zip, "META-INF/services/io.github.ignitionassets.internal.jackson.core.JsonFactory").strip());
            assertNamesOnlyTheRelocatedCopy(zip, "io/github/ignitionassets/ignition/ConfigJson.class",
                    "com/fasterxml/jackson/", relocated);
            assertNamesOnlyTheRelocatedCopy(zip, "io/github/ignitionassets/spec/JsonSpecReader.class",
                    "com/fasterxml/jackson/", relocated);
        }
    }

    @Test
    void noMultiReleaseOrModuleEntriesCameAlong() throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            assertTrue(names(zip).stream().noneMatch(n -> n.startsWith("META-INF/versions/") || n.endsWith("module-info.class")),
                    "a library's META-INF/versions or module-info.class in " + jar);
        }
    }

    private static List<String> names(ZipFile zip) {
        return zip.stream().map(ZipEntry::getName).toList();
    }

    private static String text(ZipFile zip, String entry) throws IOException {
        try (var in = zip.getInputStream(zip.getEntry(entry))) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    /** A class of ours whose constant pool (read as text) names the relocated copy and not the original. */
    private static void assertNamesOnlyTheRelocatedCopy(ZipFile zip, String ourClass, String original, String relocated)
            throws IOException {
        String pool = text(zip, ourClass);
        assertTrue(pool.contains(relocated), ourClass + " does not name " + relocated);
        assertFalse(pool.contains(original), ourClass + " still names " + original);
    }
}
