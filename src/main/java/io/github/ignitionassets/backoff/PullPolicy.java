package io.github.ignitionassets.backoff;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * When the script contacts the registry although the image is in local storage, in podman's words
 * ({@code podman run --pull}).
 */
public enum PullPolicy {
    /** A cached copy means no pull (kubelet's {@code IfNotPresent}). */
    MISSING,
    /**
     * One pull per start, to fetch a newer image under the same reference; when it fails and a copy is cached, the
     * service starts on that copy at once. Without a copy, the script backs off as for {@link #MISSING}.
     */
    NEWER,
    /** A cached copy does not count: back off until a pull succeeds (kubelet's {@code Always}). */
    ALWAYS;

    /** The default: today's behaviour. */
    public static final PullPolicy DEFAULT = MISSING;

    /** The word users write, and the script reads: {@code missing}, {@code newer}, {@code always}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The policy a word names, exactly as written. */
    public static Optional<PullPolicy> of(String word) {
        return Arrays.stream(values()).filter(p -> p.word().equals(word)).findFirst();
    }

    /** The words, in the order they are documented. */
    public static List<String> words() {
        return Arrays.stream(values()).map(PullPolicy::word).toList();
    }
}
