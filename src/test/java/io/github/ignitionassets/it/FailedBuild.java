package io.github.ignitionassets.it;

import java.io.File;
import java.util.regex.Pattern;

/**
 * Checks shared by the invoker ITs of failing builds (on their verify scripts' class path through invoker's
 * {@code addTestClassPath}): the build failed as a user's mistake should, with no stack trace, and wrote nothing.
 */
public final class FailedBuild {

    private static final Pattern STACK_FRAME = Pattern.compile("(?m)^\\s+at [\\w.$]+\\(");
    private static final Pattern EXCEPTION = Pattern.compile("(?m)^(Caused by: |[\\w.$]+(Exception|Error): )");

    private FailedBuild() {
    }

    /** No stack trace or exception line in the log, and no generated resources under the project. */
    public static void assertFailedCleanly(File basedir, String log) {
        if (log.contains("at io.github") || STACK_FRAME.matcher(log).find() || EXCEPTION.matcher(log).find()) {
            throw new AssertionError("stack trace or exception in build.log");
        }
        if (new File(basedir, "target/generated-resources").exists()) {
            throw new AssertionError("a failed build wrote outputs");
        }
    }
}
