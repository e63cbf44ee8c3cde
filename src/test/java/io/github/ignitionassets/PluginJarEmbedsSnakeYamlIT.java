package io.github.ignitionassets;

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
 * The packaged plugin carries SnakeYAML inside, relocated under {@code io.github.ignitionassets.internal.snakeyaml}
 * (maven-shade-plugin at package), so that its consumer POM lists no dependency for a consumer's build to resolve
 * (README, "Build cost") and no other SnakeYAML on a class path can meet ours. Runs in the failsafe phase of
 * {@code mvn verify}, on the jar that install and deploy publish; the invoker ITs then run that jar.
 */
class PluginJarEmbedsSnakeYamlIT {

    @Test
    void snakeYamlIsInsideRelocatedAndOurReaderUsesThatCopy() throws Exception {
        String pluginJar = System.getProperty("pluginJar");
        Assumptions.assumeTrue(pluginJar != null, "runs under failsafe, after package");
        Path jar = Path.of(pluginJar);
        assertTrue(Files.isRegularFile(jar), "no plugin jar at " + jar + ": run through mvn verify");
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            List<String> names = zip.stream().map(ZipEntry::getName).toList();
            assertTrue(names.contains("io/github/ignitionassets/internal/snakeyaml/parser/ParserImpl.class"),
                    "SnakeYAML's parser is not in " + jar);
            assertTrue(names.stream().noneMatch(n -> n.startsWith("org/yaml/") || n.startsWith("META-INF/versions/")),
                    "SnakeYAML left under its own name in " + jar);
            String reader;
            try (var in = zip.getInputStream(zip.getEntry("io/github/ignitionassets/spec/YamlSpecReader.class"))) {
                reader = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1); // its constant pool, as text
            }
            assertTrue(reader.contains("io/github/ignitionassets/internal/snakeyaml/"), "YamlSpecReader is not relocated");
            assertTrue(!reader.contains("org/yaml/snakeyaml/"), "YamlSpecReader still names org/yaml/snakeyaml");
        }
    }
}
