package io.github.ignitionassets.core;

import java.util.Objects;

/**
 * One thing wrong with the user's input, tied to the field as the user wrote it.
 *
 * @param field   the POM parameter or spec key, e.g. {@code backoff.maxDelay}
 * @param source  where the value came from (a spec file and line, or the POM); may be empty
 * @param message what is wrong and what is allowed, naming the value
 */
public record Problem(String field, String source, String message) {

    /** The source of values given as goal parameters. */
    public static final String POM = "POM";

    public Problem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(message, "message");
    }

    /** A problem with a value given in the POM (or as the property that sets the same parameter). */
    public static Problem inPom(String field, String message) {
        return new Problem(field, POM, message);
    }

    /** A problem with no particular source. */
    public static Problem of(String field, String message) {
        return new Problem(field, "", message);
    }

    @Override
    public String toString() {
        return source.isEmpty() ? field + ": " + message : field + " (" + source + "): " + message;
    }
}
