package io.github.ignitionassets.json;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A JSON value: an object (keys in the order written), an array, a string, a number (kept as the literal it was
 * written as), a boolean or null; plus "missing", which {@link #path} gives for an absent key so that lookups can be
 * chained. Objects and arrays are mutable, as a config under construction is.
 *
 * <p>One small class instead of a JSON library: each Maven build runs the goal in a fresh JVM, where loading and
 * initialising a library's classes cost more than the goal's own work.
 */
public final class Json implements Iterable<Json> {

    /** What a value is. */
    public enum Kind { OBJECT, ARRAY, STRING, NUMBER, BOOLEAN, NULL, MISSING }

    private static final Json MISSING = new Json(Kind.MISSING, null, 0);

    private final Kind kind;
    /** The string, or the number's literal; "true"/"false" for booleans. */
    private final String text;
    private final LinkedHashMap<String, Json> fields;
    private final ArrayList<Json> elements;
    private final int line;

    private Json(Kind kind, String text, int line) {
        this.kind = kind;
        this.text = text;
        this.fields = kind == Kind.OBJECT ? new LinkedHashMap<>() : null;
        this.elements = kind == Kind.ARRAY ? new ArrayList<>() : null;
        this.line = line;
    }

    static Json parsed(Kind kind, String text, int line) {
        return new Json(kind, text, line);
    }

    /** Reads one JSON value (RFC 8259, strict); {@code null} for text with no value (empty or only white space). */
    public static Json parse(String text) throws JsonSyntaxException {
        return new JsonParser(text, null).document();
    }

    /**
     * Reads one JSON value as {@link #parse(String)} does, telling {@code observer} of each value as it begins, in
     * document order: repeated keys, which the value itself no longer shows, and everything before a fault.
     */
    public static Json parse(String text, Observer observer) throws JsonSyntaxException {
        return new JsonParser(text, observer).document();
    }

    /** Sees each value of a document as the reader meets it. */
    @FunctionalInterface
    public interface Observer {
        /**
         * @param parent  the object or array holding the value; {@code null} for the document's value
         * @param key     its key in {@code parent}, an object; {@code null} otherwise
         * @param keyLine the line of that key; 0 when there is none
         * @param value   the value, whose contents (of an object or array) follow
         */
        void value(Json parent, String key, int keyLine, Json value);
    }

    /** A new, empty object. */
    public static Json object() {
        return new Json(Kind.OBJECT, null, 0);
    }

    /** A new, empty array. */
    public static Json array() {
        return new Json(Kind.ARRAY, null, 0);
    }

    public static Json string(String value) {
        return new Json(Kind.STRING, java.util.Objects.requireNonNull(value), 0);
    }

    public static Json number(long value) {
        return new Json(Kind.NUMBER, Long.toString(value), 0);
    }

    /** A finite double, written as {@link Double#toString(double)} writes it. */
    public static Json number(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("JSON has no " + value);
        }
        return new Json(Kind.NUMBER, Double.toString(value), 0);
    }

    public static Json bool(boolean value) {
        return new Json(Kind.BOOLEAN, Boolean.toString(value), 0);
    }

    public static Json nullValue() {
        return new Json(Kind.NULL, null, 0);
    }

    /** The value for an absent key. */
    public static Json missing() {
        return MISSING;
    }

    public Kind kind() {
        return kind;
    }

    /** The line the value starts on in the text it was read from; 0 for values built in code. */
    public int line() {
        return line;
    }

    public boolean isObject() {
        return kind == Kind.OBJECT;
    }

    public boolean isArray() {
        return kind == Kind.ARRAY;
    }

    public boolean isString() {
        return kind == Kind.STRING;
    }

    public boolean isNumber() {
        return kind == Kind.NUMBER;
    }

    /** A number written with neither fraction nor exponent. */
    public boolean isIntegral() {
        if (kind != Kind.NUMBER) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.' || c == 'e' || c == 'E') {
                return false;
            }
        }
        return true;
    }

    /** An integral number in the range of a Java (and Go) {@code long}. */
    public boolean fitsLong() {
        if (!isIntegral()) {
            return false;
        }
        try {
            Long.parseLong(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    public boolean isBoolean() {
        return kind == Kind.BOOLEAN;
    }

    public boolean isNull() {
        return kind == Kind.NULL;
    }

    public boolean isMissing() {
        return kind == Kind.MISSING;
    }

    /** The string of a string value; {@code null} for anything else. */
    public String stringValue() {
        return kind == Kind.STRING ? text : null;
    }

    /** The string, the number's literal, "true" or "false"; "" for objects, arrays, null and missing. */
    public String asText() {
        return text == null ? "" : text;
    }

    /** {@code true} only for the boolean true. */
    public boolean booleanValue() {
        return kind == Kind.BOOLEAN && text.equals("true");
    }

    /** The value of a number that {@link #fitsLong fits a long}; 0 for anything else. */
    public long longValue() {
        return fitsLong() ? Long.parseLong(text) : 0;
    }

    /** The value under {@code key} of an object; {@code null} when absent or when this is not an object. */
    public Json get(String key) {
        return fields == null ? null : fields.get(key);
    }

    /** The value under {@code key} of an object; {@link #missing()} when absent or when this is not an object. */
    public Json path(String key) {
        Json v = get(key);
        return v == null ? MISSING : v;
    }

    public boolean has(String key) {
        return fields != null && fields.containsKey(key);
    }

    /** Element {@code index} of an array; {@code null} when out of range or when this is not an array. */
    public Json get(int index) {
        return elements == null || index < 0 || index >= elements.size() ? null : elements.get(index);
    }

    /** Entries of an object, or elements of an array; 0 otherwise. */
    public int size() {
        return fields != null ? fields.size() : elements != null ? elements.size() : 0;
    }

    /** An object's entries in order (empty for anything else). */
    public Set<Map.Entry<String, Json>> properties() {
        return fields == null ? Collections.emptySet() : fields.entrySet();
    }

    /** An array's elements in order (none for anything else). */
    @Override
    public Iterator<Json> iterator() {
        return elements == null ? Collections.emptyIterator() : elements.iterator();
    }

    // ---- building ------------------------------------------------------------------------------------------------

    /** Sets {@code key} of this object; a new key goes last, an existing one keeps its place. */
    public Json set(String key, Json value) {
        objectFields().put(key, java.util.Objects.requireNonNull(value));
        return this;
    }

    public Json put(String key, String value) {
        return set(key, string(value));
    }

    public Json put(String key, long value) {
        return set(key, number(value));
    }

    public Json put(String key, double value) {
        return set(key, number(value));
    }

    public Json put(String key, boolean value) {
        return set(key, bool(value));
    }

    /** Sets every entry of {@code other}, an object, on this object, in its order. */
    public Json setAll(Json other) {
        other.properties().forEach(e -> set(e.getKey(), e.getValue()));
        return this;
    }

    /** Puts a new empty object under {@code key} and returns it. */
    public Json putObject(String key) {
        Json o = object();
        set(key, o);
        return o;
    }

    /** Puts a new empty array under {@code key} and returns it. */
    public Json putArray(String key) {
        Json a = array();
        set(key, a);
        return a;
    }

    public void remove(String key) {
        objectFields().remove(key);
    }

    /** Appends to this array. */
    public Json add(Json value) {
        arrayElements().add(java.util.Objects.requireNonNull(value));
        return this;
    }

    /** Appends a new empty object to this array and returns it. */
    public Json addObject() {
        Json o = object();
        add(o);
        return o;
    }

    public void set(int index, Json value) {
        arrayElements().set(index, java.util.Objects.requireNonNull(value));
    }

    public void remove(int index) {
        arrayElements().remove(index);
    }

    /** A copy that shares nothing mutable with this value. */
    public Json deepCopy() {
        if (fields != null) {
            Json copy = new Json(kind, null, line);
            fields.forEach((k, v) -> copy.fields.put(k, v.deepCopy()));
            return copy;
        }
        if (elements != null) {
            Json copy = new Json(kind, null, line);
            for (Json e : elements) {
                copy.elements.add(e.deepCopy());
            }
            return copy;
        }
        return this;
    }

    /** The value as JSON text: compact, or indented by two spaces with {@code "key": value} and LF line ends. */
    public String write(boolean pretty) {
        StringBuilder out = new StringBuilder(256);
        JsonWriter.write(this, pretty, out);
        return out.toString();
    }

    @Override
    public String toString() {
        return kind == Kind.MISSING ? "" : write(false);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Json j && kind == j.kind && java.util.Objects.equals(text, j.text)
                && java.util.Objects.equals(fields, j.fields) && java.util.Objects.equals(elements, j.elements);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(kind, text, fields, elements);
    }

    Map<String, Json> fieldMap() {
        return fields;
    }

    List<Json> elementList() {
        return elements;
    }

    private Map<String, Json> objectFields() {
        if (fields == null) {
            throw new UnsupportedOperationException("not a JSON object: " + kind);
        }
        return fields;
    }

    private List<Json> arrayElements() {
        if (elements == null) {
            throw new UnsupportedOperationException("not a JSON array: " + kind);
        }
        return elements;
    }
}
