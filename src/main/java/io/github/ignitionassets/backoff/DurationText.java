package io.github.ignitionassets.backoff;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as users write them in a spec: {@code 250ms}, {@code 1.5s}, {@code 1m30s}, {@code 2h},
 * {@code 1d}, or ISO-8601 ({@code PT5S}). A unit is required: a bare {@code 5} is ambiguous.
 * Durations are whole milliseconds, since the script counts in milliseconds.
 */
public final class DurationText {

    /** Longer than any sane backoff; keeps every later multiplication far from overflow. */
    public static final Duration MAX = Duration.ofDays(10_000);

    private static final Pattern COMPONENT = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|d|h|m|s)");
    private static final Pattern BARE_NUMBER = Pattern.compile("[+-]?\\d+(?:\\.\\d+)?");

    private static final String[] UNITS = {"d", "h", "m", "s", "ms"};
    private static final long[] UNIT_MILLIS = {86_400_000L, 3_600_000L, 60_000L, 1_000L, 1L};

    private DurationText() {
    }

    /**
     * Parses a duration.
     *
     * @throws IllegalArgumentException with a message that names the value and what is allowed
     */
    public static Duration parse(String text) {
        String s = text.strip();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("is empty; write a duration such as 5s, 250ms, 1m30s or PT5S");
        }
        if (BARE_NUMBER.matcher(s).matches()) {
            throw new IllegalArgumentException("'" + text + "' has no unit; write " + s + "s"
                    + " (units: ms, s, m, h, d; or ISO-8601 such as PT" + s + "S)");
        }
        Duration d = s.charAt(0) == 'P' || s.charAt(0) == 'p' ? parseIso(text, s) : parseUnits(text, s);
        if (d.isNegative()) {
            throw new IllegalArgumentException("'" + text + "' is negative");
        }
        if (d.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("'" + text + "' is longer than the longest allowed, " + format(MAX));
        }
        if (d.getNano() % 1_000_000 != 0) {
            throw new IllegalArgumentException("'" + text + "' is not a whole number of milliseconds");
        }
        return d;
    }

    private static Duration parseIso(String text, String s) {
        try {
            return Duration.parse(s.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 duration such as PT5S or PT1M30S");
        }
    }

    private static Duration parseUnits(String text, String s) {
        Matcher m = COMPONENT.matcher(s);
        int pos = 0;
        int lastUnit = -1;
        BigDecimal millis = BigDecimal.ZERO;
        while (pos < s.length()) {
            if (!m.find(pos) || m.start() != pos) {
                throw new IllegalArgumentException("'" + text + "' is not a duration; write e.g. 250ms, 5s, 1m30s, 2h or PT5S");
            }
            int unit = unitIndex(m.group(2));
            if (unit <= lastUnit) {
                throw new IllegalArgumentException("'" + text + "' repeats or misorders its units; write them largest first, e.g. 1m30s");
            }
            lastUnit = unit;
            BigDecimal amount = new BigDecimal(m.group(1));
            millis = millis.add(amount.multiply(BigDecimal.valueOf(UNIT_MILLIS[unit])));
            if (millis.compareTo(BigDecimal.valueOf(MAX.toMillis())) > 0) {
                throw new IllegalArgumentException("'" + text + "' is longer than the longest allowed, " + format(MAX));
            }
            pos = m.end();
        }
        if (millis.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("'" + text + "' is not a whole number of milliseconds");
        }
        BigInteger whole = millis.toBigIntegerExact();
        return Duration.ofMillis(whole.longValueExact());
    }

    private static int unitIndex(String unit) {
        for (int i = 0; i < UNITS.length; i++) {
            if (UNITS[i].equals(unit)) {
                return i;
            }
        }
        throw new IllegalStateException(unit);
    }

    /** The canonical form, largest unit first: {@code 1m30s}, {@code 250ms}, {@code 0s}. Parses back to the same value. */
    public static String format(Duration d) {
        long millis = d.toMillis();
        if (millis == 0) {
            return "0s";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < UNITS.length; i++) {
            long n = millis / UNIT_MILLIS[i];
            if (n > 0) {
                out.append(n).append(UNITS[i]);
                millis -= n * UNIT_MILLIS[i];
            }
        }
        return out.toString();
    }

    /** Seconds with millisecond precision, as {@code sleep} and {@code timeout} take them: {@code 1.250}. */
    public static String seconds(long millis) {
        return String.format(Locale.ROOT, "%d.%03d", millis / 1000, millis % 1000);
    }
}
