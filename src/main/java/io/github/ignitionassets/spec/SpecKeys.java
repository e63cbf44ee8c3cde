package io.github.ignitionassets.spec;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;

/** The keys a spec may hold, in the order they are documented. */
public final class SpecKeys {

    public static final String IMAGE = "image";
    public static final String PULL_POLICY = "pullPolicy";
    public static final String BACKOFF = "backoff";
    public static final String INITIAL_DELAY = "backoff.initialDelay";
    public static final String MULTIPLIER = "backoff.multiplier";
    public static final String MAX_DELAY = "backoff.maxDelay";
    public static final String JITTER = "backoff.jitter";
    public static final String MAX_ATTEMPTS = "backoff.maxAttempts";
    public static final String ATTEMPT_TIMEOUT = "backoff.attemptTimeout";
    public static final String PODMAN_RETRIES = "backoff.podmanRetries";

    /** Keys of the {@code backoff} mapping, without the prefix. */
    public static final List<String> BACKOFF_KEYS = List.of(
            "initialDelay", "multiplier", "maxDelay", "jitter", "maxAttempts", "attemptTimeout", "podmanRetries");

    /** Keys of the top-level mapping. */
    public static final List<String> TOP_KEYS = List.of(IMAGE, PULL_POLICY, BACKOFF);

    private SpecKeys() {
    }

    /** The known key nearest to an unknown one, for "did you mean" hints; empty when none is close. */
    public static String nearest(String unknown, List<String> known) {
        String lower = unknown.toLowerCase(Locale.ROOT);
        ToIntFunction<String> distance = k -> distance(lower, k.toLowerCase(Locale.ROOT));
        return known.stream()
                .min(Comparator.comparingInt(distance))
                .filter(k -> distance.applyAsInt(k) <= Math.max(2, unknown.length() / 3))
                .orElse("");
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
