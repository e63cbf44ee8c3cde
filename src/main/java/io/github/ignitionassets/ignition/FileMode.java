package io.github.ignitionassets.ignition;

import java.util.regex.Pattern;

/**
 * File modes as users write them in a POM, in octal ({@code 0644}), and as Ignition's JSON takes them, in decimal
 * (420). A mode without the leading 0 ({@code 644}) is refused: written to JSON as is, it would be octal 1204.
 */
public final class FileMode {

    private static final Pattern OCTAL = Pattern.compile("0[0-7]{3,4}");
    private static final Pattern DECIMAL_LOOKING = Pattern.compile("[1-7][0-7]{2,3}");

    private FileMode() {
    }

    /**
     * Parses an octal mode.
     *
     * @return the mode as a number, e.g. 420 for {@code 0644}
     * @throws IllegalArgumentException naming the value and the fix
     */
    public static int parse(String text) {
        String s = text == null ? "" : text.strip();
        if (OCTAL.matcher(s).matches()) {
            return Integer.parseInt(s, 8);
        }
        if (DECIMAL_LOOKING.matcher(s).matches()) {
            throw new IllegalArgumentException("'" + s + "' looks like an octal mode without its leading 0; write 0" + s
                    + " (as decimal, " + s + " would be octal " + Integer.toOctalString(Integer.parseInt(s)) + ")");
        }
        throw new IllegalArgumentException("'" + s + "' is not an octal mode; write it with a leading 0, e.g. 0644 or 0755");
    }
}
