package io.github.ignitionassets.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFilesTest {

    @TempDir
    Path dir;

    @Test
    void writesOnlyFilesWhoseBytesChanged() throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        Map<Path, byte[]> files = new LinkedHashMap<>();
        files.put(a, new byte[] {1, 2});
        files.put(b, new byte[] {3});
        assertEquals(List.of(a, b), OutputFiles.write(files, Set.of(a)));
        FileTime old = FileTime.fromMillis(1_000_000L);
        Files.setLastModifiedTime(a, old);
        Files.setLastModifiedTime(b, old);

        files.put(b, new byte[] {4});
        assertEquals(List.of(b), OutputFiles.write(files, Set.of(a)));
        assertEquals(old, Files.getLastModifiedTime(a));
        assertArrayEquals(new byte[] {4}, Files.readAllBytes(b));
        assertEquals(List.of(), OutputFiles.write(files, Set.of(a)));
    }

    @Test
    void givesScriptsExecutableModes() throws Exception {
        Path s = dir.resolve("s");
        Path u = dir.resolve("u");
        OutputFiles.write(Map.of(s, new byte[] {1}, u, new byte[] {2}), Set.of(s));
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(s)));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(u)));
    }

    @Test
    void createsDirectoriesAndLeavesNoTemporaryFilesBehind() throws Exception {
        Path s = dir.resolve("out/s");
        Path r = dir.resolve("records/r");
        OutputFiles.write(Map.of(s, new byte[] {1}, r, new byte[] {2}), Set.of());
        OutputFiles.write(Map.of(s, new byte[] {3}, r, new byte[] {4}), Set.of());
        assertEquals(Set.of(s, r), allFiles());
    }

    @Test
    void aFailedMoveLeavesEveryEarlierOutputAsItWas() throws Exception {
        Path script = dir.resolve("agent-pull-image");
        Path unit = dir.resolve("agent.service");
        Path config = dir.resolve("config.ign");
        OutputFiles.write(Map.of(script, bytes("old script")), Set.of(script));
        // A non-empty directory where the unit must go: its move fails after the script's has been made.
        Files.createDirectories(unit.resolve("in-the-way"));
        Map<Path, byte[]> files = new LinkedHashMap<>();
        files.put(script, bytes("new script"));
        files.put(unit, bytes("new unit"));
        files.put(config, bytes("new config"));

        assertThrows(IOException.class, () -> OutputFiles.write(files, Set.of(script)));

        assertArrayEquals(bytes("old script"), Files.readAllBytes(script), "the script was replaced");
        assertEquals(false, Files.exists(config), "the config was written");
        assertEquals(Set.of(script, unit.resolve("in-the-way")), allFiles(), "temporary files left");
    }

    private Set<Path> allFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return Set.copyOf(walk.filter(p -> !Files.isDirectory(p) || isEmptyDirectory(p)).filter(p -> !p.equals(dir)).toList());
        }
    }

    private static boolean isEmptyDirectory(Path p) {
        try (Stream<Path> list = Files.list(p)) {
            return list.findAny().isEmpty();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
