package io.github.ignitionassets.systemd;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A systemd time span as {@code TimeoutStartSec=} takes it (systemd.time(7)): a bare number is seconds,
 * {@code 10min}, {@code 1h 30min}, or {@code infinity}.
 */
public final class TimeSpan {

    /** Compiled on first use: the usual value, a bare number of seconds, is read without it. */
    private static final class Part {
        private static final Pattern PATTERN = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*(usec|us|µs|msec|ms|seconds|second|sec|s|minutes|minute|min|m|hours|hour|hr|h|days|day|d|weeks|week|w)?");

        private Part() {
        }
    }

    /** Digits in a bare number of seconds whose milliseconds surely fit a long. */
    private static final int MAX_PLAIN_SECONDS_DIGITS = 15;

    private TimeSpan() {
    }

    /**
     * Milliseconds, or empty for {@code infinity}.
     *
     * @throws IllegalArgumentException naming the value and the allowed forms
     */
    public static OptionalLong parseMillis(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        if (s.equals("infinity")) {
            return OptionalLong.empty();
        }
        if (s.isEmpty()) {
            throw new IllegalArgumentException("is empty; write seconds (600), a span (10min) or infinity");
        }
        long seconds = plainSeconds(s);
        if (seconds > 0) {
            return OptionalLong.of(seconds * 1000);
        }
        Matcher m = Part.PATTERN.matcher(s);
        int pos = 0;
        BigDecimal micros = BigDecimal.ZERO;
        while (pos < s.length()) {
            if (!m.find(pos) || m.start() != pos) {
                throw new IllegalArgumentException("'" + text + "' is not a systemd time span; write seconds (600), a span (10min, 1h 30min) or infinity");
            }
            micros = micros.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unitMicros(m.group(2)))));
            pos = m.end();
        }
        long ms = micros.movePointLeft(3).longValue();
        if (ms <= 0) {
            throw new IllegalArgumentException("'" + text + "' must be at least 1ms; 0 would mean no timeout, write infinity for that");
        }
        return OptionalLong.of(ms);
    }

    /**
     * The value of a bare number of seconds such as {@code 600} (what units and the POM's default hold), or -1
     * for anything else, left to the pattern (as is zero, which it refuses): this runs on every generate, in a
     * fresh JVM.
     */
    private static long plainSeconds(String s) {
        if (s.length() > MAX_PLAIN_SECONDS_DIGITS) {
            return -1;
        }
        long seconds = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            seconds = seconds * 10 + (c - '0');
        }
        return seconds;
    }

    private static long unitMicros(String unit) {
        if (unit == null) {
            return 1_000_000L;
        }
        return switch (unit) {
            case "usec", "us", "µs" -> 1L;
            case "msec", "ms" -> 1_000L;
            case "seconds", "second", "sec", "s" -> 1_000_000L;
            case "minutes", "minute", "min", "m" -> 60_000_000L;
            case "hours", "hour", "hr", "h" -> 3_600_000_000L;
            case "days", "day", "d" -> 86_400_000_000L;
            default -> 604_800_000_000L;
        };
    }
}
