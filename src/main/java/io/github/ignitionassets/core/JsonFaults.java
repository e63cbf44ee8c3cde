package io.github.ignitionassets.core;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.regex.Pattern;

/**
 * A JSON syntax fault as the user is told it, whether in a spec or a config: where it is, and Jackson's description
 * of it without the words meant for a programmer configuring Jackson.
 */
public final class JsonFaults {

    /** Advice on which Jackson feature would allow the input: the user cannot enable one. */
    private static final Pattern ADVICE = Pattern.compile(
            ": enable `[^`]*` to allow| \\(not recognized as one since Feature '\\w+' not enabled for parser\\)");
    /** Another place a description names (an object's start), with a source Jackson leaves out. */
    private static final Pattern PLACE = Pattern.compile("\\[Source: [^;\\]]*; line: (\\d+), column: (\\d+)]");

    private JsonFaults() {
    }

    /** Jackson's description of the fault, places in it as {@code line L, column C}. */
    public static String describe(JsonProcessingException e) {
        return PLACE.matcher(ADVICE.matcher(e.getOriginalMessage()).replaceAll("")).replaceAll("line $1, column $2");
    }

    /** Where the fault is: its own location, or the token the parser stopped at when it has none (a limit's has none). */
    public static JsonLocation where(JsonProcessingException e, JsonParser parser) {
        return e.getLocation() != null ? e.getLocation() : parser.currentTokenLocation();
    }
}
