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

    /** Reads the settings from a unit's text. */
    public static ServiceTiming of(String unitText) {
        OptionalLong timeout = OptionalLong.of(DEFAULT_TIMEOUT_START_MS);
        long restartMs = DEFAULT_RESTART_MS;
        String restart = "no";
        String section = "";
        // Lines split at '\n' by hand, not by the pattern \r?\n (compiled anew on every generate): a '\r' before
        // it goes with the strip, and empty lines count for nothing.
        int start = 0;
        while (start < unitText.length()) {
            int end = unitText.indexOf('\n', start);
            if (end < 0) {
                end = unitText.length();
            }
            String line = unitText.substring(start, end).strip();
            start = end + 1;
            if (line.startsWith("[") && line.endsWith("]")) {
                section = line.substring(1, line.length() - 1).strip();
                continue;
            }
            int eq = line.indexOf('=');
            if (!section.equals("Service") || eq < 0 || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            switch (key) {
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
