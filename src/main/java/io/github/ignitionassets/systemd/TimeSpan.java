package io.github.ignitionassets.systemd;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A systemd time span as {@code TimeoutStartSec=} takes it (systemd.time(7)): a bare number is seconds,
 * {@code 10min}, {@code 1h 30min}, or {@code infinity}.
 */
public final class TimeSpan {

    private static final Pattern PART = Pattern.compile(
            "\\s*(\\d+)(?:\\.(\\d+))?\\s*(usec|us|µs|msec|ms|seconds|second|sec|s|minutes|minute|min|m|hours|hour|hr|h|days|day|d|weeks|week|w)?");

    /**
     * systemd's USEC_INFINITY, 2^64 - 1 µs: {@code parse_time} refuses a span that reaches it (ERANGE), and a
     * number it cannot read as a signed 64-bit integer.
     */
    private static final BigInteger USEC_INFINITY = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private static final BigInteger LLONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

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
        Matcher m = PART.matcher(s);
        BigInteger micros = BigInteger.ZERO;
        for (int pos = 0; pos < s.length(); pos = m.end()) {
            if (!m.find(pos) || m.start() != pos) {
                throw new IllegalArgumentException(String.format(
                        "'%s' is not a systemd time span; write seconds (600), a span (10min, 1h 30min) or infinity", text));
            }
            BigInteger whole = new BigInteger(m.group(1));
            BigInteger unit = BigInteger.valueOf(unitMicros(m.group(3)));
            if (whole.compareTo(LLONG_MAX) > 0 || whole.compareTo(USEC_INFINITY.divide(unit)) >= 0) {
                throw tooLarge(text);
            }
            BigDecimal fraction = m.group(2) == null ? BigDecimal.ZERO : new BigDecimal("0." + m.group(2));
            micros = micros.add(whole.multiply(unit)).add(fraction.multiply(new BigDecimal(unit)).toBigInteger());
            if (micros.compareTo(USEC_INFINITY) >= 0) {
                throw tooLarge(text);
            }
        }
        long ms = micros.divide(BigInteger.valueOf(1000)).longValueExact();
        if (ms <= 0) {
            throw new IllegalArgumentException(String.format(
                    "'%s' must be at least 1ms; 0 would mean no timeout, write infinity for that", text));
        }
        return OptionalLong.of(ms);
    }

    private static IllegalArgumentException tooLarge(String text) {
        return new IllegalArgumentException(String.format("'%s' is too large: systemd refuses spans of 2^64 - 1 µs"
                + " (about 584,542 years) or more; write infinity for no timeout", text));
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
