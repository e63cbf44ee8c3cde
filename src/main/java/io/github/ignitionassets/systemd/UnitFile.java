package io.github.ignitionassets.systemd;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A systemd service unit that runs the pull script as {@code ExecStartPre=}: either the built-in unit or the
 * user's own with the pull step inserted.
 *
 * @param name the unit name, e.g. {@code agent.service}
 * @param text the unit's exact text
 */
public record UnitFile(String name, String text) {

    /** The patterns that read a user's unit, compiled only for one: a default build has none. */
    private static final class UserUnit {
        private static final Pattern EXEC_KEY = Pattern.compile("^\\s*(ExecStartPre|ExecStart)\\s*=.*");
        private static final Pattern SECTION = Pattern.compile("^\\s*\\[([^]]+)]\\s*$");
        /** An ExecStartPre= line's command, after the optional prefixes -, @, :, +, ! (systemd.service(5)). */
        private static final Pattern PRE_COMMAND = Pattern.compile("^\\s*ExecStartPre\\s*=\\s*[-@:+!]*(.*)$");

        private UserUnit() {
        }
    }

    public UnitFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
    }

    /**
     * Checks a unit name: only a service has {@code ExecStartPre=}, and a template needs an instance we cannot pick.
     *
     * @return empty when valid, else what is wrong
     */
    public static java.util.Optional<String> checkName(String name) {
        if (name == null || name.isEmpty()) {
            return java.util.Optional.of("is empty; write a service name such as agent.service");
        }
        if (name.contains("@")) {
            return java.util.Optional.of("'" + name + "' is a template or instance; name a plain service such as agent.service");
        }
        if (!name.endsWith(".service")) {
            return java.util.Optional.of("'" + name + "' must end in .service: only a service has ExecStartPre=");
        }
        if (!isUnitNameText(name) || name.length() > 255 || name.equals(".service")) {
            return java.util.Optional.of("'" + name + "' is not a valid unit name; allowed: letters, digits, ':', '_', '.', '-', '\\' then .service");
        }
        return java.util.Optional.empty();
    }

    /**
     * Whether every character is one systemd allows in a unit name: {@code [A-Za-z0-9:_.\\-]}. With the checks
     * around it, this is what the pattern {@code [A-Za-z0-9:_.\\-]+\.service} said, without compiling one on
     * every generate.
     */
    private static boolean isUnitNameText(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == ':' || c == '_'
                    || c == '.' || c == '\\' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** The name without {@code .service}, used as the container's name. */
    public static String baseName(String unitName) {
        return unitName.substring(0, unitName.length() - ".service".length());
    }

    /** The default {@code ExecStart=}: run the pulled image, never pulling again. */
    public static String defaultExecStart(String unitName, String image) {
        return "/usr/bin/podman run --pull=never --rm --name " + UnitText.argument(baseName(unitName)) + " "
                + UnitText.argument(image);
    }

    /** The {@code ExecStartPre=} line that runs the script. */
    public static String pullStep(String scriptPath, String image) {
        return "ExecStartPre=" + UnitText.argument(scriptPath) + " " + UnitText.argument(image);
    }

    /**
     * The built-in unit.
     *
     * @param execStart       the {@code ExecStart=} command as unit syntax, written as given
     * @param timeoutStartSec the {@code TimeoutStartSec=} value, written as given
     */
    public static UnitFile builtIn(String name, String image, String scriptPath, String execStart, String timeoutStartSec) {
        String text = "[Unit]\n"
                + "Description=" + UnitText.literal("Pull " + image + " with backoff, then run it") + "\n"
                + "Wants=network-online.target\n"
                + "After=network-online.target\n"
                + "StartLimitIntervalSec=0\n"
                + "\n"
                + "[Service]\n"
                + "Type=simple\n"
                + "Restart=always\n"
                + "RestartSec=3\n"
                + "TimeoutStartSec=" + timeoutStartSec + "\n"
                + pullStep(scriptPath, image) + "\n"
                + "ExecStart=" + execStart + "\n"
                + "\n"
                + "[Install]\n"
                + "WantedBy=multi-user.target\n";
        return new UnitFile(name, text);
    }

    /**
     * The user's unit with the pull step inserted before its first {@code ExecStartPre=} (or its {@code ExecStart=})
     * in {@code [Service]}; kept as written otherwise, and never given the step twice.
     *
     * @throws IllegalArgumentException when the unit has no {@code [Service]} command to run the step before
     */
    public static UnitFile withPullStep(String name, String userText, String scriptPath, String image) {
        String step = pullStep(scriptPath, image);
        String eol = userText.contains("\r\n") ? "\r\n" : "\n";
        List<String> lines = new ArrayList<>(List.of(userText.split("\r?\n", -1)));
        String section = "";
        int insertAt = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            var sm = UserUnit.SECTION.matcher(line);
            if (sm.matches()) {
                section = sm.group(1).strip();
                continue;
            }
            if (!section.equals("Service")) {
                continue;
            }
            if (line.strip().equals(step)) {
                return new UnitFile(name, userText); // already there: never twice
            }
            var pre = UserUnit.PRE_COMMAND.matcher(line);
            if (pre.matches() && !continues(lines, i)) {
                List<String> words = List.of(pre.group(1).strip().split("\\s+"));
                if (words.get(0).equals(UnitText.argument(scriptPath))) {
                    if (words.equals(List.of(UnitText.argument(scriptPath), UnitText.argument(image)))) {
                        return new UnitFile(name, userText); // there, with a prefix or other spacing: never twice
                    }
                    throw new IllegalArgumentException("line " + (i + 1) + " already runs " + scriptPath + " ('"
                            + line.strip() + "'); remove that line: the pull step for " + image + " is inserted for you");
                }
            }
            if (insertAt < 0 && UserUnit.EXEC_KEY.matcher(line).matches() && !continues(lines, i)) {
                insertAt = i;
            }
        }
        if (insertAt < 0) {
            throw new IllegalArgumentException("has no ExecStartPre= or ExecStart= in its [Service] section;"
                    + " the pull step runs before the service's command");
        }
        lines.add(insertAt, step);
        return new UnitFile(name, String.join(eol, lines));
    }

    /** Whether line i is inside a backslash continuation of the line before it. */
    private static boolean continues(List<String> lines, int i) {
        return i > 0 && lines.get(i - 1).endsWith("\\");
    }

    /** The unit as written to disk and embedded in the config. */
    public byte[] bytes() {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
