package io.github.ignitionassets.json;

/**
 * A strict RFC 8259 reader: what Go's {@code encoding/json} (and so Ignition) accepts, with its messages. No
 * comments, no trailing commas, no leading zeros, no NaN; a repeated key keeps its first position and its last
 * value, as Go's decoder does. Nesting deeper than {@value #MAX_DEPTH} is refused rather than risking the stack.
 */
final class JsonParser {

    static final int MAX_DEPTH = 1000;

    private final String s;
    private final Json.Observer observer;
    private int pos;
    private int line = 1;
    private int depth;

    JsonParser(String text, Json.Observer observer) {
        this.s = text;
        this.observer = observer;
    }

    Json document() throws JsonSyntaxException {
        skipSpace();
        if (pos == s.length()) {
            return null;
        }
        Json value = value(null, null, 0);
        skipSpace();
        if (pos < s.length()) {
            throw error("invalid character " + quote(s.codePointAt(pos)) + " after top-level value");
        }
        return value;
    }

    /**
     * Reads a value and puts it into its parent (an object, under {@code key}, or an array) as soon as it exists, so
     * that an observer sees every value, in order, before any fault after it.
     */
    private Json value(Json parent, String key, int keyLine) throws JsonSyntaxException {
        if (pos == s.length()) {
            throw endOfInput();
        }
        char c = s.charAt(pos);
        Json v;
        switch (c) {
            case '{' -> v = Json.parsed(Json.Kind.OBJECT, null, line);
            case '[' -> v = Json.parsed(Json.Kind.ARRAY, null, line);
            case '"' -> v = Json.parsed(Json.Kind.STRING, string(), line);
            case 't' -> {
                literal("true");
                v = Json.parsed(Json.Kind.BOOLEAN, "true", line);
            }
            case 'f' -> {
                literal("false");
                v = Json.parsed(Json.Kind.BOOLEAN, "false", line);
            }
            case 'n' -> {
                literal("null");
                v = Json.parsed(Json.Kind.NULL, null, line);
            }
            default -> {
                if (c != '-' && (c < '0' || c > '9')) {
                    throw error("invalid character " + quote(s.codePointAt(pos)) + " looking for beginning of value");
                }
                v = Json.parsed(Json.Kind.NUMBER, number(), line);
            }
        }
        if (parent != null && parent.isObject()) {
            parent.fieldMap().put(key, v);
        } else if (parent != null) {
            parent.elementList().add(v);
        }
        if (observer != null) {
            observer.value(parent, key, keyLine, v);
        }
        if (c == '{') {
            object(v);
        } else if (c == '[') {
            array(v);
        }
        return v;
    }

    private void object(Json o) throws JsonSyntaxException {
        enter();
        pos++;
        skipSpace();
        if (peek() == '}') {
            pos++;
            depth--;
            return;
        }
        while (true) {
            if (pos == s.length()) {
                throw endOfInput();
            }
            if (s.charAt(pos) != '"') {
                throw error("invalid character " + quote(s.codePointAt(pos)) + " looking for beginning of object key string");
            }
            int keyLine = line;
            String key = string();
            skipSpace();
            if (pos == s.length()) {
                throw endOfInput();
            }
            if (s.charAt(pos) != ':') {
                throw error("invalid character " + quote(s.codePointAt(pos)) + " after object key");
            }
            pos++;
            skipSpace();
            value(o, key, keyLine);
            skipSpace();
            if (pos == s.length()) {
                throw endOfInput();
            }
            char c = s.charAt(pos++);
            if (c == '}') {
                depth--;
                return;
            }
            if (c != ',') {
                pos--;
                throw error("invalid character " + quote(s.codePointAt(pos)) + " after object key:value pair");
            }
            skipSpace();
        }
    }

    private void array(Json a) throws JsonSyntaxException {
        enter();
        pos++;
        skipSpace();
        if (peek() == ']') {
            pos++;
            depth--;
            return;
        }
        while (true) {
            value(a, null, 0);
            skipSpace();
            if (pos == s.length()) {
                throw endOfInput();
            }
            char c = s.charAt(pos++);
            if (c == ']') {
                depth--;
                return;
            }
            if (c != ',') {
                pos--;
                throw error("invalid character " + quote(s.codePointAt(pos)) + " after array element");
            }
            skipSpace();
        }
    }

    private void enter() throws JsonSyntaxException {
        if (++depth > MAX_DEPTH) {
            throw error("exceeded max depth");
        }
    }

    private String string() throws JsonSyntaxException {
        pos++; // the opening quote
        int start = pos;
        // Most strings have no escapes: take them as one substring.
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == '"') {
                return s.substring(start, pos++);
            }
            if (c == '\\' || c < 0x20 || Character.isSurrogate(c)) {
                break;
            }
            pos++;
        }
        StringBuilder b = new StringBuilder(pos - start + 16).append(s, start, pos);
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == '"') {
                pos++;
                return b.toString();
            }
            if (c < 0x20) {
                throw error("invalid character " + quote(c) + " in string literal");
            }
            if (c != '\\') {
                if (Character.isHighSurrogate(c) && pos + 1 < s.length() && Character.isLowSurrogate(s.charAt(pos + 1))) {
                    b.append(c).append(s.charAt(pos + 1));
                    pos += 2;
                    continue;
                }
                // Go's decoder reads what is not UTF-8 as U+FFFD; a lone surrogate is not.
                b.append(Character.isSurrogate(c) ? '\uFFFD' : c);
                pos++;
                continue;
            }
            pos++;
            if (pos == s.length()) {
                throw endOfInput();
            }
            char e = s.charAt(pos++);
            switch (e) {
                case '"', '\\', '/' -> b.append(e);
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'u' -> {
                    int v = hex4(pos);
                    if (v < 0) {
                        while (pos < s.length() && hexDigit(s.charAt(pos)) >= 0) {
                            pos++; // to the character that is not a hex digit, for the message
                        }
                        if (pos == s.length()) {
                            throw endOfInput();
                        }
                        throw error("invalid character " + quote(s.codePointAt(pos)) + " in \\u hexadecimal character escape");
                    }
                    pos += 4;
                    char u = (char) v;
                    int low = Character.isHighSurrogate(u) && pos + 1 < s.length() && s.charAt(pos) == '\\'
                            && s.charAt(pos + 1) == 'u' ? hex4(pos + 2) : -1;
                    if (low >= 0 && Character.isLowSurrogate((char) low)) {
                        b.append(u).append((char) low); // an escaped pair is one character
                        pos += 6;
                    } else {
                        // As Go's decoder: an escaped surrogate on its own is U+FFFD.
                        b.append(Character.isSurrogate(u) ? '\uFFFD' : u);
                    }
                }
                default -> {
                    pos--;
                    throw error("invalid character " + quote(s.codePointAt(pos)) + " in string escape code");
                }
            }
        }
        throw endOfInput();
    }

    /** The value of four hex digits at {@code at}, or -1. */
    private int hex4(int at) {
        if (at + 4 > s.length()) {
            return -1;
        }
        int v = 0;
        for (int i = at; i < at + 4; i++) {
            int d = hexDigit(s.charAt(i));
            if (d < 0) {
                return -1;
            }
            v = v * 16 + d;
        }
        return v;
    }

    /** An ASCII hex digit's value, or -1 ({@link Character#digit} would also take other scripts' digits). */
    private static int hexDigit(char c) {
        return c <= 'f' ? Character.digit(c, 16) : -1;
    }

    private String number() throws JsonSyntaxException {
        int start = pos;
        if (s.charAt(pos) == '-') {
            pos++;
            if (pos == s.length()) {
                throw endOfInput();
            }
            if (!digit(s.charAt(pos))) {
                throw error("invalid character " + quote(s.codePointAt(pos)) + " in numeric literal");
            }
        }
        if (s.charAt(pos) == '0') {
            pos++;
        } else {
            while (pos < s.length() && digit(s.charAt(pos))) {
                pos++;
            }
        }
        if (pos < s.length() && s.charAt(pos) == '.') {
            pos++;
            if (pos == s.length()) {
                throw endOfInput();
            }
            if (!digit(s.charAt(pos))) {
                throw error("invalid character " + quote(s.codePointAt(pos)) + " after decimal point in numeric literal");
            }
            while (pos < s.length() && digit(s.charAt(pos))) {
                pos++;
            }
        }
        if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
            pos++;
            if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
                pos++;
            }
            if (pos == s.length()) {
                throw endOfInput();
            }
            if (!digit(s.charAt(pos))) {
                throw error("invalid character " + quote(s.codePointAt(pos)) + " in exponent of numeric literal");
            }
            while (pos < s.length() && digit(s.charAt(pos))) {
                pos++;
            }
        }
        return s.substring(start, pos);
    }

    private void literal(String word) throws JsonSyntaxException {
        for (int i = 0; i < word.length(); i++, pos++) {
            if (pos == s.length()) {
                throw endOfInput();
            }
            if (s.charAt(pos) != word.charAt(i)) {
                throw error("invalid character " + quote(s.codePointAt(pos)) + " in literal " + word
                        + " (expecting " + quote(word.charAt(i)) + ")");
            }
        }
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    private char peek() {
        return pos < s.length() ? s.charAt(pos) : 0;
    }

    private void skipSpace() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == '\n') {
                line++;
            } else if (c != ' ' && c != '\t' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private JsonSyntaxException endOfInput() {
        return error("unexpected end of JSON input");
    }

    /** The error at the current position, with its line and column (in characters, 1-based). */
    private JsonSyntaxException error(String reason) {
        int l = 1;
        int lineStart = 0;
        int end = Math.min(pos, s.length());
        for (int i = 0; i < end; i++) {
            if (s.charAt(i) == '\n') {
                l++;
                lineStart = i + 1;
            }
        }
        return new JsonSyntaxException(reason, l, end - lineStart + 1);
    }

    /** A character as Go's decoder quotes it in its messages. */
    static String quote(int c) {
        return switch (c) {
            case '\'' -> "'\\''";
            case '"' -> "'\"'";
            case '\\' -> "'\\\\'";
            case '\n' -> "'\\n'";
            case '\r' -> "'\\r'";
            case '\t' -> "'\\t'";
            case '\b' -> "'\\b'";
            case '\f' -> "'\\f'";
            case 0x07 -> "'\\a'";
            case 0x0b -> "'\\v'";
            default -> c < 0x20 || c == 0x7f ? String.format("'\\x%02x'", c)
                    : c == 0xfeff ? "'\\ufeff'" : "'" + new String(Character.toChars(c)) + "'";
        };
    }
}
