package io.github.ignitionassets.systemd;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A unit's text as {@link UnitSyntax} read it: its options in order and, when the reader had to stop, why.
 *
 * @param text    the text read
 * @param dialect whose reading this is
 * @param options every option read before the reader stopped, in order
 * @param error   why the reader stopped before the end, in go-systemd's words; empty when it read the whole text
 */
public record UnitDocument(String text, UnitSyntax.Dialect dialect, List<Option> options, Optional<String> error) {

    /**
     * One option ({@code Name=value}).
     *
     * @param section   the section it is in, as written between {@code [} and {@code ]}
     * @param name      the name, trimmed
     * @param value     the value, trimmed; a continued value as the dialect joins it
     * @param firstLine the 1-based line its name is on
     * @param lastLine  the last line its value takes (the same as {@code firstLine} unless continued)
     */
    public record Option(String section, String name, String value, int firstLine, int lastLine) {
    }

    public UnitDocument {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(dialect, "dialect");
        options = List.copyOf(options);
        Objects.requireNonNull(error, "error");
    }

    /** The options of one section, in order. */
    public Stream<Option> options(String section) {
        return options.stream().filter(o -> o.section().equals(section));
    }

    /** Whether some option lies in the {@code [Install]} section, as Ignition asks for an enabled unit. */
    public boolean hasInstall() {
        return options("Install").findAny().isPresent();
    }

    /**
     * Where a line begins in {@link #text()}, lines ending as the dialect ends them.
     *
     * @param line 1-based, at most one past the last line
     */
    public int offsetOfLine(int line) {
        int[] starts = UnitSyntax.lineStarts(dialect, text::charAt, text.length());
        if (line < 1 || line > starts.length) {
            throw new IllegalArgumentException("line " + line + " of a text with " + starts.length + " line starts");
        }
        return starts[line - 1];
    }
}
