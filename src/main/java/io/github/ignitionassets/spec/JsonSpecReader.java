package io.github.ignitionassets.spec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.github.ignitionassets.core.JsonFaults;
import io.github.ignitionassets.spec.SpecTree.Document;
import io.github.ignitionassets.spec.SpecTree.Entry;
import io.github.ignitionassets.spec.SpecTree.Failure;
import io.github.ignitionassets.spec.SpecTree.Kind;
import io.github.ignitionassets.spec.SpecTree.Mapping;
import io.github.ignitionassets.spec.SpecTree.Node;
import io.github.ignitionassets.spec.SpecTree.Scalar;
import io.github.ignitionassets.spec.SpecTree.Sequence;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Reads a JSON spec into a {@link SpecTree} with Jackson's streaming parser, strictly: RFC 8259 and nothing more,
 * one value and nothing after it. The tree is built token by token, so a repeated key stays visible (SpecFile
 * reports it with its line) and a fault leaves what was read before it.
 */
final class JsonSpecReader {

    /**
     * Jackson's defaults are RFC 8259 and nothing more; a repeated key is the walker's to report, as "is given twice"
     * with the key's line, so duplicate detection stays off as it is by default.
     */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(YamlSpecReader.MAX_NESTING)
                    .maxDocumentLength(SpecFile.MAX_BYTES)
                    .maxNumberLength(SpecFile.MAX_BYTES) // literals are kept as text: PullSpecs judges their size
                    .build())
            .build();

    private Node root;

    private JsonSpecReader() {
    }

    /** Reads the document; notes its fault, if any. */
    static Document read(String text) {
        var reader = new JsonSpecReader();
        try (JsonParser parser = FACTORY.createParser(text)) {
            try {
                Failure failure = reader.readDocument(parser);
                return new Document(reader.root, 0, failure);
            } catch (JsonProcessingException e) {
                JsonLocation at = JsonFaults.where(e, parser);
                return new Document(reader.root, 0, new Failure(at.getLineNr(), at.getColumnNr(), JsonFaults.describe(e)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a String has no I/O to fail
        }
    }

    private Failure readDocument(JsonParser parser) throws IOException {
        if (parser.nextToken() == null) {
            return null; // an empty file: every value its default
        }
        root = node(parser);
        fill(parser, root);
        if (parser.nextToken() != null) {
            JsonLocation at = parser.currentTokenLocation();
            return new Failure(at.getLineNr(), at.getColumnNr(), "found '" + parser.getText() + "' after the top-level value");
        }
        return null;
    }

    /** The current token as a node: a scalar, or a mapping or list whose content is still to be read. */
    private static Node node(JsonParser parser) throws IOException {
        int line = parser.currentTokenLocation().getLineNr();
        return switch (parser.currentToken()) {
            case START_OBJECT -> new Mapping(line);
            case START_ARRAY -> new Sequence(line);
            case VALUE_STRING -> new Scalar(parser.getText(), Kind.STRING, line);
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new Scalar(parser.getText(), Kind.NUMBER, line);
            case VALUE_TRUE, VALUE_FALSE -> new Scalar(parser.getText(), Kind.BOOLEAN, line);
            default -> new Scalar("null", Kind.NULL, line);
        };
    }

    /** Reads a mapping's entries or skips a list's items, up to its end; each entry is kept as soon as it begins. */
    private static void fill(JsonParser parser, Node node) throws IOException {
        if (node instanceof Sequence) {
            parser.skipChildren();
        } else if (node instanceof Mapping mapping) {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                var key = new Scalar(parser.currentName(), Kind.STRING, parser.currentTokenLocation().getLineNr());
                parser.nextToken();
                Node value = node(parser);
                mapping.entries().add(new Entry(key, value));
                fill(parser, value);
            }
        }
    }
}
