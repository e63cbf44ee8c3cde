package io.github.ignitionassets.realtools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** A missing tool skips a test and names the package, except on CI, where it fails it. */
@Tag("real-tools")
class RequiredToolTest {

    private static final boolean CI = "true".equals(System.getenv("CI"));

    @Test
    void missingToolSkipsNamingThePackageOrFailsOnCi() {
        Class<? extends Throwable> expected = CI ? AssertionFailedError.class : TestAbortedException.class;
        Throwable t = assertThrows(expected, () -> RequiredTool.require("no-such-tool-f3c9a1", "no-such-package"));
        assertTrue(t.getMessage().contains("install Debian package no-such-package"), t::getMessage);
    }

    @Test
    void missingAbsolutePathIsMissingToo() {
        Class<? extends Throwable> expected = CI ? AssertionFailedError.class : TestAbortedException.class;
        assertThrows(expected, () -> RequiredTool.require("/nonexistent/bin/ignition", "ignition"));
    }

    @Test
    void presentToolIsFoundOnPath() {
        assertEquals(java.nio.file.Path.of("/bin/sh").getFileName(),
                RequiredTool.require("sh", "dash").getFileName());
    }
}
