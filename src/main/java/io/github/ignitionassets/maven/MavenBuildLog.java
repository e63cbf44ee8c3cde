package io.github.ignitionassets.maven;

import io.github.ignitionassets.core.BuildLog;
import org.apache.maven.plugin.logging.Log;

/** The core's log, written to Maven's. */
record MavenBuildLog(Log log) implements BuildLog {

    @Override
    public void debug(String message) {
        log.debug(message);
    }

    @Override
    public void info(String message) {
        log.info(message);
    }

    @Override
    public void warn(String message) {
        log.warn(message);
    }
}
