package io.github.ignitionassets.backoff;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * How the pull script retries, as reviewed in the spec. Checked where the spec is read; a value of this type is
 * always consistent ({@code 0 < initialDelay <= maxDelay}, {@code multiplier >= 1}, {@code 0 <= jitter < 1}).
 *
 * @param initialDelay   the first delay after a failed attempt
 * @param multiplier     each delay is the previous times this, up to {@code maxDelay}; 1 means a fixed delay
 * @param maxDelay       the cap on the nominal delay
 * @param jitter         each sleep is uniform in {@code delay*(1-jitter)..delay*(1+jitter)}
 * @param maxAttempts    attempts before giving up; 0 retries forever
 * @param attemptTimeout one pull that runs longer is killed and counts as a failed attempt
 * @param podmanRetries  retries podman itself makes within one attempt, where it has {@code --retry} (podman 5);
 *                       0 makes one attempt one registry request
 */
public record BackoffSpec(Duration initialDelay, BigDecimal multiplier, Duration maxDelay, BigDecimal jitter,
                          int maxAttempts, Duration attemptTimeout, int podmanRetries) {

    /** Fractions (multiplier, jitter) are carried in parts per million, as the script's integer arithmetic does. */
    public static final long PPM = 1_000_000L;

    /** The documented defaults: 5 s doubling to 300 s, jitter 0.2, forever, 10 min per attempt, no podman retries. */
    public static final BackoffSpec DEFAULTS = new BackoffSpec(Duration.ofSeconds(5), BigDecimal.valueOf(2),
            Duration.ofSeconds(300), new BigDecimal("0.2"), 0, Duration.ofMinutes(10), 0);

    public BackoffSpec {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(multiplier, "multiplier");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(jitter, "jitter");
        Objects.requireNonNull(attemptTimeout, "attemptTimeout");
        multiplier = multiplier.stripTrailingZeros();
        jitter = jitter.stripTrailingZeros();
    }

    /** The multiplier in parts per million. */
    public long multiplierPpm() {
        return multiplier.movePointRight(6).longValueExact();
    }

    /** The jitter in parts per million. */
    public long jitterPpm() {
        return jitter.movePointRight(6).longValueExact();
    }
}
