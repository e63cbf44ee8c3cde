package io.github.ignitionassets.systemd;

/** How values we generate are written into unit files (systemd.service(5), systemd.unit(5) "Specifiers"). */
public final class UnitText {

    private UnitText() {
    }

    /** A literal value: {@code %} starts a specifier, so it is doubled. */
    public static String literal(String value) {
        return value.replace("%", "%%");
    }

    /**
     * One argument of an {@code Exec*=} command line: specifiers and {@code $} variable references are escaped, and
     * an argument with white space, quotes or backslashes is double-quoted, so it stays one argument.
     */
    public static String argument(String value) {
        String v = literal(value).replace("$", "$$");
        return v.isEmpty() || needsQuotes(v) ? quoted(v) : v;
    }

    private static boolean needsQuotes(String v) {
        return v.chars().anyMatch(c -> Character.isWhitespace(c) || "\"';\\".indexOf(c) >= 0);
    }

    private static String quoted(String v) {
        return "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
