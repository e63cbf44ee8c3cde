package io.github.ignitionassets.maven;

import io.github.ignitionassets.core.InputFiles;
import io.github.ignitionassets.ignition.ConfigValidator;
import io.github.ignitionassets.ignition.Finding;
import io.github.ignitionassets.ignition.ValidationReport;
import java.io.File;
import java.io.IOException;
import java.util.stream.Collectors;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks an existing Ignition config (spec 3.0.0 to 3.5.0) the way {@code ignition-validate} does for files,
 * directories, links, units and drop-ins. Errors fail the build, all at once, each with its JSON path; warnings are
 * logged, and fail the build only with {@code failOnWarning}. Runs without a project, on the config it is given;
 * bound in a POM with no configuration, it runs in {@code verify} and checks the config {@code generate} wrote.
 *
 * @since 0.1.0
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VERIFY, requiresProject = false, threadSafe = true)
public class ValidateMojo extends AbstractMojo {

    /**
     * The Ignition config to check.
     *
     * @since 0.1.0
     */
    @Parameter(property = "ignition.config", defaultValue = "${project.build.directory}/generated-resources/ignition/config.ign")
    private File config;

    /**
     * Fail the build on warnings too (e.g. an enabled unit with no {@code [Install]} section).
     *
     * @since 0.1.0
     */
    @Parameter(property = "ignition.failOnWarning", defaultValue = "false")
    private boolean failOnWarning;

    /**
     * Skip the goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = "ignition.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping Ignition validation: ignition.skip is true");
            return;
        }
        if (config.getPath().contains("${")) {
            // Outside a project the default names a generated config that no build made.
            throw new MojoFailureException("config: no config was named, and outside a project there is no generated"
                    + " config to check; name one with -Dignition.config=path/to/config.ign");
        }
        if (!config.isFile()) {
            throw new MojoFailureException("config: '" + config + "' does not exist or is not a file; name one with"
                    + " -Dignition.config=path/to/config.ign");
        }
        byte[] bytes;
        try {
            bytes = InputFiles.read(config.toPath(), InputFiles.CONFIG_LIMIT);
        } catch (InputFiles.TooLarge e) {
            throw new MojoFailureException(String.format("config: '%s' is larger than %s, the limit for an Ignition config",
                    config, e.limit()));
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot read " + config + ": " + e.getMessage(), e);
        }
        ValidationReport report;
        try {
            report = ConfigValidator.validate(bytes);
        } catch (RuntimeException | StackOverflowError e) {
            throw new MojoExecutionException("The Ignition assets plugin failed; this is a bug, please report it"
                    + " with the output of -e: " + e, e);
        }
        for (Finding w : report.warnings()) {
            getLog().warn("warning at " + where(w) + ": " + w.message());
        }
        if (!report.isValid() || failOnWarning && !report.warnings().isEmpty()) {
            var failing = report.isValid() ? report.warnings() : report.errors();
            String what = report.isValid() ? "warning" : "error";
            throw new MojoFailureException(failing.size() + " " + what + (failing.size() == 1 ? "" : "s") + " in " + config
                    + (report.isValid() ? " (failOnWarning is true)" : "") + ":\n"
                    + failing.stream().map(f -> "  - " + what + " at " + where(f) + ": " + f.message() + " [" + f.kind() + "]")
                            .collect(Collectors.joining("\n")));
        }
        getLog().info(config.getName() + " is a valid Ignition config" + (report.warnings().isEmpty() ? ""
                : " with " + report.warnings().size() + " warning(s)"));
    }

    /** As ignition-validate names a place: {@code $.storage.files[0].path, line 3 col 11}. */
    private static String where(Finding f) {
        String path = f.path().isEmpty() ? "$" : "$." + f.path();
        return f.hasPosition() ? String.format("%s, line %d col %d", path, f.line(), f.column()) : path;
    }
}
