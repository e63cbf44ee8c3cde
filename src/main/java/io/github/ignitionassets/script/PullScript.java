package io.github.ignitionassets.script;

import io.github.ignitionassets.backoff.BackoffSpec;
import io.github.ignitionassets.backoff.PullPolicy;
import io.github.ignitionassets.backoff.Schedule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The image-pull script: the {@code pull-image.sh} template filled with the spec's values. The template is a
 * normal shell script (linted as one); only whole numbers, a policy's word and shell-quoted values are put into it.
 *
 * @param fileName the script's file name, e.g. {@code agent-pull-image}
 * @param text     the script, LF line endings
 */
public record PullScript(String fileName, String text) {

    private static final String TEMPLATE = "pull-image.sh";
    private static final Pattern PLACEHOLDER = Pattern.compile("@@([A-Z_]+)@@");

    public PullScript {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(text, "text");
    }

    /**
     * Renders the script for a spec, with the default pull policy and podman's own credential lookup.
     *
     * @param stateDirectory where the script keeps its place in the schedule, one file per image
     */
    public static PullScript render(String fileName, BackoffSpec spec, String stateDirectory) {
        return render(fileName, spec, stateDirectory, PullPolicy.DEFAULT, null);
    }

    /**
     * Renders the script for a spec.
     *
     * @param stateDirectory where the script keeps its place in the schedule, one file per image
     * @param pullPolicy     when a cached copy is enough
     * @param authFile       the host path podman reads credentials from ({@code --authfile}), or {@code null} for
     *                       podman's own lookup
     */
    public static PullScript render(String fileName, BackoffSpec spec, String stateDirectory, PullPolicy pullPolicy,
                                    String authFile) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("PULL_POLICY", pullPolicy.word());
        values.put("AUTH_FILE", ShellQuote.quote(authFile == null ? "" : authFile));
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
        values.put("MISSED_SLOTS_DRAWN", Integer.toString(Schedule.MISSED_SLOTS_DRAWN));
        return new PullScript(fileName, fill(template(), values));
    }

    /** The script as it is written to disk and embedded in the config. */
    public byte[] bytes() {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The template with each {@code @@KEY@@} replaced by its value; a placeholder without one is a bug of ours. */
    static String fill(String template, Map<String, String> values) {
        return PLACEHOLDER.matcher(template).replaceAll(m -> {
            String v = values.get(m.group(1));
            if (v == null) {
                throw new IllegalStateException("template placeholder without a value: " + m.group());
            }
            return Matcher.quoteReplacement(v);
        });
    }

    /** The file name with each character but {@code A-Za-z0-9._-} made {@code _}, for the script's log tag. */
    static String plainName(String fileName) {
        return fileName.replaceAll("[^A-Za-z0-9._-]", "_");
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
