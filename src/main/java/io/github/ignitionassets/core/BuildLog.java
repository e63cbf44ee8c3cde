package io.github.ignitionassets.core;

/**
 * What the core says to whoever runs it, in three levels. The Maven adapter maps it onto Maven's {@code Log}; tests
 * collect it.
 */
public interface BuildLog {

    void debug(String message);

    void info(String message);

    void warn(String message);
}
