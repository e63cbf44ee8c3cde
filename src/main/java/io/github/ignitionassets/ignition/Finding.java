package io.github.ignitionassets.ignition;

import java.util.Objects;

/**
 * One error or warning about an Ignition config.
 *
 * @param path    where, JSON-path style with 0-based indexes, e.g. {@code storage.files[1].path}; empty for the root
 * @param kind    a stable identifier of what is wrong
 * @param message what is wrong, for people
 * @param line    the 1-based line in the config's text where the value at {@code path} starts (or the nearest value
 *                around it, when the text has none there), as Ignition reports it; 0 when the config had no text
 * @param column  the 1-based column of that place, in UTF-8 bytes; 0 when the config had no text
 */
public record Finding(String path, FindingKind kind, String message, int line, int column) {

    public Finding {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    /** A finding about a config that has no text (a tree built in memory). */
    public Finding(String path, FindingKind kind, String message) {
        this(path, kind, message, 0, 0);
    }

    /** Whether the finding knows its place in the config's text. */
    public boolean hasPosition() {
        return line > 0;
    }

    /** This finding at a place in the text. */
    Finding at(ConfigJson.Position position) {
        return new Finding(path, kind, message, position.line(), position.column());
    }

    @Override
    public String toString() {
        return (path.isEmpty() ? "(root)" : path) + (hasPosition() ? String.format(" (line %d col %d)", line, column) : "")
                + ": " + message + " [" + kind + "]";
    }
}
