package io.github.ignitionassets.spec;

import io.github.ignitionassets.spec.SpecTree.Document;
import io.github.ignitionassets.spec.SpecTree.Entry;
import io.github.ignitionassets.spec.SpecTree.Failure;
import io.github.ignitionassets.spec.SpecTree.Kind;
import io.github.ignitionassets.spec.SpecTree.Mapping;
import io.github.ignitionassets.spec.SpecTree.Node;
import io.github.ignitionassets.spec.SpecTree.Scalar;
import io.github.ignitionassets.spec.SpecTree.Sequence;
import java.io.StringReader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads any YAML into a {@link SpecTree} with SnakeYAML's event parser, event by event as Jackson's YAML parser did
 * for this project until now: the same events are read (and no more: after a root that is not a mapping, nothing),
 * aliases read as their anchor's name, and faults are reported with the line and words they always had.
 *
 * <p>Events rather than SnakeYAML's composed nodes, because composing resolves aliases and rejects undefined ones,
 * which would change what users have been told about such files.
 */
final class YamlTreeReader {

    /** Jackson's nesting limit as this project configured it; lists count as well as mappings. */
    private static final int MAX_DEPTH = 64;

    private final ParserImpl parser;
    private final Resolver resolver = new Resolver();
    /** The last event read: a fault is located at its end, as Jackson located it. */
    private Event last;

    private YamlTreeReader(String text, int maxCodePoints) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(10);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(maxCodePoints);
        this.parser = new ParserImpl(new StreamReader(new StringReader(text)), options);
    }

    /** Reads the first document; notes a second one and the first fault, if any. */
    static Document read(String text, int maxCodePoints) {
        var reader = new YamlTreeReader(text, maxCodePoints);
        var doc = new Doc();
        try {
            reader.readDocument(doc);
        } catch (MarkedYAMLException e) {
            doc.failure = reader.marked(e);
        } catch (YAMLException e) {
            doc.failure = new Failure(reader.lastLine(), firstLine(e.getMessage()), false);
        } catch (YamlScalarType.Fault e) {
            doc.failure = new Failure(e.located ? reader.lastLine() : -1, e.getMessage(), false);
        } catch (DepthExceeded e) {
            doc.failure = new Failure(-1, "Document nesting depth (" + e.depth + ") exceeds the maximum allowed ("
                    + MAX_DEPTH + ", from `StreamReadConstraints.getMaxNestingDepth()`)", false);
        } catch (NotAKey e) {
            doc.failure = new Failure(reader.lastLine(), "Expected a field name (Scalar value in YAML), got this instead: "
                    + e.event, false);
        } catch (NumberFormatException e) {
            // SnakeYAML's scanner can fail this way on some malformed input (oss-fuzz 63274)
            doc.failure = new Failure(reader.lastLine(), "Malformed Number token: failed to tokenize due to ("
                    + e.getClass().getName() + "): " + e.getMessage(), false);
        } catch (RuntimeException e) {
            doc.failure = new Failure(-1, firstLine(String.valueOf(e.getMessage())), true);
        }
        return new Document(doc.root, doc.secondDocumentLine, doc.failure);
    }

    private static final class Doc {
        Node root;
        int secondDocumentLine;
        Failure failure;
    }

    private void readDocument(Doc doc) throws YamlScalarType.Fault, DepthExceeded, NotAKey {
        Node root = value(0);
        if (root == null || isUntyped(root)) {
            return; // an empty stream (or a root no type fits, which Jackson took for the end)
        }
        doc.root = root;
        if (!(root instanceof Mapping m)) {
            return;
        }
        fill(m, 1);
        Node next = value(0);
        if (next != null && !isUntyped(next)) {
            doc.secondDocumentLine = next.line();
        }
    }

    private static boolean isUntyped(Node n) {
        return n instanceof Scalar s && s.kind() == Kind.UNTYPED;
    }

    /**
     * The next value's first event as a node: a complete scalar, or an empty mapping or list that the caller fills.
     * {@code null} at the end of the stream.
     */
    private Node value(int parentDepth) throws YamlScalarType.Fault, DepthExceeded {
        while (true) {
            Event e = next();
            int line = e.getStartMark().getLine() + 1;
            switch (e.getEventId()) {
                case Scalar:
                    return scalar((ScalarEvent) e, line);
                case MappingStart:
                    checkDepth(parentDepth + 1);
                    return new Mapping(line);
                case SequenceStart:
                    checkDepth(parentDepth + 1);
                    return new Sequence(line);
                case Alias:
                    // Not resolved: the value is the anchor's name, as it always was.
                    return new Scalar(((AliasEvent) e).getAnchor(), Kind.STRING, line);
                case StreamEnd:
                    return null;
                default:
                    // stream and document boundaries; the ends of collections are read by their fill methods
            }
        }
    }

    private Scalar scalar(ScalarEvent e, int line) throws YamlScalarType.Fault {
        String value = e.getValue();
        String tag = e.getTag();
        Kind kind;
        if (tag == null || tag.equals("!")) {
            Tag resolved = resolver.resolve(NodeId.scalar, value, e.getImplicit().canOmitTagInPlainScalar());
            kind = YamlScalarType.untagged(value, shortName(resolved));
        } else {
            kind = YamlScalarType.tagged(value, tag);
        }
        return new Scalar(value, kind, line);
    }

    private static String shortName(Tag tag) {
        if (tag.equals(Tag.STR)) {
            return YamlScalarType.STR;
        }
        if (tag.equals(Tag.INT)) {
            return YamlScalarType.INT;
        }
        if (tag.equals(Tag.FLOAT)) {
            return YamlScalarType.FLOAT;
        }
        if (tag.equals(Tag.BOOL)) {
            return YamlScalarType.BOOL;
        }
        if (tag.equals(Tag.NULL)) {
            return YamlScalarType.NULL;
        }
        return YamlScalarType.OTHER;
    }

    /** Reads a mapping's entries up to its end; an entry is kept as soon as its value has begun. */
    private void fill(Mapping m, int depth) throws YamlScalarType.Fault, DepthExceeded, NotAKey {
        while (true) {
            Event e = next();
            if (e.is(Event.ID.MappingEnd)) {
                return;
            }
            if (!e.is(Event.ID.Scalar)) {
                throw new NotAKey(e);
            }
            String key = ((ScalarEvent) e).getValue();
            int line = e.getStartMark().getLine() + 1;
            Node value = value(depth);
            if (value == null) {
                value = new Scalar("", Kind.UNTYPED, line);
            }
            m.entries().add(new Entry(key, line, value));
            skipInto(value, depth + 1);
        }
    }

    /** Reads a list's items up to its end; their content is never a spec value, only their faults matter. */
    private void skipList(int depth) throws YamlScalarType.Fault, DepthExceeded, NotAKey {
        while (true) {
            if (parser.checkEvent(Event.ID.SequenceEnd)) {
                next();
                return;
            }
            Node item = value(depth);
            if (item == null) {
                return;
            }
            skipInto(item, depth + 1);
        }
    }

    private void skipInto(Node n, int depth) throws YamlScalarType.Fault, DepthExceeded, NotAKey {
        if (n instanceof Mapping inner) {
            fill(inner, depth);
        } else if (n instanceof Sequence) {
            skipList(depth);
        }
    }

    private Event next() {
        Event e = parser.getEvent();
        last = e;
        return e;
    }

    private void checkDepth(int depth) throws DepthExceeded {
        if (depth > MAX_DEPTH) {
            throw new DepthExceeded(depth);
        }
    }

    private int lastLine() {
        Mark end = last == null ? null : last.getEndMark();
        return end == null ? -1 : end.getLine() + 1;
    }

    /** SnakeYAML knows where the fault is and what it is; keep its words, and the context's line if elsewhere. */
    private Failure marked(MarkedYAMLException m) {
        if (m.getProblem() == null || m.getProblemMark() == null) {
            return new Failure(lastLine(), firstLine(m.getMessage()), false);
        }
        int line = m.getProblemMark().getLine() + 1;
        String why = m.getProblem().strip();
        if (m.getContext() != null) {
            int contextLine = m.getContextMark() == null ? line : m.getContextMark().getLine() + 1;
            why += " (" + m.getContext().strip() + (contextLine != line ? " started on line " + contextLine : "") + ")";
        }
        return new Failure(line, why, false);
    }

    static String firstLine(String message) {
        String m = message == null ? "" : message.strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    private static final class DepthExceeded extends Exception {
        private static final long serialVersionUID = 1L;
        final int depth;

        DepthExceeded(int depth) {
            super(null, null, false, false);
            this.depth = depth;
        }
    }

    private static final class NotAKey extends Exception {
        private static final long serialVersionUID = 1L;
        final transient Event event;

        NotAKey(Event event) {
            super(null, null, false, false);
            this.event = event;
        }
    }
}
