package io.github.ignitionassets.spec;

import io.github.ignitionassets.spec.SpecTree.Document;
import io.github.ignitionassets.spec.SpecTree.Entry;
import io.github.ignitionassets.spec.SpecTree.Failure;
import io.github.ignitionassets.spec.SpecTree.Kind;
import io.github.ignitionassets.spec.SpecTree.Mapping;
import io.github.ignitionassets.spec.SpecTree.Node;
import io.github.ignitionassets.spec.SpecTree.Scalar;
import io.github.ignitionassets.spec.SpecTree.Sequence;
import io.github.ignitionassets.json.Json;
import io.github.ignitionassets.json.JsonSyntaxException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Reads a JSON spec into a {@link SpecTree} with our strict JSON reader (Go's rules and messages, as for configs).
 * The tree is built as the reader meets each value, so repeated keys stay visible and a syntax fault leaves what was
 * read before it.
 */
final class JsonTreeReader {

    private final Map<Json, Mapping> mappings = new IdentityHashMap<>();
    private Node root;

    private JsonTreeReader() {
    }

    /** Reads the document; notes its first fault, if any. */
    static Document read(String text) {
        JsonTreeReader reader = new JsonTreeReader();
        Failure failure = null;
        try {
            Json.parse(text, reader::value);
        } catch (JsonSyntaxException e) {
            failure = new Failure(e.line(), e.reason());
        }
        return new Document(reader.root, 0, failure);
    }

    private void value(Json parent, String key, int keyLine, Json value) {
        Node node = switch (value.kind()) {
            case OBJECT -> {
                Mapping m = new Mapping(value.line());
                mappings.put(value, m);
                yield m;
            }
            case ARRAY -> new Sequence(value.line());
            case STRING -> new Scalar(value.stringValue(), Kind.STRING, value.line());
            case NUMBER -> new Scalar(value.asText(), Kind.NUMBER, value.line());
            case BOOLEAN -> new Scalar(value.asText(), Kind.BOOLEAN, value.line());
            default -> new Scalar("null", Kind.NULL, value.line());
        };
        if (parent == null) {
            root = node;
        } else if (key != null && mappings.containsKey(parent)) {
            mappings.get(parent).entries().add(new Entry(new Scalar(key, Kind.STRING, keyLine), node));
        }
    }
}
