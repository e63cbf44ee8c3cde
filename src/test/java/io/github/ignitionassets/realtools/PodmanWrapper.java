package io.github.ignitionassets.realtools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code podman} first on {@code PATH} that logs each call (start and end time, exit code, arguments) and runs
 * the real podman in between: the script runs the real thing, and the test can count its pulls.
 */
final class PodmanWrapper {

    /** One podman call by the script. {@code endMillis} and {@code exit} are -1 while it runs (or if it was killed). */
    record Call(String args, long startMillis, long endMillis, int exit) {

        /** A pull of an image (the script also runs {@code podman pull --help} to learn podman's options). */
        boolean isPull() {
            return args.startsWith("pull ") && !args.contains("--help");
        }

        long millis() {
            return endMillis - startMillis;
        }
    }

    private final Path bin;
    private final Path log;

    PodmanWrapper(Path dir, Path realPodman) {
        try {
            this.bin = Files.createDirectories(dir.resolve("bin"));
            this.log = dir.resolve("podman-calls.log");
            Files.writeString(log, "");
            Path wrapper = bin.resolve("podman");
            Files.writeString(wrapper, """
                    #!/bin/sh
                    # Test wrapper: log the call, run the real podman, log how it ended.
                    printf 'start %%s %%s %%s\\n' "$$" "$(date +%%s%%3N)" "$*" >>'%1$s'
                    '%2$s' "$@"
                    rc=$?
                    printf 'end %%s %%s %%s\\n' "$$" "$(date +%%s%%3N)" "$rc" >>'%1$s'
                    exit "$rc"
                    """.formatted(log, realPodman));
            Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Put this first on PATH. */
    Path binDir() {
        return bin;
    }

    /** The calls so far, in the order they started. */
    List<Call> calls() {
        try {
            Map<String, String[]> starts = new LinkedHashMap<>();
            Map<String, String[]> ends = new LinkedHashMap<>();
            for (String line : Files.readAllLines(log)) {
                String[] f = line.split(" ", 4);
                if (f[0].equals("start")) {
                    starts.put(f[1] + "@" + f[2], f);
                } else if (f[0].equals("end")) {
                    // a pid is reused only much later; pair each end with the latest start of that pid
                    String key = null;
                    for (String k : starts.keySet()) {
                        if (k.startsWith(f[1] + "@") && !ends.containsKey(k)) {
                            key = k;
                        }
                    }
                    if (key != null) {
                        ends.put(key, f);
                    }
                }
            }
            List<Call> calls = new ArrayList<>();
            starts.forEach((k, s) -> {
                String[] e = ends.get(k);
                calls.add(new Call(s.length > 3 ? s[3] : "", Long.parseLong(s[2]),
                        e == null ? -1 : Long.parseLong(e[2]), e == null ? -1 : Integer.parseInt(e[3])));
            });
            return calls;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Call> pulls() {
        return calls().stream().filter(Call::isPull).toList();
    }
}
