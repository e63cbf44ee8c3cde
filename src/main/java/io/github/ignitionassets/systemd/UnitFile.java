package io.github.ignitionassets.systemd;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A systemd service unit that runs the pull script as {@code ExecStartPre=}: either the built-in unit or the
 * user's own with the pull step inserted.
 *
 * @param name the unit name, e.g. {@code agent.service}
 * @param text the unit's exact text
 */
public record UnitFile(String name, String text) {

    /** The prefixes an {@code Exec*=} command may start with: -, @, :, +, ! (systemd.service(5)). */
    private static final Pattern EXEC_PREFIXES = Pattern.compile("^[-@:+!]*");

    public UnitFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
    }

    /**
     * Checks a unit name: only a service has {@code ExecStartPre=}, and a template needs an instance we cannot pick.
     * Beyond {@link UnitName}'s rule, no {@code \} at all, not even in a {@code \xNN} escape: the name is also the
     * unit's file name in the output directory, and {@code \} separates directories on Windows.
     *
     * @return empty when valid, else what is wrong
     */
    public static Optional<String> checkName(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("is empty; write a service name such as agent.service");
        }
        if (name.contains("@")) {
            return Optional.of("'" + name + "' is a template or instance; name a plain service such as agent.service");
        }
        if (!name.endsWith(".service")) {
            return Optional.of("'" + name + "' must end in .service: only a service has ExecStartPre=");
        }
        if (!UnitName.isPlain(name) || name.contains("\\")) {
            return Optional.of("'" + name + "' is not a valid unit name; allowed: letters, digits, ':', '_', '.', '-' then .service");
        }
        return Optional.empty();
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

    /** The built-in unit with no proxy. */
    public static UnitFile builtIn(String name, String image, String scriptPath, String execStart, String timeoutStartSec) {
        return builtIn(name, image, scriptPath, execStart, timeoutStartSec, new ProxyEnvironment(null, null, List.of()));
    }

    /**
     * The built-in unit.
     *
     * @param execStart       the {@code ExecStart=} command as unit syntax, written as given
     * @param timeoutStartSec the {@code TimeoutStartSec=} value, written as given
     * @param proxy           the proxy the pull and the service go through
     */
    public static UnitFile builtIn(String name, String image, String scriptPath, String execStart, String timeoutStartSec,
                                   ProxyEnvironment proxy) {
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
                + proxy.lines().stream().map(line -> line + "\n").collect(Collectors.joining())
                + pullStep(scriptPath, image) + "\n"
                + "ExecStart=" + execStart + "\n"
                + "\n"
                + "[Install]\n"
                + "WantedBy=multi-user.target\n";
        return new UnitFile(name, text);
    }

    /**
     * The user's unit with the pull step inserted before its first {@code ExecStartPre=} (or its {@code ExecStart=})
     * in {@code [Service]}, as systemd reads the unit; kept as written otherwise, byte for byte, and never given the
     * step twice. The inserted line ends as the unit's first line does.
     *
     * @throws IllegalArgumentException when the unit has no {@code [Service]} command to run the step before, or
     *                                  runs the script already with other arguments
     */
    public static UnitFile withPullStep(String name, String userText, String scriptPath, String image) {
        String script = UnitText.argument(scriptPath);
        String stepCommand = script + " " + UnitText.argument(image);
        UnitDocument unit = UnitSyntax.read(userText, UnitSyntax.Dialect.SYSTEMD);
        List<UnitDocument.Option> commands = unit.options("Service")
                .filter(o -> o.name().equals("ExecStartPre") || o.name().equals("ExecStart"))
                .toList();
        for (UnitDocument.Option pre : commands) {
            String command = EXEC_PREFIXES.matcher(pre.value()).replaceFirst("");
            if (!pre.name().equals("ExecStartPre") || !runs(command, script)) {
                continue;
            }
            if (String.join(" ", command.split("\\s+")).equals(stepCommand)) {
                return new UnitFile(name, userText); // there already, perhaps with a prefix or other spacing
            }
            String problem = pre.firstLine() == pre.lastLine()
                    ? String.format("line %d already runs %s ('ExecStartPre=%s'); remove that line",
                            pre.firstLine(), scriptPath, pre.value())
                    : String.format("lines %d-%d already run %s ('ExecStartPre=%s'); remove those lines",
                            pre.firstLine(), pre.lastLine(), scriptPath, pre.value());
            throw new IllegalArgumentException(problem + ": the pull step for " + image + " is inserted for you");
        }
        if (commands.isEmpty()) {
            throw new IllegalArgumentException("has no ExecStartPre= or ExecStart= in its [Service] section;"
                    + " the pull step runs before the service's command");
        }
        int at = unit.offsetOfLine(commands.get(0).firstLine());
        String eol = firstLineEnding(userText);
        return new UnitFile(name, userText.substring(0, at) + pullStep(scriptPath, image) + eol + userText.substring(at));
    }

    /** Whether an {@code Exec*=} command line runs the program {@code program} (written as unit syntax). */
    private static boolean runs(String command, String program) {
        return command.startsWith(program)
                && (command.length() == program.length() || Character.isWhitespace(command.charAt(program.length())));
    }

    private static String firstLineEnding(String text) {
        int lf = text.indexOf('\n');
        return lf > 0 && text.charAt(lf - 1) == '\r' ? "\r\n" : "\n";
    }

    /** The unit as written to disk and embedded in the config. */
    public byte[] bytes() {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
