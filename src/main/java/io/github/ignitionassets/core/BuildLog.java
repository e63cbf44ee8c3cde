package io.github.ignitionassets.core;

/** The few things the core says to whoever runs it; the Maven adapter maps it onto Maven's log. */
public interface BuildLog {

    void info(String message);

    void warn(String message);

    void debug(String message);

    /** A log that drops everything, for callers that only want the result. */
    BuildLog SILENT = new BuildLog() {
        @Override
        public void info(String message) {
        }

        @Override
        public void warn(String message) {
        }

        @Override
        public void debug(String message) {
        }
    };
}
