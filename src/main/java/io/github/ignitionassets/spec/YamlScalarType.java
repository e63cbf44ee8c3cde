package io.github.ignitionassets.spec;

import io.github.ignitionassets.spec.SpecTree.Kind;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * Types a YAML scalar as the spec reader always has: SnakeYAML's YAML 1.1 resolver for untagged plain scalars, then
 * the decisions Jackson's YAML parser (2.21) made on top of it, which users have seen in their messages ({@code yes}
 * is a boolean, {@code 0x10} a number, {@code 1:30} and {@code 2001-12-14} text). Loads nothing of SnakeYAML, so the
 * plain-YAML reader can use it too.
 */
final class YamlScalarType {

    /** Resolver tags, short form, as SnakeYAML's {@code Tag} would name them. */
    static final String STR = "str";
    static final String INT = "int";
    static final String FLOAT = "float";
    static final String BOOL = "bool";
    static final String NULL = "null";
    /** Timestamp, merge key and the like: all read as text. */
    static final String OTHER = "other";

    private static final String YAML_TAG_PREFIX = "tag:yaml.org,2002:";
    /** Jackson's default {@code StreamReadConstraints.getMaxNumberLength()}. */
    private static final int MAX_NUMBER_LENGTH = 1000;

    private YamlScalarType() {
    }

    /** A scalar Jackson would not read: the parse ends with this message. */
    static final class Fault extends Exception {
        private static final long serialVersionUID = 1L;
        /** Whether the reader gives the scalar's line with it; limits from Jackson's constraints carry none. */
        final boolean located;

        Fault(String message, boolean located) {
            super(message, null, false, false);
            this.located = located;
        }
    }

    /**
     * The type of an untagged scalar.
     *
     * @param resolvedTag what the YAML 1.1 resolver said, one of the constants here ({@link #STR} for quoted ones)
     */
    static Kind untagged(String value, String resolvedTag) throws Fault {
        if (value.isEmpty()) {
            // YAML 1.1: an empty plain value ("jitter:") is null, which keeps the default; a quoted '' is text.
            return NULL.equals(resolvedTag) ? Kind.NULL : Kind.STRING;
        }
        return switch (resolvedTag) {
            case INT -> integer(value);
            case FLOAT -> Kind.NUMBER;
            case BOOL -> bool(value);
            case NULL -> Kind.NULL;
            default -> Kind.STRING;
        };
    }

    /** The type of a scalar with an explicit tag other than the non-specific {@code !}. */
    static Kind tagged(String value, String tag) throws Fault {
        if (value.isEmpty()) {
            return Kind.STRING;
        }
        String type = tag;
        if (type.startsWith(YAML_TAG_PREFIX)) {
            type = type.substring(YAML_TAG_PREFIX.length());
            if (type.contains(",")) {
                String[] parts = type.split(",");
                type = parts.length == 0 ? "" : parts[0];
            }
        }
        return switch (type) {
            case "binary" -> binary(value.trim());
            case BOOL -> bool(value);
            case INT -> integer(value);
            case FLOAT -> Kind.NUMBER;
            case NULL -> Kind.NULL;
            default -> Kind.STRING;
        };
    }

    private static Kind bool(String value) {
        boolean word = switch (value.length()) {
            case 1 -> "yYnN".indexOf(value.charAt(0)) >= 0;
            case 2 -> value.equalsIgnoreCase("no") || value.equalsIgnoreCase("on");
            case 3 -> value.equalsIgnoreCase("yes") || value.equalsIgnoreCase("off");
            case 4 -> value.equalsIgnoreCase("true");
            case 5 -> value.equalsIgnoreCase("false");
            default -> false;
        };
        return word ? Kind.BOOLEAN : Kind.STRING;
    }

    /** Jackson decodes what the resolver calls an integer, and gives up on some (sexagesimal is text). */
    private static Kind integer(String value) throws Fault {
        int len = value.length();
        int i = 0;
        char first = value.charAt(0);
        if (first == '-' || first == '+') {
            if (len == 1) {
                return Kind.UNTYPED;
            }
            i = 1;
        }
        if (value.charAt(i) == '0') {
            if (++i == len) {
                return Kind.NUMBER;
            }
            char c = value.charAt(i);
            if (c == 'b' || c == 'B') {
                return radix(withoutUnderscores(value, i + 1), 2, 31, 63);
            }
            if (c == 'x' || c == 'X') {
                return radix(withoutUnderscores(value, i + 1), 16, 7, 15);
            }
            if (c >= '0' && c <= '9' || c == '_') {
                return radix(withoutUnderscores(value, i), 8, 10, 21);
            }
            return Kind.STRING;
        }
        boolean underscores = false;
        for (; i < len; i++) {
            char c = value.charAt(i);
            if (c == '_') {
                underscores = true;
            } else if (c < '0' || c > '9') {
                return Kind.STRING;
            }
        }
        if (underscores) {
            String digits = withoutUnderscores(value, value.charAt(0) == '+' ? 1 : 0);
            if (digits.isEmpty() || digits.equals("-")) {
                throw new Fault("Invalid number ('" + value + "')", true);
            }
        }
        return Kind.NUMBER;
    }

    private static Kind radix(String digits, int base, int maxIntDigits, int maxLongDigits) throws Fault {
        try {
            if (digits.length() <= maxIntDigits) {
                Integer.parseInt(digits, base);
            } else if (digits.length() <= maxLongDigits) {
                Long.parseLong(digits, base);
            } else {
                if (digits.length() > MAX_NUMBER_LENGTH) {
                    throw new Fault("Number value length (" + digits.length() + ") exceeds the maximum allowed ("
                            + MAX_NUMBER_LENGTH + ", from `StreamReadConstraints.getMaxNumberLength()`)", false);
                }
                new BigInteger(digits, base);
            }
        } catch (NumberFormatException e) {
            throw new Fault("Invalid base-" + base + " number ('" + digits + "'), problem: " + e.getMessage(), true);
        }
        return Kind.NUMBER;
    }

    private static String withoutUnderscores(String value, int from) {
        StringBuilder b = new StringBuilder(value.length());
        for (int i = from; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '_') {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Checks base64 as Jackson's MIME variant does, with its messages; the bytes themselves are never used. */
    private static Kind binary(String s) throws Fault {
        int len = s.length();
        int p = 0;
        while (true) {
            char c;
            do {
                if (p >= len) {
                    return Kind.BINARY;
                }
                c = s.charAt(p++);
            } while (c <= ' ');
            if (base64(c) < 0) {
                throw badBase64(c, 0, null);
            }
            if (p >= len) {
                throw missingPadding();
            }
            c = s.charAt(p++);
            if (base64(c) < 0) {
                throw badBase64(c, 1, null);
            }
            if (p >= len) {
                throw missingPadding();
            }
            c = s.charAt(p++);
            int bits = base64(c);
            if (bits < 0) {
                if (bits != -2) {
                    throw badBase64(c, 2, null);
                }
                if (p >= len) {
                    throw missingPadding();
                }
                c = s.charAt(p++);
                if (c != '=') {
                    throw badBase64(c, 3, "expected padding character '='");
                }
                continue;
            }
            if (p >= len) {
                throw missingPadding();
            }
            c = s.charAt(p++);
            bits = base64(c);
            if (bits < 0 && bits != -2) {
                throw badBase64(c, 3, null);
            }
        }
    }

    /** Value of a base64 digit, -2 for the padding character, -1 for anything else. */
    private static int base64(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '+' ? 62 : c == '/' ? 63 : c == '=' ? -2 : -1;
    }

    private static Fault badBase64(char c, int index, String detail) {
        String hex = Integer.toHexString(c);
        String m;
        if (c <= ' ') {
            m = "Illegal white space character (code 0x" + hex + ") as character #" + (index + 1)
                    + " of 4-char base64 unit: can only used between units";
        } else if (c == '=') {
            m = "Unexpected padding character ('=') as character #" + (index + 1)
                    + " of 4-char base64 unit: padding only legal as 3rd or 4th character";
        } else if (!Character.isDefined(c) || Character.isISOControl(c)) {
            m = "Illegal character (code 0x" + hex + ") in base64 content";
        } else {
            m = "Illegal character '" + c + "' (code 0x" + hex + ") in base64 content";
        }
        return new Fault(detail == null ? m : m + ": " + detail, true);
    }

    private static Fault missingPadding() {
        return new Fault("Unexpected end of base64-encoded String: base64 variant 'MIME' expects padding (one or more"
                + " '=' characters) at the end. This Base64Variant might have been incorrectly configured", true);
    }

    /**
     * SnakeYAML's YAML 1.1 implicit resolver ({@code org.yaml.snakeyaml.resolver.Resolver}, 2.5), copied: the
     * patterns are tried in its order for the value's first character, each only up to its length limit.
     */
    static String resolvePlain(String value) {
        if (value.isEmpty()) {
            return NULL;
        }
        int len = value.length();
        char c = value.charAt(0);
        if ("yYnNtTfFoO".indexOf(c) >= 0 && len <= 10 && Patterns.BOOL.matcher(value).matches()) {
            return BOOL;
        }
        String simple = len <= 1024 ? simpleNumber(value) : null;
        if (simple != null) {
            return simple;
        }
        if ("-+0123456789".indexOf(c) >= 0 && len <= 1024 && only(value, INT_CHARS) && Patterns.INT.matcher(value).matches()) {
            return INT;
        }
        if ("-+0123456789.".indexOf(c) >= 0 && len <= 1024 && only(value, FLOAT_CHARS)
                && Patterns.FLOAT.matcher(value).matches()) {
            return FLOAT;
        }
        if (c == '<' && value.equals("<<")) {
            return OTHER;
        }
        if ("~nN".indexOf(c) >= 0 && len <= 10 && Patterns.NULL.matcher(value).matches()) {
            return NULL;
        }
        // Both timestamp forms begin with four digits and a dash.
        if (c >= '0' && c <= '9' && len <= 50 && len > 4 && value.charAt(4) == '-'
                && Patterns.TIMESTAMP.matcher(value).matches()) {
            return OTHER;
        }
        if ("!&*".indexOf(c) >= 0 && len == 1) {
            return OTHER;
        }
        // Patterns registered without a first character: only a lone space matches, which no plain scalar is.
        return STR;
    }

    /** Every character the INT pattern can match; a value with any other is not an integer. */
    private static final String INT_CHARS = "+-0123456789abcdefABCDEFx_:";
    /** Likewise for FLOAT, whose letters are those of exponents, inf and nan. */
    private static final String FLOAT_CHARS = "+-0123456789._:eEinfINFaA";

    private static boolean only(String value, String chars) {
        for (int i = 0; i < value.length(); i++) {
            if (chars.indexOf(value.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The commonest numbers without a regex, compiling which is a large part of a cold read: {@code 12}, {@code -1}
     * (INT's decimal alternative, tried first) and {@code 1.5}, {@code 0.25} (not INT, having a dot; FLOAT's first
     * alternative). {@code null} for anything else.
     */
    private static String simpleNumber(String value) {
        int i = value.charAt(0) == '-' || value.charAt(0) == '+' ? 1 : 0;
        int digitsFrom = i;
        while (i < value.length() && value.charAt(i) >= '0' && value.charAt(i) <= '9') {
            i++;
        }
        int digits = i - digitsFrom;
        if (digits == 0) {
            return null;
        }
        if (i == value.length()) {
            return digits == 1 || value.charAt(digitsFrom) != '0' ? INT : null; // 007 is octal: the regex's to say
        }
        if (value.charAt(i) != '.') {
            return null;
        }
        for (i++; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return null;
            }
        }
        return FLOAT;
    }

    /** Compiled on first use, which the checks above make rare. */
    private static final class Patterns {
        static final Pattern BOOL = Pattern.compile(
                "^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$");
        static final Pattern FLOAT = Pattern.compile("^([-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+]?[0-9]+)?"
                + "|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)|[-+]?\\.[0-9_]+(?:[eE][-+]?[0-9]+)?"
                + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
        static final Pattern INT = Pattern.compile("^(?:[-+]?0b_*[0-1][0-1_]*|[-+]?0_*[0-7][0-7_]*|[-+]?(?:0|[1-9][0-9_]*)"
                + "|[-+]?0x_*[0-9a-fA-F][0-9a-fA-F_]*|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$");
        static final Pattern NULL = Pattern.compile("^(?:~|null|Null|NULL| )$");
        static final Pattern TIMESTAMP = Pattern.compile("^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"
                + "|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9]"
                + "(?:\\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$");

        private Patterns() {
        }
    }
}
