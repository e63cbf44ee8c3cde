package io.github.ignitionassets.spec;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fully qualified OCI image reference, {@code registry[:port]/path[:tag][@digest]}, read by the distribution
 * reference grammar (github.com/distribution/reference, {@code regexp.go}) with one rule of ours: the first component
 * is a registry host (it holds a {@code .} or a {@code :}, or is {@code localhost}), because a unit has no TTY to
 * resolve a short name. A reference that parses holds no character a shell or a unit file treats specially, so it
 * reaches the script and the unit as exactly one argument.
 */
public final class ImageReference {

    private static final String ALPHANUMERIC = "[a-z0-9]+";
    private static final String SEPARATOR = "(?:[._]|__|[-]+)";
    private static final String PATH_COMPONENT = ALPHANUMERIC + "(?:" + SEPARATOR + ALPHANUMERIC + ")*";
    private static final String DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private static final String HOST = "(?:" + DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*|\\[[a-fA-F0-9:]+\\])";
    private static final String DOMAIN = HOST + "(?::[0-9]+)?";
    private static final String TAG = "[\\w][\\w.-]{0,127}";
    private static final String DIGEST = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";

    /** The grammar's reference: groups domain (optional, as the grammar has it), path, tag and digest. */
    private static final Pattern REFERENCE = Pattern.compile("(?:(" + DOMAIN + ")/)?(" + PATH_COMPONENT + "(?:/"
            + PATH_COMPONENT + ")*)(?::(" + TAG + "))?(?:@(" + DIGEST + "))?");

    /** The grammar's limit on a name, registry and path together. */
    private static final int MAX_NAME_LENGTH = 255;
    private static final String DEFAULT_TAG = "latest";
    private static final String ALLOWED = "allowed: registry[:port]/path[:tag][@digest]";
    /** White space and what shells and unit files read specially: the likeliest mistakes, named by their character. */
    private static final String SPECIAL = " \t\n\u000B\f\r'\"`;$|&<>\\%*?!(){}#~";

    private final String text;
    private final String registry;
    private final String repository;
    private final String tag;
    private final String digest;

    private ImageReference(String text, String registry, String repository, String tag, String digest) {
        this.text = text;
        this.registry = registry;
        this.repository = repository;
        this.tag = tag;
        this.digest = digest;
    }

    /**
     * Reads a reference.
     *
     * @throws IllegalArgumentException naming the value, what is wrong with it and how to fix it
     */
    public static ImageReference parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("is empty; write a fully qualified reference such as quay.io/org/agent:v1");
        }
        String shown = "'" + printable(text) + "'";
        Matcher m = REFERENCE.matcher(text);
        if (m.matches()) {
            String domain = m.group(1);
            if (domain != null && isRegistryHost(domain)) {
                if (m.end(2) > MAX_NAME_LENGTH) {
                    throw new IllegalArgumentException(shown + " has a name longer than " + MAX_NAME_LENGTH + " characters");
                }
                return new ImageReference(text, domain, m.group(2), m.group(3), m.group(4));
            }
            String fix = (text.contains("/") ? "docker.io/" : "docker.io/library/") + text;
            if (REFERENCE.matcher(fix).matches()) {
                throw new IllegalArgumentException(shown + " is not fully qualified: a unit has no TTY to resolve short"
                        + " names, so the pull fails on the host; name the registry, e.g. " + fix);
            }
        }
        throw new IllegalArgumentException(shown + " " + whyNot(text));
    }

    /** What is wrong with a reference outside the grammar, as near to the fault as a glance can tell. */
    private static String whyNot(String text) {
        Optional<String> special = text.chars().filter(c -> SPECIAL.indexOf(c) >= 0).mapToObj(c -> describe((char) c))
                .findFirst();
        if (special.isPresent()) {
            return "contains " + special.get() + ", which no image reference holds; " + ALLOWED;
        }
        if (text.endsWith(":") || text.contains(":@")) {
            return "has an empty tag; write a tag after ':' or leave the ':' out for latest";
        }
        int slash = text.indexOf('/');
        if (slash > 0 && text.substring(slash).chars().anyMatch(Character::isUpperCase)) {
            return "has upper-case letters in its path; repository paths are lower-case";
        }
        return "is not a valid OCI image reference; " + ALLOWED + " with lower-case path components, e.g. quay.io/org/agent:v1";
    }

    private static boolean isRegistryHost(String domain) {
        return domain.contains(".") || domain.contains(":") || domain.equals("localhost");
    }

    /** The reference exactly as written. */
    public String text() {
        return text;
    }

    /** The registry host, with its port if given: {@code quay.io}, {@code localhost:5000}. */
    public String registry() {
        return registry;
    }

    /** The path in the registry: {@code org/agent}. */
    public String repository() {
        return repository;
    }

    /** The tag; {@code latest} when neither a tag nor a digest is written, as podman reads it. */
    public Optional<String> tag() {
        return Optional.ofNullable(tag == null && digest == null ? DEFAULT_TAG : tag);
    }

    /** The digest, {@code algorithm:hex}, if written. */
    public Optional<String> digest() {
        return Optional.ofNullable(digest);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImageReference other && text.equals(other.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
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

    /** The value for a message: control characters escaped, at most about 300 characters. */
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
