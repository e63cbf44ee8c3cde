package io.github.ignitionassets.spec;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A fully qualified OCI image reference, {@code registry[:port]/path[:tag][@digest]}, checked against the
 * distribution reference grammar. Anything that passes holds no character a shell or a unit file treats
 * specially, so it reaches the script and the unit as exactly one argument.
 *
 * @param text the reference exactly as written
 */
public record ImageReference(String text) {

    private static final int MAX_NAME_LENGTH = 255;
    private static final int MAX_TAG_LENGTH = 128;
    private static final int MIN_DIGEST_HEX = 32;

    /**
     * The grammar as patterns, compiled on first use: a valid reference never needs them (see
     * {@link #isValidWithoutPatterns}), and compiling them is most of what checking one would cost in a fresh JVM.
     */
    private static final class Patterns {
        private static final String ALNUM = "[a-z0-9]+";
        private static final String SEPARATOR = "(?:[._]|__|-+)";
        private static final String PATH_COMPONENT = ALNUM + "(?:" + SEPARATOR + ALNUM + ")*";
        private static final String DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
        private static final String HOST = "(?:" + DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*|\\[[a-fA-F0-9:]+\\])";
        private static final String DOMAIN = HOST + "(?::[0-9]+)?";
        private static final String TAG = "[\\w][\\w.-]{0,127}";
        private static final String DIGEST = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";

        private static final Pattern REFERENCE = Pattern.compile(
                "(" + DOMAIN + ")/(" + PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*)(?::(" + TAG + "))?(?:@(" + DIGEST + "))?");
        private static final Pattern NAME_WITHOUT_DOMAIN = Pattern.compile(
                PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*(?::" + TAG + ")?(?:@" + DIGEST + ")?");
        private static final Pattern UNSAFE = Pattern.compile("[\\s'\"`;$|&<>\\\\%*?!(){}#~]");

        private Patterns() {
        }
    }

    /**
     * Checks a reference.
     *
     * @return empty when valid, else what is wrong and how to fix it, naming the value
     */
    public static Optional<String> check(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.of("is empty; write a fully qualified reference such as quay.io/org/agent:v1");
        }
        if (isValidWithoutPatterns(text)) {
            return Optional.empty();
        }
        return checkWithPatterns(text);
    }

    /** The check by the grammar's patterns, which also tell what is wrong with a reference that is not valid. */
    static Optional<String> checkWithPatterns(String text) {
        String shown = "'" + printable(text) + "'";
        var unsafe = Patterns.UNSAFE.matcher(text);
        if (unsafe.find()) {
            return Optional.of(shown + " contains " + describe(unsafe.group().charAt(0))
                    + ", which no image reference holds; allowed: registry[:port]/path[:tag][@digest]");
        }
        var m = Patterns.REFERENCE.matcher(text);
        if (m.matches() && isRegistryHost(m.group(1))) {
            String name = text.substring(0, m.end(2));
            if (name.length() > MAX_NAME_LENGTH) {
                return Optional.of(shown + " has a name longer than " + MAX_NAME_LENGTH + " characters");
            }
            return Optional.empty();
        }
        if (text.endsWith(":") || text.contains(":@")) {
            return Optional.of(shown + " has an empty tag; write a tag after ':' or leave the ':' out for latest");
        }
        if (Patterns.NAME_WITHOUT_DOMAIN.matcher(text).matches()) {
            String fix = text.contains("/") ? "docker.io/" + text : "docker.io/library/" + text;
            return Optional.of(shown + " is not fully qualified: a unit has no TTY to resolve short names, so the pull"
                    + " fails on the host; name the registry, e.g. " + fix);
        }
        int slash = text.indexOf('/');
        if (slash > 0 && !text.substring(slash).equals(text.substring(slash).toLowerCase(java.util.Locale.ROOT))) {
            return Optional.of(shown + " has upper-case letters in its path; repository paths are lower-case");
        }
        return Optional.of(shown + " is not a valid OCI image reference; allowed: registry[:port]/path[:tag][@digest]"
                + " with lower-case path components, e.g. quay.io/org/agent:v1");
    }

    /** The reference, checked. */
    public static ImageReference of(String text) {
        Optional<String> problem = check(text);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
        return new ImageReference(text);
    }

    /** The last path component, e.g. {@code agent} for {@code quay.io/org/agent:v1}. */
    public String repositoryName() {
        String name = text;
        int at = name.indexOf('@');
        if (at >= 0) {
            name = name.substring(0, at);
        }
        int slash = name.lastIndexOf('/');
        int colon = name.lastIndexOf(':');
        if (colon > slash) {
            name = name.substring(0, colon);
        }
        return name.substring(name.lastIndexOf('/') + 1);
    }

    /**
     * Whether {@link #checkWithPatterns} accepts a reference, decided by reading it once, left to right: the domain
     * up to the first {@code /}, path components up to a {@code :} or {@code @}, then the tag and the digest. The
     * check runs on every generate in a fresh JVM, where this costs a fraction of compiling the patterns. It must
     * accept exactly what they accept (a property test holds it to them); what it refuses, they explain.
     */
    static boolean isValidWithoutPatterns(String text) {
        int slash = text.indexOf('/');
        if (slash <= 0 || !isDomain(text, slash) || !isRegistryHost(text.substring(0, slash))) {
            return false;
        }
        int n = text.length();
        int i = slash;
        do {
            i = pathComponentEnd(text, i + 1);
            if (i < 0) {
                return false;
            }
        } while (i < n && text.charAt(i) == '/');
        if (i > MAX_NAME_LENGTH) {
            return false;
        }
        if (i < n && text.charAt(i) == ':') {
            i = tagEnd(text, i + 1);
            if (i < 0) {
                return false;
            }
        }
        if (i < n && text.charAt(i) == '@') {
            return isDigest(text, i + 1);
        }
        return i == n;
    }

    /** {@code host[:port]} in {@code text[0, end)}: dot-separated labels, or an IPv6 address in brackets. */
    private static boolean isDomain(String text, int end) {
        int i = 0;
        if (text.charAt(0) == '[') {
            i = 1;
            while (i < end && (isHexDigit(text.charAt(i)) || text.charAt(i) == ':')) {
                i++;
            }
            if (i == 1 || i == end || text.charAt(i) != ']') {
                return false;
            }
            i++;
        } else {
            while (true) {
                int label = i;
                while (i < end && (isAsciiLetterOrDigit(text.charAt(i)) || text.charAt(i) == '-')) {
                    i++;
                }
                if (i == label || text.charAt(label) == '-' || text.charAt(i - 1) == '-') {
                    return false;
                }
                if (i < end && text.charAt(i) == '.') {
                    i++;
                } else {
                    break;
                }
            }
        }
        if (i < end && text.charAt(i) == ':') {
            int port = ++i;
            while (i < end && isDigit(text.charAt(i))) {
                i++;
            }
            if (i == port) {
                return false;
            }
        }
        return i == end;
    }

    /**
     * Where the path component starting at {@code start} ends, or -1 if there is none: runs of lower-case letters
     * and digits joined by {@code .}, {@code _}, {@code __} or any number of {@code -}.
     */
    private static int pathComponentEnd(String text, int start) {
        int n = text.length();
        int i = start;
        while (true) {
            int run = i;
            while (i < n && isLowerCaseLetterOrDigit(text.charAt(i))) {
                i++;
            }
            if (i == run) {
                return -1;
            }
            if (i == n) {
                return i;
            }
            char c = text.charAt(i);
            if (c == '.') {
                i++;
            } else if (c == '_') {
                i++;
                if (i < n && text.charAt(i) == '_') {
                    i++;
                }
            } else if (c == '-') {
                while (i < n && text.charAt(i) == '-') {
                    i++;
                }
            } else {
                return i;
            }
        }
    }

    /**
     * Where the tag starting at {@code start} ends, or -1 if there is none: a word character, then up to 127 word
     * characters, dots and dashes.
     */
    private static int tagEnd(String text, int start) {
        int n = text.length();
        if (start == n || !isWordCharacter(text.charAt(start))) {
            return -1;
        }
        int i = start + 1;
        while (i < n && (isWordCharacter(text.charAt(i)) || text.charAt(i) == '.' || text.charAt(i) == '-')) {
            i++;
        }
        return i - start <= MAX_TAG_LENGTH ? i : -1;
    }

    /** Whether the text from {@code start} on is a digest, {@code algorithm:hex} with at least 32 hex digits. */
    private static boolean isDigest(String text, int start) {
        int n = text.length();
        int i = start;
        while (true) {
            if (i == n || !isAsciiLetter(text.charAt(i))) {
                return false;
            }
            i++;
            while (i < n && isAsciiLetterOrDigit(text.charAt(i))) {
                i++;
            }
            if (i == n) {
                return false;
            }
            char c = text.charAt(i);
            if (c == ':') {
                break;
            }
            if (c != '-' && c != '_' && c != '+' && c != '.') {
                return false;
            }
            i++;
        }
        int hex = ++i;
        while (i < n && isHexDigit(text.charAt(i))) {
            i++;
        }
        return i == n && i - hex >= MIN_DIGEST_HEX;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return isAsciiLetter(c) || isDigit(c);
    }

    private static boolean isLowerCaseLetterOrDigit(char c) {
        return c >= 'a' && c <= 'z' || isDigit(c);
    }

    /** {@code \w} as the patterns read it: ASCII only. */
    private static boolean isWordCharacter(char c) {
        return isAsciiLetterOrDigit(c) || c == '_';
    }

    private static boolean isHexDigit(char c) {
        return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    private static boolean isRegistryHost(String domain) {
        return domain.contains(".") || domain.contains(":") || domain.equals("localhost");
    }

    private static String describe(char c) {
        return switch (c) {
            case ' ' -> "a space";
            case '\t' -> "a tab";
            case '\n' -> "a newline";
            case '\r' -> "a carriage return";
            default -> Character.isWhitespace(c) ? "white space" : "'" + c + "'";
        };
    }

    static String printable(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < 300; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.toString();
    }
}
