package io.github.ignitionassets.generate;

import io.github.ignitionassets.core.FileBytes;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes outputs so that a reader never sees half a file and an unchanged file is not touched: each changed file
 * is written to a temporary file beside it, and only when all are written are they moved into place.
 */
public final class OutputFiles {

    private OutputFiles() {
    }

    /**
     * Writes files into a directory: {@code rw-r--r--}, or {@code rwxr-xr-x} for the executables, where the file
     * system has POSIX permissions.
     *
     * @param executables names among {@code files} that are scripts
     * @return the names of the files whose bytes changed (and so were written)
     */
    public static List<String> write(Path directory, Map<String, byte[]> files, Set<String> executables) throws IOException {
        Files.createDirectories(directory);
        Map<Path, Path> pending = new LinkedHashMap<>();
        List<String> changed = new ArrayList<>();
        try {
            for (var e : files.entrySet()) {
                Path target = directory.resolve(e.getKey());
                if (Files.isRegularFile(target) && Files.size(target) == e.getValue().length
                        && Arrays.equals(FileBytes.read(target), e.getValue())) {
                    continue;
                }
                Path tmp = newTemporaryFile(directory, e.getKey());
                pending.put(tmp, target);
                try (FileOutputStream out = new FileOutputStream(tmp.toFile())) {
                    out.write(e.getValue());
                }
                setMode(tmp, executables.contains(e.getKey()) ? "rwxr-xr-x" : "rw-r--r--");
                changed.add(e.getKey());
            }
            for (var e : pending.entrySet()) {
                move(e.getKey(), e.getValue());
            }
            pending.clear();
        } finally {
            for (Path tmp : pending.keySet()) {
                Files.deleteIfExists(tmp);
            }
        }
        return changed;
    }

    /**
     * A new, empty file beside {@code name}, created only if no file has its name (O_EXCL, as
     * {@link Files#createTempFile} does). Named from the clock, not from {@code createTempFile}'s {@code SecureRandom}:
     * setting that up (security provider, message digest) cost about 10 ms of every build that writes, in the build's
     * fresh JVM. The name only has to be new in this directory, which only this build writes.
     */
    static Path newTemporaryFile(Path directory, String name) throws IOException {
        long stamp = System.nanoTime();
        for (int i = 0; ; i++) {
            Path tmp = directory.resolve("." + name + "." + Long.toHexString(stamp + i) + ".tmp");
            if (tmp.toFile().createNewFile()) {
                return tmp;
            }
            if (i == 100) {
                throw new FileAlreadyExistsException(tmp.toString(), null, "no new temporary file name after 100 tries");
            }
        }
    }

    private static void setMode(Path file, String mode) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
