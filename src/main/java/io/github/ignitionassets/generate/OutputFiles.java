package io.github.ignitionassets.generate;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Writes a build's outputs all or nothing: a reader never sees half a file, a file whose bytes did not change is not
 * touched (incremental builds and IDEs see no change), and when any file cannot be written every other one is left,
 * or put back, as it was.
 */
public final class OutputFiles {

    private OutputFiles() {
    }

    /**
     * Writes files: {@code rw-r--r--}, or {@code rwxr-xr-x} for the executables, where the file system has POSIX
     * permissions. Each changed file is first written to a temporary file beside it; then each is moved into place,
     * the file it replaces kept aside until all are in place.
     *
     * @param files       each file's path and bytes, in the order to write them
     * @param executables paths among {@code files} that are scripts
     * @return the paths whose bytes changed, and so were written
     * @throws IOException when a file cannot be written; no file has changed then
     */
    public static List<Path> write(Map<Path, byte[]> files, Collection<Path> executables) throws IOException {
        List<Pending> pending = new ArrayList<>();
        List<Path> kept = new ArrayList<>();
        try {
            for (var e : files.entrySet()) {
                Path target = e.getKey();
                if (!hasBytes(target, e.getValue())) {
                    pending.add(stage(target, e.getValue(), executables.contains(target)));
                }
            }
            commit(pending, kept);
        } finally {
            for (Pending p : pending) {
                Files.deleteIfExists(p.staged());
                if (p.previous() != null && !kept.contains(p.previous())) {
                    Files.deleteIfExists(p.previous());
                }
            }
        }
        return pending.stream().map(Pending::target).toList();
    }

    /** A file written beside its target, and where the target's old bytes wait once it is moved into place. */
    private record Pending(Path target, Path staged, Path previous) {
    }

    private static boolean hasBytes(Path file, byte[] bytes) throws IOException {
        return Files.isRegularFile(file) && Files.size(file) == bytes.length && Arrays.equals(Files.readAllBytes(file), bytes);
    }

    private static Pending stage(Path target, byte[] bytes, boolean executable) throws IOException {
        Path directory = Files.createDirectories(target.toAbsolutePath().getParent());
        String name = "." + target.getFileName();
        Path staged = Files.createTempFile(directory, name + ".", ".tmp");
        Files.write(staged, bytes);
        if (Files.getFileStore(staged).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(staged, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
        }
        Path previous = Files.exists(target) ? Files.createTempFile(directory, name + ".", ".old") : null;
        return new Pending(target, staged, previous);
    }

    /**
     * Moves every staged file into place, or, when one cannot be, puts back what the others replaced. An old file
     * that cannot be put back is added to {@code kept}, so that its bytes are not lost.
     */
    private static void commit(List<Pending> pending, List<Path> kept) throws IOException {
        List<Pending> done = new ArrayList<>();
        try {
            for (Pending p : pending) {
                if (p.previous() != null) {
                    move(p.target(), p.previous());
                }
                done.add(p);
                move(p.staged(), p.target());
            }
        } catch (IOException e) {
            Collections.reverse(done);
            for (Pending p : done) {
                try {
                    if (p.previous() != null) {
                        move(p.previous(), p.target());
                    } else {
                        Files.deleteIfExists(p.target());
                    }
                } catch (IOException restore) {
                    if (p.previous() != null) {
                        kept.add(p.previous());
                    }
                    e.addSuppressed(restore);
                }
            }
            throw e;
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
