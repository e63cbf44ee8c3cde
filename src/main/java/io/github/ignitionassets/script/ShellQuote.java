package io.github.ignitionassets.script;

/** Quoting for POSIX sh: a value in single quotes is taken literally, whatever it holds. */
public final class ShellQuote {

    private ShellQuote() {
    }

    /** {@code it's} becomes {@code 'it'\''s'}; a value of safe characters only is left bare. */
    public static String quote(String value) {
        if (!value.isEmpty() && isAllSafe(value)) {
            return value;
        }
        return "'" + value.replace("'", "'\\''") + "'";
    }

    /** A loop, not a stream: quoting runs on every generate, in a fresh JVM. */
    private static boolean isAllSafe(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (!isSafe(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSafe(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-_./+:@,=".indexOf(c) >= 0;
    }
}
