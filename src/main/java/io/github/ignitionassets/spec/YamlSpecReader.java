package io.github.ignitionassets.spec;

import io.github.ignitionassets.spec.SpecTree.Document;
import io.github.ignitionassets.spec.SpecTree.Entry;
import io.github.ignitionassets.spec.SpecTree.Failure;
import io.github.ignitionassets.spec.SpecTree.Kind;
import io.github.ignitionassets.spec.SpecTree.Mapping;
import io.github.ignitionassets.spec.SpecTree.Scalar;
import io.github.ignitionassets.spec.SpecTree.Sequence;
import java.io.StringReader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads YAML into a {@link SpecTree} with SnakeYAML's composer (YAML 1.1): its nodes, their lines and the tags its
 * resolver gives them, and nothing constructed from them. Aliases are resolved by the composer: an alias stands for
 * its anchor's node.
 */
final class YamlSpecReader {

    /** Mappings and lists inside each other, the root included; a spec needs two. */
    static final int MAX_NESTING = 64;
    /** Aliases to a mapping or a list, which is how a small document expands into a huge one. */
    static final int MAX_COLLECTION_ALIASES = 10;

    private static final Resolver RESOLVER = new Resolver();

    private YamlSpecReader() {
    }

    /**
     * Reads the first document and notes where a second one starts, or the fault that ended reading.
     *
     * @param maxCodePoints the most text SnakeYAML reads before it gives up
     */
    static Document read(String text, int maxCodePoints) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(maxCodePoints);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setMaxAliasesForCollections(MAX_COLLECTION_ALIASES);
        options.setMergeOnCompose(false);
        // Repeated and recursive keys are checks of SnakeYAML's constructor, which composing does not run
        // (setAllowDuplicateKeys and setAllowRecursiveKeys change nothing here): SpecFile reports a repeated key with
        // its line, and any key that is not a scalar, a recursive one included.
        StreamReader stream = new StreamReader(new StringReader(text));
        Composer composer = new Composer(new ParserImpl(stream, options), RESOLVER, options);
        SpecTree.Node root = null;
        try {
            if (!composer.checkNode()) {
                return new Document(null, 0, null);
            }
            root = tree(composer.getNode(), 1);
            int second = composer.checkNode() ? line(composer.getNode().getStartMark()) : 0;
            return new Document(root, second, null);
        } catch (MarkedYAMLException e) {
            return new Document(root, 0, marked(e));
        } catch (YAMLException e) {
            // a limit (nesting, aliases, size): SnakeYAML gives no mark, but its reader is where it stopped
            return new Document(root, 0, new Failure(line(stream.getMark()), firstLine(e.getMessage())));
        } catch (NumberFormatException e) {
            // SnakeYAML 2.5 reads a "\U" escape with Integer.parseInt, which fails past \U7FFFFFFF
            return new Document(root, 0, new Failure(line(stream.getMark()),
                    "found a \\U escape that is no Unicode character (while scanning a double-quoted scalar)"));
        }
    }

    /**
     * The node as a spec tree. A spec is two mappings deep; below that only a node's shape matters, so a mapping
     * there is read without its entries, and an alias of a mapping inside itself cannot loop.
     */
    private static SpecTree.Node tree(Node node, int depth) {
        int line = line(node.getStartMark());
        if (node instanceof ScalarNode s) {
            return new Scalar(s.getValue(), kind(s), line);
        }
        if (node instanceof SequenceNode) {
            return new Sequence(line);
        }
        Mapping mapping = new Mapping(line);
        if (depth <= 2) {
            for (NodeTuple t : ((MappingNode) node).getValue()) {
                mapping.entries().add(new Entry(tree(t.getKeyNode(), 3), tree(t.getValueNode(), depth + 1)));
            }
        }
        return mapping;
    }

    /**
     * A scalar's kind by its tag, which the resolver gave it or the document wrote. A number, boolean or null tag
     * that the document wrote must fit the text, as the resolver would read it untagged ({@code !!int 09} does not);
     * the text itself is never converted.
     */
    private static Kind kind(ScalarNode scalar) {
        Tag tag = scalar.getTag();
        if (tag.equals(Tag.STR)) {
            return Kind.STRING;
        }
        if (tag.equals(Tag.BINARY)) {
            return Kind.BINARY;
        }
        Tag untagged = RESOLVER.resolve(NodeId.scalar, scalar.getValue(), true);
        if (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)) {
            boolean fits = untagged.equals(Tag.INT) || tag.equals(Tag.FLOAT) && untagged.equals(Tag.FLOAT);
            return fits ? Kind.NUMBER : Kind.MISFIT;
        }
        if (tag.equals(Tag.BOOL) || tag.equals(Tag.NULL)) {
            return !untagged.equals(tag) ? Kind.MISFIT : tag.equals(Tag.BOOL) ? Kind.BOOLEAN : Kind.NULL;
        }
        return Kind.STRING; // timestamps, merge keys, tags of one's own: the text as written
    }

    private static int line(Mark mark) {
        return mark == null ? 0 : mark.getLine() + 1;
    }

    /** SnakeYAML knows where the fault is and what it is; keep its words, and the context's line if elsewhere. */
    private static Failure marked(MarkedYAMLException e) {
        if (e.getProblem() == null || e.getProblemMark() == null) {
            return new Failure(line(e.getContextMark()), firstLine(e.getMessage()));
        }
        int line = line(e.getProblemMark());
        String why = e.getProblem().strip();
        if (e.getContext() != null) {
            int contextLine = e.getContextMark() == null ? line : line(e.getContextMark());
            why += " (" + e.getContext().strip() + (contextLine != line ? " started on line " + contextLine : "") + ")";
        }
        return new Failure(line, why);
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.strip().lines().findFirst().orElse("");
    }
}
