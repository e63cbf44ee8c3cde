package io.github.ignitionassets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What Maven Central asks of a release that the POMs can show: the POM that install and deploy publish names the
 * project, its license, its developers, its source and its tracker; and pom.xml has a {@code release} profile that
 * signs with maven-gpg-plugin and publishes with central-publishing-maven-plugin, plugins that no other build declares
 * and so none resolves. That deploy publishes the jars themselves, with checksums, {@link ReleaseBuildIT} checks.
 */
class CentralReleaseTest {

    private static final String PROJECT_URL = "https://github.com/ignitionassets/ignition-assets-maven-plugin";
    private static final String GPG = "org.apache.maven.plugins:maven-gpg-plugin";
    private static final String CENTRAL = "org.sonatype.central:central-publishing-maven-plugin";

    @Test
    void theInstalledPomCarriesWhatCentralRequires() throws Exception {
        Path pom = Path.of("target/.flattened-pom.xml");
        assertTrue(Files.isRegularFile(pom), pom + " is missing: run the build's process-resources phase first");
        Element project = parse(pom);
        for (String required : List.of("name", "description", "url")) {
            assertFalse(text(project, required).isEmpty(), "no <" + required + ">");
        }
        assertEquals(PROJECT_URL, text(project, "url"));
        assertFalse(text(child(child(project, "licenses"), "license"), "name").isEmpty(), "a license without a name");
        assertFalse(text(child(child(project, "developers"), "developer"), "name").isEmpty(), "a developer without a name");
        Element scm = child(project, "scm");
        assertEquals(PROJECT_URL, text(scm, "url"));
        assertEquals("scm:git:" + PROJECT_URL + ".git", text(scm, "connection"));
        assertEquals("scm:git:" + PROJECT_URL + ".git", text(scm, "developerConnection"));
        assertEquals(PROJECT_URL + "/issues", text(child(project, "issueManagement"), "url"));
        assertTrue(children(project, "profiles").isEmpty(), "the release profile leaked into the published POM");
    }

    @Test
    void theReleaseProfileSignsAndPublishesToTheCentralPortalWithoutPublishingItself() throws Exception {
        Element profile = releaseProfile(parse(Path.of("pom.xml")));
        Element gpg = plugin(child(child(profile, "build"), "plugins"), GPG);
        assertNotNull(gpg, "the release profile has no " + GPG);
        Element sign = child(child(gpg, "executions"), "execution");
        assertEquals("sign", text(child(sign, "goals"), "goal"));
        assertEquals("verify", text(sign, "phase"), "signing must come before install and deploy");

        Element central = plugin(child(child(profile, "build"), "plugins"), CENTRAL);
        assertNotNull(central, "the release profile has no " + CENTRAL);
        assertEquals("true", text(central, "extensions"), "without extensions the plugin does not take deploy's place");
        Element configuration = child(central, "configuration");
        assertEquals("central", text(configuration, "publishingServerId"));
        assertEquals("false", text(configuration, "autoPublish"), "a person publishes from the portal");
    }

    @Test
    void onlyTheReleaseProfileDeclaresTheSigningAndPublishingPlugins() throws Exception {
        Element project = parse(Path.of("pom.xml"));
        Element release = releaseProfile(project);
        List<String> elsewhere = new ArrayList<>();
        NodeList artifactIds = project.getElementsByTagName("artifactId");
        for (int i = 0; i < artifactIds.getLength(); i++) {
            Element id = (Element) artifactIds.item(i);
            String name = id.getTextContent().strip();
            if ((name.equals("maven-gpg-plugin") || name.equals("central-publishing-maven-plugin"))
                    && !isInside(id, release)) {
                elsewhere.add(name + " at " + path(id.getParentNode()));
            }
        }
        assertEquals(List.of(), elsewhere, "declared outside the release profile, so every build would resolve it");
    }

    private static Element releaseProfile(Element project) {
        for (Element profile : children(child(project, "profiles"), "profile")) {
            if (text(profile, "id").equals("release")) {
                assertTrue(children(profile, "activation").isEmpty(), "the release profile must be asked for, never on by itself");
                return profile;
            }
        }
        throw new AssertionError("pom.xml has no profile with id release");
    }

    private static Element plugin(Element plugins, String coordinates) {
        for (Element p : children(plugins, "plugin")) {
            if ((text(p, "groupId") + ":" + text(p, "artifactId")).equals(coordinates)) {
                return p;
            }
        }
        return null;
    }

    private static boolean isInside(Node n, Element ancestor) {
        for (Node p = n; p != null; p = p.getParentNode()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** Where an element is, as {@code project/build/pluginManagement/plugins/plugin}. */
    private static String path(Node n) {
        return n.getParentNode() instanceof Element parent ? path(parent) + "/" + n.getNodeName() : n.getNodeName();
    }

    private static Element parse(Path xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile()).getDocumentElement();
    }

    /** The direct children named {@code tag}: a profile's {@code <build>}, not one nested deeper. */
    private static List<Element> children(Element parent, String tag) {
        List<Element> out = new ArrayList<>();
        if (parent == null) {
            return out;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                out.add(e);
            }
        }
        return out;
    }

    private static Element child(Element parent, String tag) {
        List<Element> found = children(parent, tag);
        assertEquals(1, found.size(), () -> "expected one <" + tag + "> under <" + (parent == null ? "?" : parent.getTagName())
                + ">, found " + found.size());
        return found.get(0);
    }

    private static String text(Element parent, String tag) {
        List<Element> found = children(parent, tag);
        return found.isEmpty() ? "" : found.get(0).getTextContent().strip();
    }
}
