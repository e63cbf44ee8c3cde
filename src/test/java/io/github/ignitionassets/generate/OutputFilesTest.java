package io.github.ignitionassets.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFilesTest {

    @TempDir
    Path dir;

    @Test
    void writesOnlyFilesWhoseBytesChanged() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("a", new byte[] {1, 2});
        files.put("b", new byte[] {3});
        assertEquals(List.of("a", "b"), OutputFiles.write(dir, files, Set.of("a")));
        FileTime old = FileTime.fromMillis(1_000_000L);
        Files.setLastModifiedTime(dir.resolve("a"), old);
        Files.setLastModifiedTime(dir.resolve("b"), old);

        files.put("b", new byte[] {4});
        assertEquals(List.of("b"), OutputFiles.write(dir, files, Set.of("a")));
        assertEquals(old, Files.getLastModifiedTime(dir.resolve("a")));
        assertArrayEquals(new byte[] {4}, Files.readAllBytes(dir.resolve("b")));
        assertEquals(List.of(), OutputFiles.write(dir, files, Set.of("a")));
    }

    @Test
    void givesScriptsExecutableModes() throws Exception {
        OutputFiles.write(dir, Map.of("s", new byte[] {1}, "u", new byte[] {2}), Set.of("s"));
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("s"))));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("u"))));
    }

    @Test
    void leavesNoTemporaryFilesBehind() throws Exception {
        OutputFiles.write(dir, Map.of("s", new byte[] {1}), Set.of());
        try (var list = Files.list(dir)) {
            assertEquals(List.of(dir.resolve("s")), list.toList());
        }
    }

    @Test
    void temporaryFilesAreNewEachTimeAndNeverReplaceAnExistingOne() throws Exception {
        Path first = OutputFiles.newTemporaryFile(dir, "config.ign");
        Files.write(first, new byte[] {7});
        Path second = OutputFiles.newTemporaryFile(dir, "config.ign");
        assertEquals(false, first.equals(second));
        assertArrayEquals(new byte[] {7}, Files.readAllBytes(first), "an existing file was replaced");
        assertEquals(0, Files.size(second));
        assertEquals(true, second.getFileName().toString().matches("\\.config\\.ign\\.[0-9a-f]+\\.tmp"), second.toString());
    }

    @Test
    void aFailedMoveLeavesNoTemporaryFileBehind() throws Exception {
        OutputFiles.write(dir, Map.of("a", new byte[] {1}), Set.of());
        Files.createDirectory(dir.resolve("b")); // a directory where an output must go: the move fails
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("a", new byte[] {2});
        files.put("b", new byte[] {3});
        org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> OutputFiles.write(dir, files, Set.of()));
        try (var list = Files.list(dir)) {
            assertEquals(Set.of(dir.resolve("a"), dir.resolve("b")), Set.copyOf(list.toList()), "temporary files left");
        }
    }
}
