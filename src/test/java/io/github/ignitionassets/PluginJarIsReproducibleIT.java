package io.github.ignitionassets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The plugin jar is reproducible: the same sources built again, in another directory, with another time zone and
 * locale, an hour later or a year later, give the same bytes. Runs in the failsafe phase of {@code mvn verify}, after
 * {@code package} made {@code target/<artifactId>-<version>.jar}: copies what the jar is built from (the POM, the
 * wrapper and {@code src/main}, as they are in the working tree) to a temporary directory, packages it there offline
 * with the same local repository, and compares the jars byte for byte, naming the entries that differ if they do.
 */
class PluginJarIsReproducibleIT {


    @Test
    void aSecondBuildElsewhereGivesTheSameJar() throws Exception {
        // Failsafe passes the jar; surefire (which picks this class up too under -Dtest='!SomeTest') does not.
        String pluginJar = System.getProperty("pluginJar");
        Assumptions.assumeTrue(pluginJar != null, "runs under failsafe, after package");
        Path jar = Path.of(pluginJar).toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "no plugin jar at " + jar + ": run through mvn verify");
        Path copy = ProjectCopy.create("reproducible-plugin");
        try {
            // The sources and javadoc jars are not compared, so not built.
            List<String> command = ProjectCopy.mavenCommand(List.of("-B", "-q", "-ntp", "-o", "package",
                    "-Dmaven.test.skip=true", "-Dinvoker.skip", "-Dmaven.source.skip", "-Dmaven.javadoc.skip"));
            ProcessBuilder pb = new ProcessBuilder(command).directory(copy.toFile()).redirectErrorStream(true);
            pb.environment().put("TZ", "Pacific/Kiritimati");
            pb.environment().put("LC_ALL", "tr_TR.UTF-8");
            pb.environment().put("MAVEN_OPTS", "-XX:TieredStopAtLevel=1 -Duser.language=tr -Duser.country=TR");
            Path log = copy.resolve("build.log");
            pb.redirectOutput(log.toFile());
            Process p = pb.start();
            assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the second build took more than 5 minutes");
            assertEquals(0, p.exitValue(), () -> "the second build failed:\n" + ProjectCopy.log(log));

            Path again = copy.resolve("target").resolve(jar.getFileName());
            assertTrue(Files.isRegularFile(again), "the second build made no " + again.getFileName());
            byte[] a = Files.readAllBytes(jar);
            byte[] b = Files.readAllBytes(again);
            if (!Arrays.equals(a, b)) {
                assertEquals(List.of(), differingEntries(jar, again), "entries that differ between " + jar + " and "
                        + again);
                assertTrue(false, "the jars differ (" + a.length + " and " + b.length
                        + " bytes) though every entry's contents agree: entry times, order or metadata");
            }
        } finally {
            ProjectCopy.delete(copy);
        }
    }

    private static List<String> differingEntries(Path a, Path b) throws IOException {
        Map<String, String> ea = entries(a);
        Map<String, String> eb = entries(b);
        List<String> out = new ArrayList<>();
        for (String name : ea.keySet()) {
            if (!eb.containsKey(name)) {
                out.add(name + " (only in the first)");
            } else if (!ea.get(name).equals(eb.get(name))) {
                boolean sameTime = ea.get(name).split(":", 2)[0].equals(eb.get(name).split(":", 2)[0]);
                out.add(name + (sameTime ? " (contents)" : " (entry time)"));
            }
        }
        for (String name : eb.keySet()) {
            if (!ea.containsKey(name)) {
                out.add(name + " (only in the second)");
            }
        }
        return out.size() <= 10 ? out : List.of(String.join(", ", out.subList(0, 10)) + " and " + (out.size() - 10) + " more");
    }

    /** Entry name to its contents (as ISO-8859-1 text, so any bytes compare) and time. */
    private static Map<String, String> entries(Path jar) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (ZipFile z = new ZipFile(jar.toFile())) {
            for (ZipEntry e : z.stream().toList()) {
                try (InputStream in = z.getInputStream(e)) {
                    out.put(e.getName(), e.getTime() + ":" + new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
                }
            }
        }
        return out;
    }
}
