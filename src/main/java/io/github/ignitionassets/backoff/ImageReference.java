package io.github.ignitionassets.backoff;

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
    private static final int MAX_NAME_LENGTH = 255;

    /**
     * Checks a reference.
     *
     * @return empty when valid, else what is wrong and how to fix it, naming the value
     */
    public static Optional<String> check(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.of("is empty; write a fully qualified reference such as quay.io/org/agent:v1");
        }
        String shown = "'" + printable(text) + "'";
        var unsafe = UNSAFE.matcher(text);
        if (unsafe.find()) {
            return Optional.of(shown + " contains " + describe(unsafe.group().charAt(0))
                    + ", which no image reference holds; allowed: registry[:port]/path[:tag][@digest]");
        }
        var m = REFERENCE.matcher(text);
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
        if (NAME_WITHOUT_DOMAIN.matcher(text).matches()) {
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
