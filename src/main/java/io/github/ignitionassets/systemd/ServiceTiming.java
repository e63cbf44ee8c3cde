package io.github.ignitionassets.systemd;

import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The [Service] settings that decide how often the pull script runs: {@code TimeoutStartSec=} (or
 * {@code TimeoutSec=}), {@code RestartSec=} and {@code Restart=}, read from a unit and its drop-ins as systemd merges
 * them, with systemd's defaults (90 s, 100 ms, {@code no}) where a setting is missing, empty or unreadable.
 *
 * @param timeoutStartMs   the start timeout in ms; empty for {@code infinity}
 * @param restartMs        the delay before a restart
 * @param restart          the {@code Restart=} value
 * @param timeoutStartFrom the file the timeout comes from, or {@link #DEFAULT}
 * @param restartSecFrom   the file {@code RestartSec=} comes from, or {@link #DEFAULT}
 * @param restartFrom      the file {@code Restart=} comes from, or {@link #DEFAULT}
 */
public record ServiceTiming(OptionalLong timeoutStartMs, long restartMs, String restart, String timeoutStartFrom,
                            String restartSecFrom, String restartFrom) {

    /** Where a setting no file makes comes from. */
    public static final String DEFAULT = "systemd's default";

    private static final long DEFAULT_TIMEOUT_START_MS = 90_000;
    private static final long DEFAULT_RESTART_MS = 100;
    /** Restart= values under which a killed (timed-out) start is restarted. */
    private static final Set<String> RESTARTS_AFTER_TIMEOUT = Set.of("always", "on-failure", "on-abnormal");
    /** Restart= values under which a start that exits non-zero is restarted. */
    private static final Set<String> RESTARTS_AFTER_FAILURE = Set.of("always", "on-failure");

    /**
     * One file of a unit as systemd loads it.
     *
     * @param name what messages call it, e.g. {@code agent.service} or {@code agent.service.d/10-timeout.conf}
     * @param text its contents
     */
    public record Source(String name, String text) {
    }

    /** Reads the settings from one unit's text. */
    public static ServiceTiming of(String unitText) {
        return of(List.of(new Source("unit", unitText)));
    }

    /**
     * Reads the settings from a unit and its drop-ins, in the order systemd applies them (the unit, then the drop-ins
     * by file name): each file as systemd reads it ({@link UnitSyntax.Dialect#SYSTEMD}), the last assignment winning.
     */
    public static ServiceTiming of(List<Source> files) {
        OptionalLong timeout = OptionalLong.of(DEFAULT_TIMEOUT_START_MS);
        long restartMs = DEFAULT_RESTART_MS;
        String restart = "no";
        String timeoutFrom = DEFAULT;
        String restartSecFrom = DEFAULT;
        String restartFrom = DEFAULT;
        for (Source file : files) {
            for (UnitDocument.Option option : UnitSyntax.read(file.text(), UnitSyntax.Dialect.SYSTEMD).options("Service").toList()) {
                String value = option.value();
                switch (option.name()) {
                    case "TimeoutStartSec", "TimeoutSec" -> {
                        OptionalLong span = span(value, DEFAULT_TIMEOUT_START_MS);
                        if (span != null) {
                            timeout = span;
                            timeoutFrom = value.isEmpty() ? DEFAULT : file.name();
                        }
                    }
                    case "RestartSec" -> {
                        OptionalLong span = value.equals("0") ? OptionalLong.of(0) : span(value, DEFAULT_RESTART_MS);
                        if (span != null) {
                            restartMs = span.orElse(restartMs);
                            restartSecFrom = value.isEmpty() ? DEFAULT : file.name();
                        }
                    }
                    case "Restart" -> {
                        restart = value.isEmpty() ? "no" : value.toLowerCase(Locale.ROOT);
                        restartFrom = value.isEmpty() ? DEFAULT : file.name();
                    }
                    default -> {
                    }
                }
            }
        }
        return new ServiceTiming(timeout, restartMs, restart, timeoutFrom, restartSecFrom, restartFrom);
    }

    /** Whether a start killed at the timeout is restarted. */
    public boolean restartsAfterTimeout() {
        return RESTARTS_AFTER_TIMEOUT.contains(restart);
    }

    /** Whether a start that exits non-zero (the script giving up after maxAttempts) is restarted. */
    public boolean restartsAfterFailure() {
        return RESTARTS_AFTER_FAILURE.contains(restart);
    }

    /** A span as systemd takes it; {@code null} for one it cannot parse, which it ignores. */
    private static OptionalLong span(String value, long fallback) {
        if (value.isEmpty()) {
            return OptionalLong.of(fallback);
        }
        if (value.equals("0")) {
            return OptionalLong.empty(); // 0 disables the timeout, like infinity
        }
        try {
            return TimeSpan.parseMillis(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
