package io.github.ignitionassets.systemd;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.IntUnaryOperator;

/**
 * The one reader of systemd unit syntax (systemd.syntax(7)): sections, options, comments ({@code #}, {@code ;}) and
 * lines continued with a trailing {@code \}. It reads a unit as one of two programs does, the {@link Dialect}.
 *
 * <p>{@link Dialect#GO_SYSTEMD} is go-systemd v22's {@code unit.Deserialize}, step for step, which Ignition uses to
 * validate unit contents, over a Go {@code bufio.Reader} of 4096 bytes. The buffer is modelled too, because
 * go-systemd only notices a line longer than 2048 bytes when at least 2048 bytes happen to be buffered at the start
 * of a lexer step.
 *
 * <p>{@link Dialect#SYSTEMD} is what systemd itself loads (src/shared/conf-parser.c {@code config_parse}, and
 * {@code read_line} in src/basic/fileio.c). It is the same lexer, and differs from go-systemd where that changes
 * which settings a unit has, so the load model reads what systemd will run:
 * <ul>
 *   <li>lines may be up to 1 MB long; go-systemd refuses some lines over 2048 bytes;</li>
 *   <li>a lone CR ends a line, as LF and CRLF do; go-systemd ends lines at LF only, so there a CR before the LF
 *       keeps a trailing {@code \} from continuing the line;</li>
 *   <li>comment lines are dropped before continuations are looked at: a comment never continues onto the next line,
 *       and comment lines inside a continued value are left out of it, which goes on after them; go-systemd
 *       continues a comment that ends in {@code \}, and ends a value at a comment line;</li>
 *   <li>a line continues when it ends in an odd number of {@code \} ({@code \\} is an escaped backslash), and the
 *       continued value has a space where the {@code \} was, where go-systemd keeps the {@code \} and a newline;</li>
 *   <li>lines before the first section header are ignored whole; go-systemd skips characters until a {@code [};</li>
 *   <li>a section header is one line ending in {@code ]}; white space is ASCII white space.</li>
 * </ul>
 * NUL bytes, which systemd also takes as line ends, are not expected in unit text and are read as characters.
 */
public final class UnitSyntax {

    /** Whose reading of unit syntax. */
    public enum Dialect {
        /** go-systemd v22, as Ignition validates unit contents and drop-ins. */
        GO_SYSTEMD,
        /** systemd, as it loads a unit. */
        SYSTEMD
    }

    private static final int BUFFER = 4096;
    private static final int LINE_MAX = 2048;
    private static final int EOF = -1;

    private enum Step { NEXT_SECTION, SECTION_NAME, SECTION_SUFFIX, IGNORE_LINE, SECTION_OR_OPTION, OPTION_NAME, OPTION_VALUE }

    private final Dialect dialect;
    private final byte[] src;
    private final int[] lineStarts;
    private final List<UnitDocument.Option> options = new ArrayList<>();
    private int pos;
    private int end;
    private int lastRuneSize;
    private String section = "";
    private boolean inSection;

    // The line toEol read last: its content [lineStart, lineEnd), and whether it ended the text.
    private int lineStart;
    private int lineEnd;
    private boolean lineEof;

    // The option being read: its name (null for a line systemd ignores), where it starts, its value so far.
    private String optionName;
    private int optionStart;
    private int valueEnd;
    private boolean continued;
    private final ByteArrayOutputStream value = new ByteArrayOutputStream();

    private UnitSyntax(String text, Dialect dialect) {
        this.dialect = dialect;
        this.src = text.getBytes(StandardCharsets.UTF_8);
        this.lineStarts = lineStarts(dialect, i -> src[i], src.length);
    }

    /** Reads a unit's text as the dialect's program does. */
    public static UnitDocument read(String text, Dialect dialect) {
        UnitSyntax reader = new UnitSyntax(text, dialect);
        Optional<String> error = Optional.ofNullable(reader.lex());
        return new UnitDocument(text, dialect, reader.options, error);
    }

    private String lex() {
        Step next = Step.NEXT_SECTION;
        Step afterIgnore = Step.NEXT_SECTION;
        while (next != null) {
            if (dialect == Dialect.GO_SYSTEMD && end - pos >= LINE_MAX && !containsNewline(pos, pos + LINE_MAX)) {
                return "line too long (max 2048 bytes)";
            }
            switch (next) {
                case NEXT_SECTION -> {
                    int r = readRune();
                    if (r == EOF) {
                        next = null;
                    } else if (r == '[') {
                        next = Step.SECTION_NAME;
                    } else if (isComment(r)) {
                        afterIgnore = Step.NEXT_SECTION;
                        next = Step.IGNORE_LINE;
                    } else if (dialect == Dialect.SYSTEMD && !isSpace(r)) {
                        pos -= lastRuneSize;
                        beginValue(null);
                        next = Step.OPTION_VALUE;
                    }
                }
                case SECTION_NAME -> {
                    if (dialect == Dialect.SYSTEMD) {
                        toEol();
                        int close = lineEnd;
                        while (close > lineStart && isSpace(src[close - 1])) {
                            close--;
                        }
                        if (close == lineStart || src[close - 1] != ']') {
                            return "invalid section header '[" + text(lineStart, lineEnd) + "'";
                        }
                        enterSection(text(lineStart, close - 1));
                        next = Step.SECTION_OR_OPTION;
                    } else {
                        int start = pos;
                        if (!readBytes(']')) {
                            return "unable to find end of section";
                        }
                        enterSection(text(start, pos - 1));
                        next = Step.SECTION_SUFFIX;
                    }
                }
                case SECTION_SUFFIX -> {
                    toEol();
                    String garbage = goTrimSpace(text(lineStart, lineEnd));
                    if (!garbage.isEmpty()) {
                        return "found garbage after section name " + section + ": \"" + garbage + "\"";
                    }
                    next = Step.SECTION_OR_OPTION;
                }
                case IGNORE_LINE -> {
                    do {
                        toEol();
                    } while (dialect == Dialect.GO_SYSTEMD && goCommentContinues());
                    next = afterIgnore;
                }
                case SECTION_OR_OPTION -> {
                    int r = readRune();
                    if (r == EOF) {
                        next = null;
                    } else if (isSpace(r)) {
                        next = Step.SECTION_OR_OPTION;
                    } else if (r == '[') {
                        next = Step.SECTION_NAME;
                    } else if (isComment(r)) {
                        afterIgnore = Step.SECTION_OR_OPTION;
                        next = Step.IGNORE_LINE;
                    } else {
                        pos -= lastRuneSize;
                        next = Step.OPTION_NAME;
                    }
                }
                case OPTION_NAME -> {
                    int start = pos;
                    while (true) {
                        int r = readRune();
                        if (r == EOF) {
                            return "EOF";
                        }
                        if (r == '\n' || r == '\r') {
                            return "unexpected newline encountered while parsing option name";
                        }
                        if (r == '=') {
                            break;
                        }
                    }
                    optionStart = start;
                    beginValue(trim(text(start, pos - 1)));
                    next = Step.OPTION_VALUE;
                }
                case OPTION_VALUE -> {
                    // One line per step, as go-systemd does: a continued value returns here for its next line.
                    if (readValueLine()) {
                        endValue();
                        next = inSection ? Step.SECTION_OR_OPTION : Step.NEXT_SECTION;
                    }
                }
                default -> throw new IllegalStateException(next.toString());
            }
        }
        return null;
    }

    private void enterSection(String name) {
        section = name;
        inSection = true;
    }

    private void beginValue(String name) {
        optionName = name;
        if (name == null) {
            optionStart = pos;
        }
        valueEnd = pos;
        continued = false;
        value.reset();
    }

    /** Reads one line of a value; true when the value ends with it. */
    private boolean readValueLine() {
        toEol();
        if (dialect == Dialect.GO_SYSTEMD) {
            if (goTrimSpace(text(lineStart, lineEnd)).isEmpty()) {
                return true;
            }
            append(lineEnd);
            if (lineEnd == lineStart || src[lineEnd - 1] != '\\') {
                return true;
            }
            if (!lineEof) {
                value.write('\n');
            }
            return false;
        }
        if (continued && isCommentLine()) {
            return lineEof;
        }
        append(lineEnd);
        int backslashes = 0;
        while (lineEnd - backslashes > lineStart && src[lineEnd - backslashes - 1] == '\\') {
            backslashes++;
        }
        if (backslashes % 2 == 0) {
            return true;
        }
        byte[] sofar = value.toByteArray();
        sofar[sofar.length - 1] = ' ';
        value.reset();
        value.writeBytes(sofar);
        continued = true;
        return lineEof;
    }

    private void append(int to) {
        value.write(src, lineStart, to - lineStart);
        valueEnd = to;
    }

    private void endValue() {
        if (optionName == null) {
            return; // a line before the first section, which systemd ignores
        }
        String v = value.toString(StandardCharsets.UTF_8);
        if (dialect == Dialect.GO_SYSTEMD) {
            // A newline was added to the end, so the text did not end with the backslash: go-systemd keeps it.
            v = v.endsWith("\n") ? goTrimSpace(v) + "\n" : goTrimSpace(v);
        } else {
            v = asciiStrip(v);
        }
        options.add(new UnitDocument.Option(section, optionName, v, lineOf(optionStart), lineOf(Math.max(optionStart, valueEnd - 1))));
    }

    /** go-systemd's ignoreLineFunc: after one trailing space, a {@code \} continues the comment. */
    private boolean goCommentContinues() {
        int stop = lineEnd;
        if (stop > lineStart && src[stop - 1] == ' ') {
            stop--;
        }
        return stop > lineStart && src[stop - 1] == '\\';
    }

    /** Whether the line toEol read last is a comment: its first character after white space is # or ;. */
    private boolean isCommentLine() {
        int i = lineStart;
        while (i < lineEnd && isSpace(src[i])) {
            i++;
        }
        return i < lineEnd && isComment(src[i]);
    }

    /**
     * Reads to the end of the line. go-systemd's toEOL reads to an LF, then trims a CR and then an LF (so
     * {@code "\\\r\n"} is no continuation); systemd ends a line at LF, CR, CRLF or LFCR.
     */
    private void toEol() {
        lineStart = pos;
        if (dialect == Dialect.GO_SYSTEMD) {
            lineEof = !readBytes('\n');
            int stop = pos;
            if (stop > lineStart && src[stop - 1] == '\r') {
                stop--;
            }
            if (stop > lineStart && src[stop - 1] == '\n') {
                stop--;
            }
            lineEnd = stop;
            return;
        }
        int i = pos;
        int length = 0;
        while (i < src.length && (length = terminatorLength(dialect, k -> src[k], src.length, i)) == 0) {
            i++;
        }
        lineEnd = i;
        lineEof = i == src.length;
        pos = i + length;
        end = Math.max(end, pos);
    }

    /** The length of the line terminator at {@code i}, or 0 when there is none. */
    static int terminatorLength(Dialect dialect, IntUnaryOperator charAt, int length, int i) {
        int c = charAt.applyAsInt(i);
        if (dialect == Dialect.GO_SYSTEMD) {
            return c == '\n' ? 1 : 0;
        }
        if (c != '\n' && c != '\r') {
            return 0;
        }
        int pair = c == '\n' ? '\r' : '\n';
        return i + 1 < length && charAt.applyAsInt(i + 1) == pair ? 2 : 1;
    }

    /** Where each line starts: 0, and after each line terminator. */
    static int[] lineStarts(Dialect dialect, IntUnaryOperator charAt, int length) {
        int[] starts = new int[8];
        int count = 1;
        for (int i = 0; i < length; i++) {
            int t = terminatorLength(dialect, charAt, length, i);
            if (t > 0) {
                i += t - 1;
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, count);
    }

    private int lineOf(int offset) {
        int found = Arrays.binarySearch(lineStarts, offset);
        return found >= 0 ? found + 1 : -found - 1;
    }

    private String text(int from, int to) {
        return new String(src, from, to - from, StandardCharsets.UTF_8);
    }

    /** bufio.Reader.fill after sliding: the buffer then holds up to 4096 bytes from the read position. */
    private void fill() {
        end = Math.min(src.length, pos + BUFFER);
    }

    private int readRune() {
        if (end - pos < 4 && !fullRune()) {
            fill();
        }
        if (pos == end) {
            lastRuneSize = -1;
            return EOF;
        }
        int size = Math.min(runeSize(src[pos]), end - pos);
        int rune = text(pos, pos + size).codePointAt(0);
        pos += size;
        lastRuneSize = size;
        return rune;
    }

    private boolean fullRune() {
        return pos < end && end - pos >= runeSize(src[pos]);
    }

    private static int runeSize(byte first) {
        int b = first & 0xff;
        return b < 0x80 ? 1 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
    }

    /** bufio.Reader.ReadBytes: true when {@code delim} was found (and consumed), false at the end of the input. */
    private boolean readBytes(char delim) {
        int searchFrom = pos;
        while (true) {
            for (int i = searchFrom; i < end; i++) {
                if (src[i] == delim) {
                    pos = i + 1;
                    return true;
                }
            }
            if (end == src.length) {
                pos = end;
                return false;
            }
            if (end - pos >= BUFFER) {
                pos = end;
                searchFrom = pos;
                continue;
            }
            searchFrom = end;
            fill();
        }
    }

    private boolean containsNewline(int from, int to) {
        for (int i = from; i < to; i++) {
            if (src[i] == '\n' || src[i] == '\r') {
                return true;
            }
        }
        return false;
    }

    private static boolean isComment(int r) {
        return r == '#' || r == ';';
    }

    private boolean isSpace(int r) {
        return dialect == Dialect.GO_SYSTEMD ? isGoSpace(r) : isAsciiSpace(r);
    }

    private String trim(String s) {
        return dialect == Dialect.GO_SYSTEMD ? goTrimSpace(s) : asciiStrip(s);
    }

    /** systemd's WHITESPACE. */
    private static boolean isAsciiSpace(int r) {
        return r == ' ' || r == '\t' || r == '\n' || r == '\r';
    }

    /** systemd's strstrip. */
    private static String asciiStrip(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && isAsciiSpace(s.charAt(from))) {
            from++;
        }
        while (to > from && isAsciiSpace(s.charAt(to - 1))) {
            to--;
        }
        return s.substring(from, to);
    }

    /** Go's unicode.IsSpace. */
    private static boolean isGoSpace(int r) {
        return switch (r) {
            case '\t', '\n', 0x0b, '\f', '\r', ' ', 0x85, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000 -> true;
            default -> r >= 0x2000 && r <= 0x200a;
        };
    }

    /** Go's strings.TrimSpace. */
    private static String goTrimSpace(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && isGoSpace(s.codePointAt(from))) {
            from += Character.charCount(s.codePointAt(from));
        }
        while (to > from && isGoSpace(s.codePointBefore(to))) {
            to -= Character.charCount(s.codePointBefore(to));
        }
        return s.substring(from, to);
    }
}
