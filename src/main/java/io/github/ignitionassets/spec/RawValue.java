package io.github.ignitionassets.spec;

/**
 * A spec value before validation, with where it was written.
 *
 * @param text    the value as text
 * @param number  whether it was written as a number (a YAML/JSON number, not a string)
 * @param source  where it came from, e.g. {@code src/main/ignition/pull.yaml line 4} or {@code POM}
 */
public record RawValue(String text, boolean number, String source) {
}
