package io.github.ignitionassets.core;

import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a whole file through {@link FileInputStream}, which Maven has loaded before any plugin runs, instead of
 * {@link Files#readAllBytes}, whose channel classes (about 25, not in the JDK's shared archive) a build's fresh JVM
 * would load for the goal alone: a few milliseconds of every up-to-date build, which reads every input and output.
 */
public final class FileBytes {

    private FileBytes() {
    }

    /**
     * The file's bytes.
     *
     * @throws NoSuchFileException when there is no such file (as {@link Files#readAllBytes} does)
     * @throws IOException         when it cannot be read
     */
    public static byte[] read(Path file) throws IOException {
        try (FileInputStream in = new FileInputStream(file.toFile())) {
            return in.readAllBytes();
        } catch (FileNotFoundException e) {
            // Also what a directory or a file without read permission gives: only an absent file is "no such file".
            if (!Files.exists(file)) {
                NoSuchFileException absent = new NoSuchFileException(file.toString());
                absent.initCause(e);
                throw absent;
            }
            throw e;
        }
    }
}
