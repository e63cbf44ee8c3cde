package io.github.ignitionassets.maven;

import io.github.ignitionassets.spec.SpecKeys;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code <backoff>} block of the generate goal: each field set here overrides the spec file's value of the
 * same name; fields left out keep the spec file's value or the default.
 *
 * @since 0.1.0
 */
public class Backoff {

    /** First delay after a failed pull, e.g. {@code 5s}, {@code 250ms}, {@code PT5S}. Default {@code 5s}. */
    private String initialDelay;

    /** Each delay is the previous one times this, {@code >= 1}; 1 means a fixed delay. Default {@code 2}. */
    private String multiplier;

    /** Cap on the delay, {@code >= initialDelay}. Default {@code 300s}. */
    private String maxDelay;

    /** Spread of each sleep, {@code 0 <= jitter < 1}: uniform in {@code delay*(1-jitter)..delay*(1+jitter)}. Default {@code 0.2}. */
    private String jitter;

    /** Failed pulls before the script gives up; {@code 0} retries forever. Default {@code 0}. */
    private String maxAttempts;

    /** One pull that runs longer is killed and counts as a failed attempt. Default {@code 10m}. */
    private String attemptTimeout;

    /**
     * Retries podman makes by itself within one attempt, passed as {@code --retry} where podman has it (podman 5).
     * Default {@code 0}: one attempt is one registry request.
     */
    private String podmanRetries;

    /** The fields that were set, keyed by spec key ({@code backoff.maxDelay}). */
    Map<String, String> asSpecValues() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(SpecKeys.INITIAL_DELAY, initialDelay);
        m.put(SpecKeys.MULTIPLIER, multiplier);
        m.put(SpecKeys.MAX_DELAY, maxDelay);
        m.put(SpecKeys.JITTER, jitter);
        m.put(SpecKeys.MAX_ATTEMPTS, maxAttempts);
        m.put(SpecKeys.ATTEMPT_TIMEOUT, attemptTimeout);
        m.put(SpecKeys.PODMAN_RETRIES, podmanRetries);
        return m;
    }
}
