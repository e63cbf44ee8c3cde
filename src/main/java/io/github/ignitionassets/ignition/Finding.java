package io.github.ignitionassets.ignition;

import java.util.Objects;

/**
 * One error or warning about an Ignition config.
 *
 * @param path    where, JSON-path style with 0-based indexes, e.g. {@code storage.files[1].path}; empty for the root
 * @param kind    a stable identifier of what is wrong
 * @param message what is wrong, for people
 */
public record Finding(String path, FindingKind kind, String message) {

    public Finding {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return (path.isEmpty() ? "(root)" : path) + ": " + message + " [" + kind + "]";
    }
}
