package io.github.ignitionassets.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileBytesTest {

    @TempDir
    Path dir;

    @Test
    void readsEveryByteAsFilesDoes() throws IOException {
        byte[] bytes = new byte[70_000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        Path file = Files.write(dir.resolve("f.bin"), bytes);
        assertArrayEquals(bytes, FileBytes.read(file));
        assertArrayEquals(new byte[0], FileBytes.read(Files.write(dir.resolve("empty"), new byte[0])));
    }

    @Test
    void anAbsentFileIsNoSuchFileAndADirectoryIsAnotherFault() throws IOException {
        NoSuchFileException absent = assertThrows(NoSuchFileException.class, () -> FileBytes.read(dir.resolve("gone")));
        org.junit.jupiter.api.Assertions.assertEquals(dir.resolve("gone").toString(), absent.getFile());
        Files.createSymbolicLink(dir.resolve("dangling"), dir.resolve("nowhere"));
        assertThrows(NoSuchFileException.class, () -> FileBytes.read(dir.resolve("dangling")));
        IOException other = assertThrows(IOException.class, () -> FileBytes.read(dir));
        org.junit.jupiter.api.Assertions.assertFalse(other instanceof NoSuchFileException, other.toString());
    }
}
