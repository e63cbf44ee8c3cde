package io.github.ignitionassets.ignition;

import java.nio.charset.StandardCharsets;

/**
 * Unit file contents read the way Ignition reads them: go-systemd v22's {@code unit.Deserialize}, step for step,
 * over a Go {@code bufio.Reader} of 4096 bytes. The buffer is modelled too, because go-systemd only notices a line
 * longer than 2048 bytes when at least 2048 bytes happen to be buffered at the start of a lexer step.
 */
final class UnitContents {

    private static final int BUFFER = 4096;
    private static final int LINE_MAX = 2048;
    private static final int EOF = -1;

    /**
     * The outcome of reading unit contents.
     *
     * @param error      why go-systemd rejects them, or null
     * @param hasInstall whether some option lies in the {@code [Install]} section
     */
    record Parsed(String error, boolean hasInstall) {
    }

    private enum Step { NEXT_SECTION, SECTION_NAME, SECTION_SUFFIX, IGNORE_LINE, SECTION_OR_OPTION, OPTION_NAME, OPTION_VALUE }

    private final byte[] src;
    private int pos;
    private int end;
    private int lastRuneSize;
    private String section = "";
    private boolean hasInstall;

    private UnitContents(String contents) {
        this.src = contents.getBytes(StandardCharsets.UTF_8);
    }

    static Parsed parse(String contents) {
        UnitContents lexer = new UnitContents(contents);
        String error = lexer.lex();
        return new Parsed(error, lexer.hasInstall);
    }

    private String lex() {
        Step next = Step.NEXT_SECTION;
        Step afterIgnore = Step.NEXT_SECTION;
        while (next != null) {
            if (end - pos >= LINE_MAX && !containsNewline(pos, pos + LINE_MAX)) {
                return "line too long (max 2048 bytes)";
            }
            switch (next) {
                case NEXT_SECTION -> {
                    int r = readRune();
                    if (r == EOF) {
                        next = null;
                    } else if (r == '[') {
                        next = Step.SECTION_NAME;
                    } else if (r == '#' || r == ';') {
                        afterIgnore = Step.NEXT_SECTION;
                        next = Step.IGNORE_LINE;
                    }
                }
                case SECTION_NAME -> {
                    int start = pos;
                    if (!readBytes(']')) {
                        return "unable to find end of section";
                    }
                    section = new String(src, start, pos - 1 - start, StandardCharsets.UTF_8);
                    next = Step.SECTION_SUFFIX;
                }
                case SECTION_SUFFIX -> {
                    int start = pos;
                    readBytes('\n');
                    String garbage = goTrimSpace(new String(src, start, pos - start, StandardCharsets.UTF_8));
                    if (!garbage.isEmpty()) {
                        return "found garbage after section name " + section + ": \"" + garbage + "\"";
                    }
                    next = Step.SECTION_OR_OPTION;
                }
                case IGNORE_LINE -> {
                    while (true) {
                        int start = pos;
                        readBytes('\n');
                        // toEOL trims a '\r' and then a '\n' (so "\\\r\n" is no continuation), then one ' '.
                        int stop = pos;
                        if (stop > start && src[stop - 1] == '\r') {
                            stop--;
                        }
                        if (stop > start && src[stop - 1] == '\n') {
                            stop--;
                        }
                        if (stop > start && src[stop - 1] == ' ') {
                            stop--;
                        }
                        if (!(stop > start && src[stop - 1] == '\\')) {
                            break;
                        }
                    }
                    next = afterIgnore;
                }
                case SECTION_OR_OPTION -> {
                    int r = readRune();
                    if (r == EOF) {
                        next = null;
                    } else if (isGoSpace(r)) {
                        next = Step.SECTION_OR_OPTION;
                    } else if (r == '[') {
                        next = Step.SECTION_NAME;
                    } else if (r == '#' || r == ';') {
                        afterIgnore = Step.SECTION_OR_OPTION;
                        next = Step.IGNORE_LINE;
                    } else {
                        pos -= lastRuneSize;
                        next = Step.OPTION_NAME;
                    }
                }
                case OPTION_NAME -> {
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
                    if ("Install".equals(section)) {
                        hasInstall = true;
                    }
                    next = Step.OPTION_VALUE;
                }
                case OPTION_VALUE -> {
                    // One line per step: a continued value returns to this step for its next line.
                    int start = pos;
                    boolean eof = !readBytes('\n');
                    String line = new String(src, start, pos - start, StandardCharsets.UTF_8);
                    line = trimSuffix(trimSuffix(line, "\r"), "\n");
                    if (goTrimSpace(line).isEmpty() || !line.endsWith("\\") || eof) {
                        next = Step.SECTION_OR_OPTION;
                    }
                }
                default -> throw new IllegalStateException(next.toString());
            }
        }
        return null;
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
        int b = src[pos] & 0xff;
        int size = b < 0x80 ? 1 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
        size = Math.min(size, end - pos);
        int rune = new String(src, pos, size, StandardCharsets.UTF_8).codePointAt(0);
        pos += size;
        lastRuneSize = size;
        return rune;
    }

    private boolean fullRune() {
        if (pos >= end) {
            return false;
        }
        int b = src[pos] & 0xff;
        int size = b < 0x80 ? 1 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
        return end - pos >= size;
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

    private static String trimSuffix(String s, String suffix) {
        return s.endsWith(suffix) ? s.substring(0, s.length() - suffix.length()) : s;
    }

    /** Go's unicode.IsSpace. */
    static boolean isGoSpace(int r) {
        return switch (r) {
            case '\t', '\n', 0x0b, '\f', '\r', ' ', 0x85, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000 -> true;
            default -> r >= 0x2000 && r <= 0x200a;
        };
    }

    /** Go's strings.TrimSpace. */
    static String goTrimSpace(String s) {
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
