package io.github.ignitionassets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What every consumer's build resolves to load the plugin: nothing but the plugin. Its libraries (SnakeYAML and
 * Jackson) are embedded in the jar, relocated ({@link PluginJarEmbedsLibrariesIT}),
 * the POM installed and deployed is the consumer POM (flatten-maven-plugin), with no build section, properties or
 * dependencies, and the development POM imports no BOM.
 */
class PluginDependenciesTest {

    @Test
    void theDescriptorListsOnlyTheEmbeddedLibraries() throws Exception {
        Path descriptor = Path.of("target/classes/META-INF/maven/plugin.xml");
        assertTrue(Files.isRegularFile(descriptor), descriptor + " is missing: run the build's process-classes phase first");
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(descriptor.toFile());
        NodeList deps = doc.getElementsByTagName("dependency");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < deps.getLength(); i++) {
            Element d = (Element) deps.item(i);
            ids.add(text(d, "groupId") + ":" + text(d, "artifactId"));
        }
        assertEquals(List.of("org.yaml:snakeyaml", "com.fasterxml.jackson.core:jackson-databind",
                "com.fasterxml.jackson.core:jackson-annotations", "com.fasterxml.jackson.core:jackson-core"), ids);
    }

    @Test
    void thePomImportsNoBom() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        assertTrue(!pom.contains("<scope>import</scope>"), "pom.xml imports a BOM: every consumer would resolve it");
    }

    @Test
    void theInstalledPomIsTheConsumerPomWithNothingToResolve() throws Exception {
        // flatten-maven-plugin writes it at process-resources and makes it the POM that install and deploy publish.
        Path pom = Path.of("target/.flattened-pom.xml");
        assertTrue(Files.isRegularFile(pom), pom + " is missing: run the build's process-resources phase first");
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
        Element project = doc.getDocumentElement();
        List<String> sections = new ArrayList<>();
        for (var n = project.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                sections.add(e.getTagName());
            }
        }
        // No dependencies: SnakeYAML and Jackson are inside the jar, and Maven never resolves a plugin's provided ones.
        assertEquals(List.of("modelVersion", "groupId", "artifactId", "version", "packaging", "name", "description", "url",
                "licenses", "developers", "prerequisites", "scm", "issueManagement"), sections,
                "what consumers' builds read to load the plugin");
        assertEquals("maven-plugin", text(project, "packaging"));
        assertEquals("3.6.3", text((Element) project.getElementsByTagName("prerequisites").item(0), "maven"));
    }

    private static String text(Element e, String tag) {
        return e.getElementsByTagName(tag).item(0).getTextContent().strip();
    }
}
