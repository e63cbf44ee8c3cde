package io.github.ignitionassets.backoff;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.github.ignitionassets.backoff.SpecTree.Document;
import io.github.ignitionassets.backoff.SpecTree.Entry;
import io.github.ignitionassets.backoff.SpecTree.Failure;
import io.github.ignitionassets.backoff.SpecTree.Kind;
import io.github.ignitionassets.backoff.SpecTree.Mapping;
import io.github.ignitionassets.backoff.SpecTree.Node;
import io.github.ignitionassets.backoff.SpecTree.Scalar;
import io.github.ignitionassets.backoff.SpecTree.Sequence;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

/**
 * Reads a JSON spec into a {@link SpecTree} with Jackson's streaming parser, as strictly as configs are read (one
 * value, nothing after it). The tree is built as the parser meets each value, so repeated keys stay visible and a
 * syntax fault leaves what was read before it.
 */
final class JsonTreeReader {

    private static final JsonFactory FACTORY = new JsonFactory();
    /** Another place a message names (an object's start), which reads {@code line 1, column 1} instead. */
    private static final Pattern JACKSON_PLACE = Pattern.compile("\\[Source: [^;\\]]*; line: (\\d+), column: (\\d+)]");

    private final JsonParser parser;
    /** Set as soon as the first token is read, so that a fault later leaves what was read before it. */
    private Node root;

    private JsonTreeReader(JsonParser parser) {
        this.parser = parser;
    }

    /** Reads the document; notes its first fault, if any. */
    static Document read(String text) {
        Failure failure = null;
        Node root = null;
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonTreeReader reader = new JsonTreeReader(p);
            try {
                failure = reader.readDocument();
            } catch (JsonProcessingException e) {
                int line = e.getLocation() != null ? e.getLocation().getLineNr() : p.currentLocation().getLineNr();
                String why = JACKSON_PLACE.matcher(e.getOriginalMessage()).replaceAll("line $1, column $2");
                failure = new Failure(line, why, false);
            }
            root = reader.root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Document(root, 0, failure);
    }

    private Failure readDocument() throws IOException {
        JsonToken t = parser.nextToken();
        if (t == null) {
            return null;
        }
        root = node(t);
        if (root instanceof Mapping m) {
            fill(m);
        } else if (root instanceof Sequence) {
            parser.skipChildren();
        }
        return parser.nextToken() == null ? null : new Failure(line(), "content after the top-level value", false);
    }

    private void fill(Mapping m) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            int line = line();
            Node value = node(parser.nextToken());
            m.entries().add(new Entry(key, line, value));
            if (value instanceof Mapping inner) {
                fill(inner);
            } else if (value instanceof Sequence) {
                parser.skipChildren();
            }
        }
    }

    private Node node(JsonToken t) throws IOException {
        int line = line();
        return switch (t) {
            case START_OBJECT -> new Mapping(line);
            case START_ARRAY -> new Sequence(line);
            case VALUE_STRING -> new Scalar(parser.getText(), Kind.STRING, line);
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new Scalar(parser.getText(), Kind.NUMBER, line);
            case VALUE_TRUE, VALUE_FALSE -> new Scalar(parser.getText(), Kind.BOOLEAN, line);
            case VALUE_NULL -> new Scalar("null", Kind.NULL, line);
            default -> throw new IllegalStateException("JSON token " + t + " where a value starts");
        };
    }

    private int line() {
        return parser.currentTokenLocation().getLineNr();
    }
}
