package io.github.ignitionassets.script;

import io.github.ignitionassets.backoff.BackoffSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The image-pull script: the {@code pull-image.sh} template filled with the spec's values. The template is a
 * normal shell script (linted as one); only whole numbers and a shell-quoted name are put into it.
 *
 * @param fileName the script's file name, e.g. {@code agent-pull-image}
 * @param text     the script, LF line endings
 */
public record PullScript(String fileName, String text) {

    private static final String TEMPLATE = "pull-image.sh";
    private static final String MARK = "@@";

    public PullScript {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(text, "text");
    }

    /** Where the script keeps its schedule by default: tmpfs, so it outlives restarts and not reboots. */
    public static final String DEFAULT_STATE_DIRECTORY = "/run/agent-pull-image";

    /**
     * Renders the script for a spec.
     *
     * @param stateDirectory where the script keeps its place in the schedule, one file per image
     */
    public static PullScript render(String fileName, BackoffSpec spec, String stateDirectory) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("NAME", plainName(fileName));
        values.put("NAME_QUOTED", ShellQuote.quote(fileName));
        values.put("INITIAL_DELAY_MS", Long.toString(spec.initialDelay().toMillis()));
        values.put("MULTIPLIER_PPM", Long.toString(spec.multiplierPpm()));
        values.put("MAX_DELAY_MS", Long.toString(spec.maxDelay().toMillis()));
        values.put("JITTER_PPM", Long.toString(spec.jitterPpm()));
        values.put("MAX_ATTEMPTS", Integer.toString(spec.maxAttempts()));
        values.put("ATTEMPT_TIMEOUT_MS", Long.toString(spec.attemptTimeout().toMillis()));
        values.put("PODMAN_RETRIES", Integer.toString(spec.podmanRetries()));
        values.put("STATE_DIRECTORY", ShellQuote.quote(stateDirectory));
        return new PullScript(fileName, fill(template(), values));
    }

    /** The script as it is written to disk and embedded in the config. */
    public byte[] bytes() {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    // Rendering runs on every generate in a fresh JVM; the two loops below do by hand what a pattern did, at a
    // fraction of the cost of compiling one, and give the same text.

    /**
     * The template with each {@code @@KEY@@} ({@code KEY} of {@code A-Z} and {@code _}) replaced by its value, read
     * left to right as a pattern would: where {@code @@} starts no placeholder, the next one may start a character
     * later, as in {@code @@@KEY@@}.
     */
    static String fill(String template, Map<String, String> values) {
        StringBuilder out = new StringBuilder(template.length() + 256);
        int copied = 0;
        int at = template.indexOf(MARK);
        while (at >= 0) {
            int key = at + MARK.length();
            int end = key;
            while (end < template.length() && isKeyCharacter(template.charAt(end))) {
                end++;
            }
            if (end > key && template.startsWith(MARK, end)) {
                String v = values.get(template.substring(key, end));
                if (v == null) {
                    throw new IllegalStateException("template placeholder without a value: "
                            + template.substring(at, end + MARK.length()));
                }
                out.append(template, copied, at).append(v);
                copied = end + MARK.length();
                at = template.indexOf(MARK, copied);
            } else {
                at = template.indexOf(MARK, at + 1);
            }
        }
        return out.append(template, copied, template.length()).toString();
    }

    private static boolean isKeyCharacter(char c) {
        return c >= 'A' && c <= 'Z' || c == '_';
    }

    /** The file name with each character (code point) but {@code A-Za-z0-9._-} made one {@code _}. */
    static String plainName(String fileName) {
        StringBuilder out = new StringBuilder(fileName.length());
        for (int i = 0; i < fileName.length(); ) {
            int c = fileName.codePointAt(i);
            boolean plain = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_'
                    || c == '-';
            out.append(plain ? (char) c : '_');
            i += Character.charCount(c);
        }
        return out.toString();
    }

    private static String template() {
        try (InputStream in = PullScript.class.getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + TEMPLATE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
