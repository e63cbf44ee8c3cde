package io.github.ignitionassets.systemd;

import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The [Service] settings that decide how often the pull script runs: {@code TimeoutStartSec=} (or
 * {@code TimeoutSec=}), {@code RestartSec=} and {@code Restart=}, read from a unit's text with systemd's defaults
 * (90 s, 100 ms, {@code no}) where a setting is missing, empty or unreadable.
 *
 * @param timeoutStartMs the start timeout in ms; empty for {@code infinity}
 * @param restartMs      the delay before a restart
 * @param restart        the {@code Restart=} value
 */
public record ServiceTiming(OptionalLong timeoutStartMs, long restartMs, String restart) {

    private static final long DEFAULT_TIMEOUT_START_MS = 90_000;
    private static final long DEFAULT_RESTART_MS = 100;
    /** Restart= values under which a killed (timed-out) start is restarted. */
    private static final Set<String> RESTARTS_AFTER_TIMEOUT = Set.of("always", "on-failure", "on-abnormal");

    /**
     * Reads the settings from a unit's text as systemd reads it ({@link UnitSyntax.Dialect#SYSTEMD}): a continued
     * line belongs to the setting it continues, and the last assignment wins.
     */
    public static ServiceTiming of(String unitText) {
        OptionalLong timeout = OptionalLong.of(DEFAULT_TIMEOUT_START_MS);
        long restartMs = DEFAULT_RESTART_MS;
        String restart = "no";
        for (UnitDocument.Option option : UnitSyntax.read(unitText, UnitSyntax.Dialect.SYSTEMD).options("Service").toList()) {
            String value = option.value();
            switch (option.name()) {
                case "TimeoutStartSec", "TimeoutSec" -> timeout = span(value, timeout, DEFAULT_TIMEOUT_START_MS);
                case "RestartSec" -> restartMs = value.equals("0") ? 0
                        : span(value, OptionalLong.of(restartMs), DEFAULT_RESTART_MS).orElse(restartMs);
                case "Restart" -> restart = value.isEmpty() ? "no" : value.toLowerCase(Locale.ROOT);
                default -> {
                }
            }
        }
        return new ServiceTiming(timeout, restartMs, restart);
    }

    /** Whether a start killed at the timeout, or one that exits non-zero, is restarted. */
    public boolean restartsAfterTimeout() {
        return RESTARTS_AFTER_TIMEOUT.contains(restart);
    }

    private static OptionalLong span(String value, OptionalLong current, long fallback) {
        if (value.isEmpty()) {
            return OptionalLong.of(fallback);
        }
        if (value.equals("0")) {
            return OptionalLong.empty(); // 0 disables the timeout, like infinity
        }
        try {
            return TimeSpan.parseMillis(value);
        } catch (IllegalArgumentException e) {
            return current; // systemd ignores an assignment it cannot parse
        }
    }
}
