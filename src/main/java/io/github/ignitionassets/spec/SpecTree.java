package io.github.ignitionassets.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * A spec document as a reader sees it, before any key is checked: mappings, lists and typed scalars, each with its
 * line. The YAML and the JSON reader both build this tree, so the rules about keys and values are written once, in
 * {@link SpecFile}.
 */
final class SpecTree {

    private SpecTree() {
    }

    /** What a scalar is: a YAML node's tag, or a JSON token's type. */
    enum Kind {
        STRING, NUMBER, BOOLEAN, NULL,
        /** {@code !!binary} content: neither text nor number. */
        BINARY,
        /** A value that does not fit the tag written on it ({@code !!int +}). */
        MISFIT
    }

    sealed interface Node permits Scalar, Mapping, Sequence {
        /** 1-based line where the node starts. */
        int line();
    }

    record Scalar(String text, Kind kind, int line) implements Node {
    }

    /** Entries in document order, repeats included. */
    record Mapping(List<Entry> entries, int line) implements Node {
        Mapping(int line) {
            this(new ArrayList<>(), line);
        }
    }

    /** Only its presence matters: no spec value is a list. */
    record Sequence(int line) implements Node {
    }

    /** @param key a scalar for any key a spec can hold; YAML also allows a list or a mapping, which is a problem */
    record Entry(Node key, Node value) {
    }

    /**
     * A fault that ended reading.
     *
     * @param line   1-based line of the fault, or 0 when the reader gave none
     * @param column 1-based column of the fault, or 0 when not given
     * @param why    what is wrong, mostly in the reader's own words
     */
    record Failure(int line, int column, String why) {
        Failure(int line, String why) {
            this(line, 0, why);
        }
    }

    /**
     * One document as read.
     *
     * @param root               the document's top node; {@code null} for an empty one, or a fault before it
     * @param secondDocumentLine where a second document starts, or 0
     * @param failure            the fault that ended reading, or {@code null}
     */
    record Document(Node root, int secondDocumentLine, Failure failure) {
    }
}
