package io.github.ignitionassets.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.testing.SilentLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the validate goal says when it has nothing, or no file, to check. */
class ValidateMojoTest {

    @TempDir
    Path dir;

    private static ValidateMojo withConfig(File config) throws ReflectiveOperationException {
        ValidateMojo mojo = new ValidateMojo();
        // A mojo made with new logs to stdout ("[info] config.ign is a valid ...") until it is given a log.
        mojo.setLog(new SilentLog());
        var field = ValidateMojo.class.getDeclaredField("config");
        field.setAccessible(true);
        field.set(mojo, config);
        return mojo;
    }

    @Test
    void outsideAProjectWithNoConfigNamedSaysHowToNameOne() throws Exception {
        // What Maven makes of the default, ${project.build.directory}/..., when there is no project.
        File unresolved = dir.resolve("${project.basedir}/target/generated-resources/ignition/config.ign").toFile();
        var e = assertThrows(MojoFailureException.class, () -> withConfig(unresolved).execute());
        assertEquals("config: no config was named, and outside a project there is no generated config to check; name one"
                + " with -Dignition.config=path/to/config.ign", e.getMessage());
    }

    @Test
    void aConfigThatIsNotThereIsNamed() throws Exception {
        File missing = dir.resolve("missing.ign").toFile();
        var e = assertThrows(MojoFailureException.class, () -> withConfig(missing).execute());
        assertEquals("config: '" + missing + "' does not exist or is not a file; name one with"
                + " -Dignition.config=path/to/config.ign", e.getMessage());
    }

    @Test
    void aValidConfigPasses() throws Exception {
        Path config = Files.writeString(dir.resolve("config.ign"), "{\"ignition\":{\"version\":\"3.1.0\"}}");
        withConfig(config.toFile()).execute();
    }
}
