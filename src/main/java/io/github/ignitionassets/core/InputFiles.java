package io.github.ignitionassets.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the user's input files whole, each kind with a size limit, so that a wrong path (a disk image, a log) fails
 * with a clear problem instead of filling the heap.
 */
public final class InputFiles {

    /** A spec is a few lines. */
    public static final long SPEC_LIMIT = 1L << 20;
    /** Unit files and drop-ins are small text files. */
    public static final long UNIT_LIMIT = 1L << 20;
    /** A file embedded in the config becomes a data URL in it. */
    public static final long EXTRA_FILE_LIMIT = 8L << 20;
    /** A whole Ignition config, a base config or one the validate goal checks. */
    public static final long CONFIG_LIMIT = 32L << 20;

    private InputFiles() {
    }

    /** A file over its limit: its size and the limit, for the message that names them. */
    public static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;
        private final long limit;

        TooLarge(Path file, long limit) {
            super(file + " is larger than " + describe(limit));
            this.limit = limit;
        }

        /** The limit, e.g. {@code 1 MiB}. */
        public String limit() {
            return describe(limit);
        }
    }

    /**
     * The file's bytes.
     *
     * @throws TooLarge    when it holds more than {@code limit} bytes
     * @throws IOException when it cannot be read
     */
    public static byte[] read(Path file, long limit) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(Math.toIntExact(limit + 1));
            if (bytes.length > limit) {
                throw new TooLarge(file, limit);
            }
            return bytes;
        }
    }

    /** A size in the units the limits are set in. */
    static String describe(long bytes) {
        return bytes % (1 << 20) == 0 ? bytes / (1 << 20) + " MiB" : bytes + " bytes";
    }
}
