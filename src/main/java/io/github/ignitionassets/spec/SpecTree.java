package io.github.ignitionassets.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * A spec document as its readers see it, before any key is checked: mappings, lists and typed scalars, each with its
 * line. Every reader (the plain-YAML one, SnakeYAML, JSON) builds this tree, so the rules about keys and values are
 * written once, in {@link SpecFile}.
 *
 * <p>A reader that meets a fault stops there and keeps what it had read: entries whose value it had begun are in the
 * tree, and the fault is the document's {@link Failure}. That is what a streaming reader reports too: the problems
 * with everything before the fault, then the fault.
 */
final class SpecTree {

    private SpecTree() {
    }

    /** What a scalar is once typed as the YAML 1.1 (or JSON) reader types it. */
    enum Kind {
        STRING, NUMBER, BOOLEAN, NULL,
        /** {@code !!binary} content: neither text nor number. */
        BINARY,
        /** A value that could not be given a type at all ({@code !!int +}); reading stops when it is used. */
        UNTYPED
    }

    sealed interface Node permits Scalar, Mapping, Sequence {
        /** 1-based line where the node starts. */
        int line();
    }

    record Scalar(String text, Kind kind, int line) implements Node {
    }

    /** Entries in document order, repeats included; filled while reading, so a fault leaves it partial. */
    record Mapping(List<Entry> entries, int line) implements Node {
        Mapping(int line) {
            this(new ArrayList<>(), line);
        }
    }

    /** Only its presence matters: no spec value is a list. */
    record Sequence(int line) implements Node {
    }

    /** @param line the key's line, which is where problems with the entry are reported */
    record Entry(String key, int line, Node value) {
    }

    /**
     * A fault that ended reading.
     *
     * @param line       1-based line of the fault, or -1 when the reader gave none
     * @param why        the reader's own words
     * @param unexpected a fault the reader did not report as a syntax error (an exception of its own); reported
     *                   against the file as a whole
     */
    record Failure(int line, String why, boolean unexpected) {
    }

    /**
     * One document as read.
     *
     * @param root                the first document's top node; {@code null} for an empty stream or a fault before it
     * @param secondDocumentLine  where a second document starts, or 0
     * @param failure             the fault that ended reading, or {@code null}
     */
    record Document(Node root, int secondDocumentLine, Failure failure) {
    }
}
