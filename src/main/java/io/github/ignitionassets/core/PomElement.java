package io.github.ignitionassets.core;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An element of a goal parameter as the user wrote it, before any check, such as {@code <backoff>} and the
 * {@code <maxDelay>10m</maxDelay>} inside it. Kept raw so that a misspelt, repeated or misplaced element is reported
 * with the spec's own checks, all at once, rather than refused by Maven at the first mistake.
 *
 * @param name     the element's name
 * @param value    its text, or {@code null} when it has none
 * @param children the elements inside it, in the POM's order
 */
public record PomElement(String name, String value, List<PomElement> children) {

    public PomElement {
        Objects.requireNonNull(name, "name");
        children = List.copyOf(children);
    }

    /** An element holding one text element per entry, in the map's order. */
    public static PomElement of(String name, Map<String, String> children) {
        return new PomElement(name, null, children.entrySet().stream()
                .map(e -> new PomElement(e.getKey(), e.getValue(), List.of()))
                .toList());
    }
}
