package io.github.ignitionassets.systemd;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one rule for unit names: systemd's {@code unit_name_is_valid} (src/basic/unit-name.c), with one choice of
 * ours. systemd allows {@code \} anywhere in a name; here it may only start a {@code \xNN} escape, the form
 * systemd-escape(1) writes (e.g. {@code var-lib\x2dcontainers.mount}), so a stray backslash is caught as the typo it
 * almost always is.
 */
public final class UnitName {

    /** The unit types systemd knows, as name suffixes without the dot. */
    public static final Set<String> TYPES = Set.of("service", "socket", "device", "mount", "automount", "swap", "target",
            "path", "timer", "slice", "scope");

    /** systemd's UNIT_NAME_MAX, 256, counts the terminating NUL. */
    private static final int MAX_LENGTH = 255;

    /** A prefix and an optional {@code @instance} (or {@code @} alone: a template), before the type suffix. */
    private static final Pattern NAME = Pattern.compile(
            "(?<prefix>(?:[A-Za-z0-9:_.-]|\\\\x\\p{XDigit}{2})+)(?:@(?<instance>(?:[A-Za-z0-9:_.@-]|\\\\x\\p{XDigit}{2})*))?"
                    + "\\.(?<type>[a-z]+)");

    private UnitName() {
    }

    /** Whether systemd takes the name as a plain unit, a template ({@code name@.type}) or an instance. */
    public static boolean isValid(String name) {
        if (name.length() > MAX_LENGTH) {
            return false;
        }
        var m = NAME.matcher(name);
        return m.matches() && TYPES.contains(m.group("type"));
    }

    /** Whether the name is valid and neither a template nor an instance. */
    public static boolean isPlain(String name) {
        return isValid(name) && !name.contains("@");
    }
}
