package io.github.ignitionassets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The packaged plugin carries Jackson (databind, core, annotations) inside, relocated under
 * {@code io.github.ignitionassets.internal.jackson} as SnakeYAML is ({@link PluginJarEmbedsSnakeYamlIT}), with its
 * license and notices, and our classes name that copy. Runs in the failsafe phase of {@code mvn verify}, on the jar that install and deploy publish.
 */
class PluginJarEmbedsJacksonIT {

    private static final String RELOCATED = "io/github/ignitionassets/internal/jackson/";

    @Test
    void jacksonIsInsideRelocatedWithItsLicenseAndNoticesAndOurClassesUseThatCopy() throws Exception {
        String pluginJar = System.getProperty("pluginJar");
        Assumptions.assumeTrue(pluginJar != null, "runs under failsafe, after package");
        Path jar = Path.of(pluginJar);
        assertTrue(Files.isRegularFile(jar), "no plugin jar at " + jar + ": run through mvn verify");
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            List<String> names = zip.stream().map(ZipEntry::getName).toList();
            for (String c : List.of("core/JsonFactory.class", "databind/ObjectMapper.class", "annotation/JsonProperty.class")) {
                assertTrue(names.contains(RELOCATED + c), RELOCATED + c + " is not in " + jar);
            }
            assertTrue(names.stream().noneMatch(n -> n.startsWith("com/fasterxml/")), "Jackson left under its own name in " + jar);
            assertTrue(names.stream().noneMatch(n -> n.endsWith("module-info.class")), "a module-info.class in " + jar);
            for (String legal : List.of("META-INF/LICENSE", "META-INF/NOTICE", "META-INF/FastDoubleParser-LICENSE",
                    "META-INF/Schubfach-LICENSE")) {
                assertTrue(names.contains(legal), legal + " is not in " + jar);
            }
            String notice = new String(zip.getInputStream(zip.getEntry("META-INF/NOTICE")).readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(notice.contains("Jackson JSON processor"), notice);
            String services = new String(zip.getInputStream(zip.getEntry(
                    "META-INF/services/io.github.ignitionassets.internal.jackson.core.JsonFactory")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertEquals("io.github.ignitionassets.internal.jackson.core.JsonFactory", services.strip());
            String reader;
            try (var in = zip.getInputStream(zip.getEntry("io/github/ignitionassets/ignition/ConfigJson.class"))) {
                reader = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1); // its constant pool, as text
            }
            assertTrue(reader.contains(RELOCATED), "ConfigJson is not relocated");
            assertTrue(!reader.contains("com/fasterxml/jackson/"), "ConfigJson still names com/fasterxml/jackson");
        }
    }
}
