package io.github.ignitionassets.json;

/** Text that is not JSON: what is wrong, in the words of Go's {@code encoding/json}, and where (1-based). */
public final class JsonSyntaxException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String reason;
    private final int line;
    private final int column;

    JsonSyntaxException(String reason, int line, int column) {
        super(reason + " at line " + line + " column " + column);
        this.reason = reason;
        this.line = line;
        this.column = column;
    }

    /** What is wrong, without the place, e.g. {@code invalid character '}' after object key}. */
    public String reason() {
        return reason;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
