package io.github.ignitionassets.ignition;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NumericNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.ignitionassets.core.JsonFaults;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Config JSON read and written with Jackson: the base config, the config the validate goal checks, and the config we
 * write.
 *
 * <p>Reading is as strict as Ignition's (Go's {@code encoding/json}): one value and nothing after it; no comments,
 * single quotes, trailing commas, NaN or Infinity, leading zeros or plus signs, unescaped control characters in
 * strings; nesting at most {@value #MAX_DEPTH} deep, so that deeper input is a syntax fault like any other. A fault
 * names its line and column, with Jackson's description of it. As in Go, a repeated key keeps its first place and its
 * last value, and an escaped half of a surrogate pair in a string becomes U+FFFD (Jackson itself refuses one in a
 * key). Numbers keep the text they were written as ({@code 1e3}, {@code 1.50}, {@code -0}), so a base config is
 * written back as it was.
 *
 * <p>Writing is compact, or indented by two spaces with {@code "key": value}, LF line ends and empty containers as
 * <code>{ }</code> and {@code [ ]}. Strings escape only {@code "}, {@code \}, control characters (the short forms
 * where JSON has one, else {@code \}{@code u00XX}) and unpaired surrogates ({@code \}{@code uD800}); everything else,
 * non-ASCII included, is written as is.
 */
public final class ConfigJson {

    /** How deep objects and arrays may nest. */
    static final int MAX_DEPTH = 1000;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    // Go's decoder has no limits on these: a config with a large inline file is still a config.
                    .maxStringLength(Integer.MAX_VALUE)
                    .maxNameLength(Integer.MAX_VALUE)
                    .maxNumberLength(Integer.MAX_VALUE)
                    .build())
            .build();
    private static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY).build();
    private static final ObjectWriter COMPACT = MAPPER.writer();
    private static final ObjectWriter PRETTY = MAPPER.writer(prettyPrinter());
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ConfigJson() {
    }

    private static DefaultPrettyPrinter prettyPrinter() {
        DefaultIndenter twoSpaces = new DefaultIndenter("  ", "\n");
        Separators colonSpace = Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER);
        return new DefaultPrettyPrinter(colonSpace).withObjectIndenter(twoSpaces).withArrayIndenter(twoSpaces);
    }

    /**
     * Reads one JSON value.
     *
     * @param text the config, decoded from UTF-8 (with replacement: Go reads invalid UTF-8 as U+FFFD too)
     * @return the value, or {@code null} when the text holds none (it is empty or white space)
     * @throws SyntaxException when the text is not one JSON value
     */
    public static JsonNode read(String text) throws SyntaxException {
        return readLocated(text).value();
    }

    /**
     * Reads one JSON value and where each value in it starts.
     *
     * @param text the config, decoded from UTF-8 (with replacement)
     * @return the value ({@code null} when the text holds none) with its values' places
     * @throws SyntaxException when the text is not one JSON value
     */
    public static Located readLocated(String text) throws SyntaxException {
        if (text.startsWith("\uFEFF")) {
            throw new SyntaxException("a byte order mark (U+FEFF) before the JSON value; save the file as UTF-8 without one", 1, 1);
        }
        Map<String, Integer> starts = new HashMap<>();
        Map<String, Integer> keys = new HashMap<>();
        try (JsonParser parser = FACTORY.createParser(text)) {
            return new Located(document(parser, starts, keys), text, starts, keys);
        } catch (IOException e) {
            throw new UncheckedIOException("reading JSON from a string", e);
        }
    }

    private static JsonNode document(JsonParser p, Map<String, Integer> starts, Map<String, Integer> keys)
            throws SyntaxException, IOException {
        JsonNode value;
        try {
            JsonToken first = p.nextToken();
            if (first == null) {
                return null;
            }
            value = value(p, first, "", starts, keys);
        } catch (JsonProcessingException e) {
            throw fault(JsonFaults.describe(e), e, p);
        }
        try {
            if (p.nextToken() != null) {
                throw new SyntaxException("content after the top-level value", p.currentTokenLocation());
            }
        } catch (JsonProcessingException e) {
            throw fault("after the top-level value: " + JsonFaults.describe(e), e, p);
        }
        return value;
    }

    private static int offset(JsonParser p) {
        return Math.toIntExact(p.currentTokenLocation().getCharOffset());
    }

    private static SyntaxException fault(String reason, JsonProcessingException e, JsonParser parser) {
        return new SyntaxException(reason, JsonFaults.where(e, parser));
    }

    /**
     * The value that starts at {@code token}, noting where it, each value and each key in it start.
     *
     * @param path   the value's path as a {@link Finding} names it ({@code storage.files[0].path})
     * @param starts where each value starts, by path, as a character offset
     * @param keys   where each key starts, by the path of its value
     */
    private static JsonNode value(JsonParser p, JsonToken token, String path, Map<String, Integer> starts,
                                  Map<String, Integer> keys) throws IOException {
        // A repeated key's last value wins, as in Go; so does its place. Ignition places an object or a list just
        // inside its bracket, anything else at its first character.
        boolean container = token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY;
        starts.put(path, offset(p) + (container ? 1 : 0));
        return switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                for (String key = p.nextFieldName(); key != null; key = p.nextFieldName()) {
                    String at = path.isEmpty() ? key : path + "." + key;
                    keys.put(at, offset(p));
                    object.set(key, value(p, p.nextToken(), at, starts, keys));
                }
                yield object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    array.add(value(p, t, path + "[" + array.size() + "]", starts, keys));
                }
                yield array;
            }
            case VALUE_STRING -> NODES.textNode(asGoReadsIt(p.getText()));
            case VALUE_NUMBER_INT -> new NumberLiteral(p.getText(), true);
            case VALUE_NUMBER_FLOAT -> new NumberLiteral(p.getText(), false);
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new IllegalStateException("JSON token " + token + " where a value starts");
        };
    }

    /** The string with each unpaired surrogate (only an escape can give one) replaced by U+FFFD, as Go decodes it. */
    private static String asGoReadsIt(String s) {
        return s.codePoints().map(c -> isSurrogate(c) ? 0xFFFD : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    private static boolean isSurrogate(int codePoint) {
        return codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE;
    }

    /** The value as JSON text, compact or indented by two spaces, with no final line end. */
    public static String write(JsonNode value, boolean pretty) {
        String json;
        try {
            json = (pretty ? PRETTY : COMPACT).writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("writing a JSON tree", e);
        }
        // Jackson writes an unpaired surrogate as it is, which UTF-8 cannot encode; it can only be inside a string.
        StringBuilder out = new StringBuilder(json.length());
        json.codePoints().forEach(c -> {
            if (isSurrogate(c)) {
                out.append(String.format("\\u%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /**
     * A JSON value as read, with where each value in it starts: the line, and the column counted in UTF-8 bytes, as
     * Ignition reports them.
     */
    public static final class Located {

        private final JsonNode value;
        private final String text;
        private final Map<String, Integer> starts;
        private final Map<String, Integer> keys;
        private int[] lineStarts;

        private Located(JsonNode value, String text, Map<String, Integer> starts, Map<String, Integer> keys) {
            this.value = value;
            this.text = text;
            this.starts = starts;
            this.keys = keys;
        }

        /** The value, or {@code null} when the text held none. */
        public JsonNode value() {
            return value;
        }

        /**
         * Where the value at {@code path} starts; for a path the text does not hold (a missing field, a key written
         * in other case), where the nearest value around it starts, as Ignition reports it.
         *
         * @param path a path as a {@link Finding} names it, {@code ""} for the whole value
         */
        public Position position(String path) {
            String at = path;
            while (!starts.containsKey(at) && !at.isEmpty()) {
                at = at.substring(0, Math.max(0, Math.max(at.lastIndexOf('.'), at.lastIndexOf('['))));
            }
            return position(starts.getOrDefault(at, 0));
        }

        /** Where the key of the value at {@code path} starts, as Ignition places an unknown key; else as {@link #position}. */
        public Position keyPosition(String path) {
            Integer key = keys.get(path);
            return key == null ? position(path) : position(key);
        }

        private Position position(int offset) {
            if (lineStarts == null) {
                lineStarts = IntStream.concat(IntStream.of(0),
                        IntStream.range(0, text.length()).filter(i -> text.charAt(i) == '\n').map(i -> i + 1)).toArray();
            }
            int line = Arrays.binarySearch(lineStarts, offset);
            line = line >= 0 ? line : -line - 2;
            int column = text.substring(lineStarts[line], offset).getBytes(StandardCharsets.UTF_8).length + 1;
            return new Position(line + 1, column);
        }
    }

    /** A place in JSON text: 1-based line, and 1-based column counted in UTF-8 bytes. */
    public record Position(int line, int column) {
    }

    /** Text that is not one JSON value: what is wrong and where (1-based). */
    public static final class SyntaxException extends Exception {

        private static final long serialVersionUID = 1L;

        private final String reason;
        private final int line;
        private final int column;

        SyntaxException(String reason, int line, int column) {
            super(reason + " at line " + line + " column " + column);
            this.reason = reason;
            this.line = line;
            this.column = column;
        }

        SyntaxException(String reason, JsonLocation where) {
            this(reason, where == null ? 1 : where.getLineNr(), where == null ? 1 : where.getColumnNr());
        }

        /** What is wrong, without the place. */
        public String reason() {
            return reason;
        }

        public int line() {
            return line;
        }

        public int column() {
            return column;
        }
    }

    /**
     * A number as it was written: its text is what is written back, and its value is read from that text when asked.
     * Only a literal with neither fraction nor exponent is integral, as Go's decoder takes an integer field.
     */
    private static final class NumberLiteral extends NumericNode {

        private static final long serialVersionUID = 1L;

        private final String text;
        private final boolean integral;

        NumberLiteral(String text, boolean integral) {
            this.text = text;
            this.integral = integral;
        }

        @Override
        public JsonToken asToken() {
            return integral ? JsonToken.VALUE_NUMBER_INT : JsonToken.VALUE_NUMBER_FLOAT;
        }

        @Override
        public JsonParser.NumberType numberType() {
            if (!integral) {
                return JsonParser.NumberType.BIG_DECIMAL;
            }
            return canConvertToLong() ? JsonParser.NumberType.LONG : JsonParser.NumberType.BIG_INTEGER;
        }

        @Override
        public boolean isIntegralNumber() {
            return integral;
        }

        @Override
        public boolean isFloatingPointNumber() {
            return !integral;
        }

        @Override
        public Number numberValue() {
            if (!integral) {
                return decimalValue();
            }
            return canConvertToLong() ? Long.valueOf(longValue()) : bigIntegerValue();
        }

        @Override
        public int intValue() {
            return (int) longValue();
        }

        @Override
        public long longValue() {
            return canConvertToLong() ? Long.parseLong(text) : (long) doubleValue();
        }

        @Override
        public double doubleValue() {
            return Double.parseDouble(text);
        }

        @Override
        public BigDecimal decimalValue() {
            return new BigDecimal(text);
        }

        @Override
        public BigInteger bigIntegerValue() {
            return integral ? new BigInteger(text) : decimalValue().toBigInteger();
        }

        @Override
        public boolean canConvertToInt() {
            return canConvertToLong() && longValue() == (int) longValue();
        }

        /** An integral literal in the range of a Java (and Go) {@code long}. */
        @Override
        public boolean canConvertToLong() {
            if (!integral) {
                return false;
            }
            try {
                Long.parseLong(text);
                return true;
            } catch (NumberFormatException e) {
                return false;
            }
        }

        @Override
        public String asText() {
            return text;
        }

        @Override
        public void serialize(JsonGenerator g, SerializerProvider provider) throws IOException {
            g.writeNumber(text);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof NumberLiteral n && text.equals(n.text);
        }

        @Override
        public int hashCode() {
            return text.hashCode();
        }
    }
}
