package io.github.ignitionassets.script;

import java.util.regex.Pattern;

/** Quoting for POSIX sh: a value in single quotes is taken literally, whatever it holds. */
public final class ShellQuote {

    /** Characters the shell takes literally outside quotes. */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_./+:@,=-]+");

    private ShellQuote() {
    }

    /** {@code it's} becomes {@code 'it'\''s'}; a value of safe characters only is left bare. */
    public static String quote(String value) {
        if (!value.isEmpty() && isAllSafe(value)) {
            return value;
        }
        return "'" + value.replace("'", "'\\''") + "'";
    }

    private static boolean isAllSafe(String value) {
        return SAFE.matcher(value).matches();
    }
}
