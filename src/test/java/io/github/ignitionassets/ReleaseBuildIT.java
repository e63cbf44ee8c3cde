package io.github.ignitionassets;

import static io.github.ignitionassets.XmlChildren.child;
import static io.github.ignitionassets.XmlChildren.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A release build of this tree, {@code deploy site}, as a person runs it before the release profile signs and uploads
 * what deploy publishes. Runs in the failsafe phase of {@code mvn verify}: copies what the plugin is built from (as
 * {@link PluginJarIsReproducibleIT} does) to a temporary directory and runs, there, one build without tests or ITs
 * that deploys to a {@code file:} repository in that directory (install skipped: the local repository is shared) and
 * builds the site. Then: the repository holds every file Central requires, the jar, the POM, the sources and the
 * javadoc, each with an {@code .md5} and a {@code .sha1} of its bytes; and the site has a page for each goal of the
 * descriptor, with each parameter's name, description, property and default as {@code help} gives them.
 */
class ReleaseBuildIT {

    /** What Central requires of a release, each as {@code -classifier.extension} after the version. */
    private static final List<String> REQUIRED = List.of(".jar", ".pom", "-sources.jar", "-javadoc.jar");

    private static Path copy;
    private static Document descriptor;

    @BeforeAll
    static void releaseBuild() throws Exception {
        // Failsafe passes the jar; surefire (which picks this class up too under -Dtest='!SomeTest') does not.
        Assumptions.assumeTrue(System.getProperty("pluginJar") != null, "runs under failsafe, after package");
        copy = ProjectCopy.create("release-build");
        // Not offline: on a new machine the deploy and site plugins are not yet in the local repository, since
        // nothing else in verify uses them. The test skips also keep the failsafe ITs, this one among them, out.
        List<String> command = ProjectCopy.mavenCommand(List.of("-B", "-ntp", "deploy", "site",
                "-Dmaven.test.skip=true", "-Dinvoker.skip", "-Dmaven.install.skip=true",
                "-DaltDeploymentRepository=release-check::" + copy.resolve("repo").toUri()));
        Path log = copy.resolve("build.log");
        ProcessBuilder pb = new ProcessBuilder(command).directory(copy.toFile()).redirectErrorStream(true);
        pb.environment().put("MAVEN_OPTS", "-XX:TieredStopAtLevel=1");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the release build took more than 5 minutes");
        assertEquals(0, p.exitValue(), () -> "the release build failed:\n" + ProjectCopy.log(log));
        Path plugin = copy.resolve("target/classes/META-INF/maven/plugin.xml");
        descriptor = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(plugin.toFile());
    }

    @AfterAll
    static void deleteCopy() throws IOException {
        if (copy != null) {
            ProjectCopy.delete(copy);
        }
    }

    @Test
    void deployPublishesEveryFileCentralRequiresEachWithItsChecksums() throws Exception {
        Element plugin = descriptor.getDocumentElement();
        String artifactId = text(plugin, "artifactId");
        String version = text(plugin, "version");
        Path dir = copy.resolve("repo").resolve(text(plugin, "groupId").replace('.', '/')).resolve(artifactId)
                .resolve(version);
        assertTrue(Files.isDirectory(dir), "nothing deployed under " + dir);
        String base = artifactId + "-" + deployedVersion(dir, version);
        List<String> missing = new ArrayList<>();
        for (String suffix : REQUIRED) {
            Path file = dir.resolve(base + suffix);
            if (!Files.isRegularFile(file)) {
                missing.add(file.getFileName().toString());
                continue;
            }
            byte[] bytes = Files.readAllBytes(file);
            for (var sum : Map.of("md5", "MD5", "sha1", "SHA-1").entrySet()) {
                Path checksum = dir.resolve(file.getFileName() + "." + sum.getKey());
                if (!Files.isRegularFile(checksum)) {
                    missing.add(checksum.getFileName().toString());
                    continue;
                }
                String expected = HexFormat.of().formatHex(MessageDigest.getInstance(sum.getValue()).digest(bytes));
                assertEquals(expected, Files.readString(checksum).strip(), checksum.getFileName() + " is not the "
                        + sum.getValue() + " of " + file.getFileName());
            }
        }
        assertEquals(List.of(), missing, "not deployed; the repository has " + list(dir));

        // The files are the ones this build made: the consumer POM, the shaded jar, each goal's sources and pages.
        assertArrayEquals(Files.readAllBytes(copy.resolve("target/.flattened-pom.xml")),
                Files.readAllBytes(dir.resolve(base + ".pom")), "the deployed POM is not the consumer POM");
        assertArrayEquals(Files.readAllBytes(copy.resolve("target/" + artifactId + "-" + version + ".jar")),
                Files.readAllBytes(dir.resolve(base + ".jar")), "the deployed jar is not the plugin jar");
        for (Element mojo : elements(plugin, "mojo")) {
            String path = text(mojo, "implementation").replace('.', '/');
            assertEntry(dir.resolve(base + "-sources.jar"), path + ".java");
            assertEntry(dir.resolve(base + "-javadoc.jar"), path + ".html");
        }
        assertEntry(dir.resolve(base + "-javadoc.jar"), "index.html");
    }

    @Test
    void theSiteHasAPagePerGoalWithEveryParameterAsHelpDescribesIt() throws IOException {
        Path site = copy.resolve("target/site");
        Element plugin = descriptor.getDocumentElement();
        String prefix = text(plugin, "goalPrefix");
        for (String page : List.of("index.html", "plugin-info.html")) {
            assertTrue(Files.isRegularFile(site.resolve(page)), "no " + page + " in " + site);
        }
        String info = Files.readString(site.resolve("plugin-info.html"));
        List<String> problems = new ArrayList<>();
        List<String> goals = new ArrayList<>();
        for (Element mojo : elements(plugin, "mojo")) {
            String goal = text(mojo, "goal");
            goals.add(goal);
            Path page = site.resolve(goal + "-mojo.html");
            if (!Files.isRegularFile(page)) {
                problems.add(goal + ": no " + page.getFileName());
                continue;
            }
            if (!info.contains("href=\"./" + page.getFileName() + "\"")) {
                problems.add(goal + ": plugin-info.html does not link " + page.getFileName());
            }
            String shown = pageText(Files.readString(page));
            if (!shown.contains(prefix + ":" + goal)) {
                problems.add(goal + ": the page does not name " + prefix + ":" + goal);
            }
            Element configuration = child(mojo, "configuration");
            for (Element parameter : elements(child(mojo, "parameters"), "parameter")) {
                if (!text(parameter, "editable").equals("true")) {
                    continue; // Maven's own objects (the project, the session): not set by a user, not listed
                }
                String name = text(parameter, "name");
                // help writes a Javadoc list as "* item"; the page shows it as a list, without the markers.
                String description = words(text(parameter, "description")).replace(" * ", " ");
                List<String> expected = new ArrayList<>(List.of("<" + name + ">", description));
                Element value = configuration == null ? null : child(configuration, name);
                if (value != null) {
                    Matcher property = Pattern.compile("\\$\\{([^}]+)}").matcher(value.getTextContent().strip());
                    if (property.matches()) {
                        expected.add("User Property: " + property.group(1));
                    }
                    if (value.hasAttribute("default-value")) {
                        expected.add("Default: " + words(value.getAttribute("default-value")));
                    }
                }
                for (String e : expected) {
                    if (!shown.contains(e)) {
                        problems.add(goal + ": parameter " + name + ": the page does not say \"" + e + "\"");
                    }
                }
            }
        }
        assertTrue(goals.containsAll(List.of("generate", "validate", "help")), "goals in the descriptor: " + goals);
        assertEquals(List.of(), problems);
    }

    /** A snapshot deploys under its timestamp and build number, as the version's maven-metadata.xml says. */
    private static String deployedVersion(Path dir, String version) throws Exception {
        if (!version.endsWith("-SNAPSHOT")) {
            return version;
        }
        Path metadata = dir.resolve("maven-metadata.xml");
        assertTrue(Files.isRegularFile(metadata), "no " + metadata + "; the repository has " + list(dir));
        Element snapshot = child(DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(metadata.toFile())
                .getDocumentElement(), "versioning");
        snapshot = child(snapshot, "snapshot");
        return version.substring(0, version.length() - "SNAPSHOT".length()) + text(snapshot, "timestamp") + "-"
                + text(snapshot, "buildNumber");
    }

    private static void assertEntry(Path jar, String entry) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            assertTrue(zip.stream().map(ZipEntry::getName).anyMatch(entry::equals), jar.getFileName() + " has no " + entry);
        }
    }

    /** What a reader sees of a page: its text without tags, entities decoded, runs of white space as one space. */
    private static String pageText(String html) {
        String text = html.replaceAll("<[^>]*>", "").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
        return words(text);
    }

    private static String words(String text) {
        return String.join(" ", text.strip().split("\\s+"));
    }

    private static List<Element> elements(Element parent, String tag) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }


    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
