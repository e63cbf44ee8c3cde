package io.github.ignitionassets.backoff;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
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

/**
 * Reads a JSON spec into a {@link SpecTree} with Jackson's streaming parser. The only class of the spec reader that
 * knows Jackson: another JSON reader that gives values with their lines can replace it.
 */
final class JsonTreeReader {

    private final JsonParser parser;
    /** Set as soon as the first token is read, so that a fault later leaves what was read before it. */
    private Node root;
    private int secondDocumentLine;

    private JsonTreeReader(JsonParser parser) {
        this.parser = parser;
    }

    /** Reads the first document; notes a second one and the first fault, if any. */
    static Document read(String text, int maxChars) {
        StreamReadConstraints limits = StreamReadConstraints.builder().maxNestingDepth(64).maxStringLength(maxChars).build();
        JsonFactory factory = JsonFactory.builder().streamReadConstraints(limits).build();
        JsonTreeReader reader = null;
        Failure failure = null;
        try (JsonParser p = factory.createParser(text)) {
            reader = new JsonTreeReader(p);
            reader.readDocument();
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
            failure = new Failure(line, YamlTreeReader.firstLine(e.getOriginalMessage()), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            failure = new Failure(-1, YamlTreeReader.firstLine(String.valueOf(e.getMessage())), true);
        }
        return reader == null ? new Document(null, 0, failure)
                : new Document(reader.root, reader.secondDocumentLine, failure);
    }

    private void readDocument() throws IOException {
        JsonToken t = parser.nextToken();
        if (t == null) {
            return;
        }
        root = node(t);
        if (root instanceof Mapping m) {
            fill(m);
            if (parser.nextToken() != null) {
                secondDocumentLine = line();
            }
        }
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
