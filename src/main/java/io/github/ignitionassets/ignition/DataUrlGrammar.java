package io.github.ignitionassets.ignition;

import java.util.Base64;

/**
 * Whether {@code dataurl.DecodeString} of {@code vincent-petithory/dataurl} v1.0.0 (the version Ignition 2.14 uses)
 * accepts a data URL, and if not, its error. A port of that package's lexer ({@code lex.go}, a state machine, one
 * state per method here) and of the decoding its parser does on the way ({@code dataurl.go}, {@code rfc2396.go}),
 * quirks included: a media type need only start with {@code text}, {@code image}, ... ({@code textual/x} passes),
 * parameter values may be quoted strings that Go's {@code strconv.Unquote} then reads, and an empty quoted value
 * leaves the next value to be unquoted too.
 */
final class DataUrlGrammar {

    private static final int EOF = -1;

    private final String input;
    private int pos;
    private int start;
    private int width;
    private boolean seenBase64;
    private boolean unquoteNextValue;
    private String error;

    private DataUrlGrammar(String input) {
        this.input = input;
    }

    /** Why dataurl refuses the URL, or null. */
    static String error(String url) {
        DataUrlGrammar lexer = new DataUrlGrammar(url);
        lexer.run();
        return lexer.error;
    }

    /** A lexer state: does its work and gives the next state, or null at the end. */
    private interface State {
        State next();
    }

    private void run() {
        State state = this::beforeDataPrefix;
        while (state != null && error == null) {
            state = state.next();
        }
    }

    // ---- the lexer's primitives ----------------------------------------------------------------------------

    private int next() {
        if (pos >= input.length()) {
            width = 0;
            return EOF;
        }
        int r = input.codePointAt(pos);
        width = Character.charCount(r);
        pos += width;
        return r;
    }

    private void backup() {
        pos -= width;
    }

    private String emit() {
        String value = input.substring(start, pos);
        start = pos;
        return value;
    }

    private State fail(String message) {
        error = message;
        return null;
    }

    private static boolean isToken(int r) {
        return r >= 0 && r <= 0x7f && !Character.isISOControl(r) && !isSpace(r) && "()<>@,;:\\\"/[]?=".indexOf(r) < 0;
    }

    /** Go's unicode.IsSpace for ASCII. */
    private static boolean isSpace(int r) {
        return r == ' ' || r >= '\t' && r <= '\r';
    }

    private static boolean isUrlChar(int r) {
        return r >= 0x20 && r < 0x7f && " <>#\"{}|\\^[]`".indexOf(r) < 0;
    }

    private static boolean isBase64(int r) {
        return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '+' || r == '/' || r == '='
                || r == '\n';
    }

    // ---- the states, in lex.go's order ---------------------------------------------------------------------

    private State beforeDataPrefix() {
        if (!input.startsWith("data:")) {
            return fail("missing data prefix");
        }
        pos += 5;
        emit();
        return this::afterDataPrefix;
    }

    private State afterDataPrefix() {
        int r = next();
        if (r == ';') {
            backup();
            return this::paramSemicolon;
        } else if (r == ',') {
            backup();
            return this::dataComma;
        } else if (r == EOF) {
            return fail("missing comma before data");
        } else if (r == 'x' || r == 'X') {
            // As in lex.go, the character after the x is taken whatever it is.
            return next() == '-' ? this::xTokenMediaType : this::discreteMediaType;
        } else if (isToken(r)) {
            return this::discreteMediaType;
        }
        return fail("invalid character after data prefix");
    }

    private State xTokenMediaType() {
        while (true) {
            int r = next();
            if (r == '/') {
                backup();
                return this::mediaType;
            } else if (r == EOF) {
                return fail("missing media type slash");
            } else if (!isToken(r)) {
                return fail("invalid character for media type");
            }
        }
    }

    private State discreteMediaType() {
        while (true) {
            int r = next();
            if (r == '/') {
                backup();
                String type = input.substring(start, pos);
                if (!(type.startsWith("text") || type.startsWith("image") || type.startsWith("audio")
                        || type.startsWith("video") || type.startsWith("application") || type.startsWith("message")
                        || type.startsWith("multipart"))) {
                    return fail("invalid media type");
                }
                return this::mediaType;
            } else if (r == EOF) {
                return fail("missing media type slash");
            } else if (!isToken(r)) {
                return fail("invalid character for media type");
            }
        }
    }

    private State mediaType() {
        emit();
        next();
        emit();
        return this::afterMediaSeparator;
    }

    private State afterMediaSeparator() {
        while (true) {
            int r = next();
            if (r == ';' || r == ',') {
                backup();
                emit();
                return this::beforeParameterOrData;
            } else if (r == EOF) {
                return fail("incomplete media type");
            } else if (!isToken(r)) {
                return fail("invalid character for media subtype");
            }
        }
    }

    /** After the media subtype or a parameter value (two states in lex.go, the same in all but name). */
    private State beforeParameterOrData() {
        int r = next();
        if (r == ';') {
            backup();
            return this::paramSemicolon;
        } else if (r == ',') {
            backup();
            return this::dataComma;
        } else if (r == EOF) {
            return fail("missing comma before data");
        }
        return fail("expected semicolon or comma");
    }

    private State paramSemicolon() {
        next();
        emit();
        int r = next();
        if (r == EOF || r == '=' || r == ',') {
            return fail("unterminated parameter sequence");
        } else if (isToken(r)) {
            backup();
            return this::paramAttribute;
        }
        return fail("invalid character for parameter attribute");
    }

    private State paramAttribute() {
        while (true) {
            int r = next();
            if (r == '=') {
                backup();
                emit();
                next();
                emit();
                return this::afterParamEqual;
            } else if (r == ',') {
                backup();
                String value = emit();
                if (!value.equals("base64")) {
                    return fail("expected base64, got " + value);
                }
                seenBase64 = true;
                return this::dataComma;
            } else if (r == EOF) {
                return fail("unterminated parameter sequence");
            } else if (!isToken(r)) {
                return fail("invalid character for parameter attribute");
            }
        }
    }

    private State afterParamEqual() {
        int r = next();
        if (r == '"') {
            emit();
            unquoteNextValue = true;
            return this::quotedValue;
        } else if (r == EOF) {
            return fail("missing comma before data");
        } else if (isToken(r)) {
            return this::paramValue;
        }
        return fail("invalid character for parameter value");
    }

    private State quotedValue() {
        while (true) {
            int r = next();
            if (r == EOF) {
                return fail("unclosed quoted string");
            } else if (r == '\\') {
                // lex.go takes any ASCII character after a backslash, and end of input too (its EOF is -1).
                if (next() > 0x7f) {
                    return fail("invalid escaped character");
                }
            } else if (r == '"') {
                backup();
                if (!value(emit())) {
                    return null;
                }
                next();
                emit();
                return this::beforeParameterOrData;
            } else if (r > 0x7f) {
                return fail("invalid character for parameter value");
            }
        }
    }

    private State paramValue() {
        while (true) {
            int r = next();
            if (r == ';' || r == ',') {
                backup();
                return value(emit()) ? this::beforeParameterOrData : null;
            } else if (r == EOF) {
                return fail("missing comma before data");
            } else if (!isToken(r)) {
                return fail("invalid character for parameter value");
            }
        }
    }

    /** The parser's handling of a parameter value (lex.go emits none when it is empty): false on an error. */
    private boolean value(String value) {
        if (value.isEmpty()) {
            return true;
        }
        if (unquoteNextValue) {
            unquoteNextValue = false;
            error = unquoteError(value);
        } else {
            error = unescapeError(value);
        }
        return error == null;
    }

    private State dataComma() {
        next();
        emit();
        while (true) {
            int r = next();
            if (r == EOF) {
                break;
            } else if (!(seenBase64 ? isBase64(r) : isUrlChar(r))) {
                return fail("invalid data character");
            }
        }
        String data = emit();
        if (!data.isEmpty()) {
            error = seenBase64 ? base64Error(data) : unescapeError(data);
        }
        return null;
    }

    // ---- the decoding the parser does ----------------------------------------------------------------------

    /** rfc2396.go's Unescape (the lexer lets only ASCII through). */
    private static String unescapeError(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) != '%') {
                continue;
            }
            for (int k = 1; k <= 2; k++) {
                if (i + k >= s.length()) {
                    return "rfc2396: unexpected end of unescape sequence";
                }
                if (Character.digit(s.charAt(i + k), 16) < 0) {
                    return "rfc2396: invalid char 0x25 in unescape sequence";
                }
            }
            i += 2;
        }
        return null;
    }

    /** Go's base64.StdEncoding.DecodeString, which skips newlines and wants the padding. */
    private static String base64Error(String data) {
        String joined = data.replace("\n", "");
        if (joined.length() % 4 != 0) {
            return "illegal base64 data";
        }
        try {
            Base64.getDecoder().decode(joined);
            return null;
        } catch (IllegalArgumentException e) {
            return "illegal base64 data";
        }
    }

    /** Go's strconv.Unquote of the value in double quotes: the escapes Go knows, no newline. */
    private static String unquoteError(String s) {
        if (s.indexOf('\n') >= 0) {
            return "invalid syntax";
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) != '\\') {
                continue;
            }
            char e = i + 1 < s.length() ? s.charAt(i + 1) : 0;
            int digits;
            switch (e) {
                case 'a', 'b', 'f', 'n', 'r', 't', 'v', '\\', '"':
                    i++;
                    continue;
                case 'x':
                    digits = 2;
                    break;
                case 'u':
                    digits = 4;
                    break;
                case 'U':
                    digits = 8;
                    break;
                case '0', '1', '2', '3', '4', '5', '6', '7':
                    if (i + 3 >= s.length() || !s.substring(i + 1, i + 4).matches("[0-7]{3}")
                            || Integer.parseInt(s.substring(i + 1, i + 4), 8) > 255) {
                        return "invalid syntax";
                    }
                    i += 3;
                    continue;
                default:
                    return "invalid syntax";
            }
            if (i + 2 + digits > s.length()) {
                return "invalid syntax";
            }
            String hex = s.substring(i + 2, i + 2 + digits);
            if (!hex.matches("[0-9A-Fa-f]+")) {
                return "invalid syntax";
            }
            long value = Long.parseLong(hex, 16);
            if (e != 'x' && (value > Character.MAX_CODE_POINT || value >= 0xD800 && value < 0xE000)) {
                return "invalid syntax";
            }
            i += 1 + digits;
        }
        return null;
    }
}
