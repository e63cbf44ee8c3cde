package io.github.ignitionassets.spec;

import io.github.ignitionassets.spec.SpecTree.Document;
import io.github.ignitionassets.spec.SpecTree.Entry;
import io.github.ignitionassets.spec.SpecTree.Kind;
import io.github.ignitionassets.spec.SpecTree.Mapping;
import io.github.ignitionassets.spec.SpecTree.Scalar;

/**
 * Reads the YAML that real specs are written in without loading SnakeYAML, whose classes are most of the generate
 * goal's cold start: a block mapping of plain words, at most two levels deep ({@code backoff:} then its keys, one
 * indentation for all of them), values that are plain, single- or double-quoted scalars on one line, comments, blank
 * lines, a leading {@code ---} and a trailing {@code ...}, LF or CRLF line ends, ASCII only.
 *
 * <p>It declines anything else, and anything it is not sure of, by returning {@code null}; SnakeYAML then reads the
 * whole text. So it never reports a fault itself: every syntax message comes from SnakeYAML. Where it reads, it
 * gives exactly the tree SnakeYAML's reader gives (a property test holds the two to that).
 */
final class PlainYamlReader {

    /** A spec is a few lines; longer text is left to SnakeYAML and its limits. */
    private static final int MAX_CHARS = 64 * 1024;
    /** Far below SnakeYAML's 1024-character limit on implicit keys. */
    private static final int MAX_KEY = 64;

    private final String text;
    private int lineNumber;
    private Mapping root;
    private boolean documentStarted;
    private boolean documentEnded;
    /** The open second-level mapping and its indentation, or null. */
    private Mapping nested;
    private int nestedIndent;
    /** A key with nothing after its colon, whose value depends on the next line: a nested mapping or empty text. */
    private String pendingKey;
    private int pendingLine;
    private Mapping pendingIn;
    /** A top-level key whose next line is more indented: the key of the second level about to open. */
    private String openedKey;
    private int openedLine;

    private PlainYamlReader(String text) {
        this.text = text;
    }

    /** The document, or {@code null} when the text is not (surely) in the subset. */
    static Document read(String text) {
        if (text.length() > MAX_CHARS) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // No tabs, no other control characters, no BOM, no non-ASCII line breaks (YAML 1.1 has three).
            if ((c < ' ' && c != '\n' && c != '\r') || c > '~') {
                return null;
            }
        }
        var reader = new PlainYamlReader(text);
        return reader.readLines() ? new Document(reader.root, 0, null) : null;
    }

    private boolean readLines() {
        int start = 0;
        int n = text.length();
        while (start < n) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = n;
            }
            int contentEnd = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
            lineNumber++;
            String line = text.substring(start, contentEnd);
            if (line.indexOf('\r') >= 0 || !readLine(line)) {
                return false; // a lone CR is a line break to YAML; not worth counting here
            }
            start = end + 1;
        }
        if (!settlePending(0)) {
            return false;
        }
        // "---" and nothing else is a document holding an empty scalar: SnakeYAML's to describe.
        return root != null || !documentStarted;
    }

    private boolean readLine(String line) {
        int indent = 0;
        while (indent < line.length() && line.charAt(indent) == ' ') {
            indent++;
        }
        if (indent == line.length() || line.charAt(indent) == '#') {
            return true; // blank or comment, at any indentation
        }
        if (documentEnded) {
            return false; // content after "...": a second document or a fault
        }
        if (indent == 0 && isMarker(line, "---")) {
            if (documentStarted || root != null) {
                return false;
            }
            documentStarted = true;
            return onlyComment(line, 3);
        }
        if (indent == 0 && isMarker(line, "...")) {
            documentEnded = true;
            return root != null && onlyComment(line, 3);
        }
        if (!settlePending(indent)) {
            return false;
        }
        Mapping target;
        if (indent == 0) {
            nested = null;
            if (root == null) {
                root = new Mapping(lineNumber);
            }
            target = root;
        } else if (nested != null) {
            if (indent != nestedIndent) {
                return false;
            }
            target = nested;
        } else if (root != null && lastKeyOpenedNested(indent)) {
            target = nested;
        } else {
            return false; // an indented root, or a line more indented than a value: continuation or fault
        }
        return readEntry(line, indent, target);
    }

    /** Opens the second level when the previous line was a top-level key with nothing after its colon. */
    private boolean lastKeyOpenedNested(int indent) {
        if (openedKey == null) {
            return false;
        }
        nested = new Mapping(lineNumber);
        nestedIndent = indent;
        root.entries().add(new Entry(openedKey, openedLine, nested));
        openedKey = null;
        return true;
    }

    /**
     * Decides the value of a key that had nothing after its colon, now that the next content line (at {@code indent})
     * or the end of the text has come: empty text if the line is not more indented; the start of the second level if
     * the key is top-level and the line is; otherwise (a third level, a multi-line scalar) the text is declined.
     */
    private boolean settlePending(int indent) {
        if (pendingKey == null) {
            return true;
        }
        String key = pendingKey;
        Mapping in = pendingIn;
        pendingKey = null;
        int level = in == root ? 0 : nestedIndent;
        if (indent <= level) {
            in.entries().add(new Entry(key, pendingLine, new Scalar("", Kind.NULL, pendingLine)));
            return true;
        }
        if (in != root) {
            return false;
        }
        openedKey = key;
        openedLine = pendingLine;
        return true;
    }

    private boolean readEntry(String line, int indent, Mapping target) {
        int i = indent;
        char first = line.charAt(i);
        if (!(first >= 'a' && first <= 'z' || first >= 'A' && first <= 'Z')) {
            return false;
        }
        while (i < line.length() && isKeyChar(line.charAt(i))) {
            i++;
        }
        if (i - indent > MAX_KEY || i == line.length() || line.charAt(i) != ':') {
            return false;
        }
        String key = line.substring(indent, i);
        i++;
        if (i < line.length() && line.charAt(i) != ' ') {
            return false; // "key:value" is one plain scalar, not a key
        }
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        if (i == line.length() || line.charAt(i) == '#') {
            pendingKey = key;
            pendingLine = lineNumber;
            pendingIn = target;
            return true;
        }
        Scalar value = switch (line.charAt(i)) {
            case '\'' -> singleQuoted(line, i);
            case '"' -> doubleQuoted(line, i);
            default -> plain(line, i);
        };
        if (value == null) {
            return false;
        }
        target.entries().add(new Entry(key, lineNumber, value));
        return true;
    }

    private static boolean isKeyChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.';
    }

    private Scalar plain(String line, int from) {
        char first = line.charAt(from);
        boolean dashWord = first == '-' && from + 1 < line.length() && line.charAt(from + 1) != ' ';
        if ("-?:,[]{}#&*!|>'\"%@`".indexOf(first) >= 0 && !dashWord) {
            return null; // an indicator: a list, a flow collection, an anchor, a tag, a block scalar...
        }
        int comment = line.indexOf(" #", from);
        int end = comment < 0 ? line.length() : comment;
        while (end > from && line.charAt(end - 1) == ' ') {
            end--;
        }
        String value = line.substring(from, end);
        if (value.contains(": ") || value.endsWith(":")) {
            return null; // a mapping inside a value: SnakeYAML's fault to report
        }
        try {
            return new Scalar(value, YamlScalarType.untagged(value, YamlScalarType.resolvePlain(value)), lineNumber);
        } catch (YamlScalarType.Fault e) {
            return null;
        }
    }

    private Scalar singleQuoted(String line, int from) {
        StringBuilder b = new StringBuilder();
        int i = from + 1;
        while (true) {
            if (i >= line.length()) {
                return null; // continues on the next line
            }
            char c = line.charAt(i++);
            if (c == '\'') {
                if (i < line.length() && line.charAt(i) == '\'') {
                    b.append('\'');
                    i++;
                } else {
                    break;
                }
            } else {
                b.append(c);
            }
        }
        return onlyComment(line, i) ? new Scalar(b.toString(), Kind.STRING, lineNumber) : null;
    }

    private Scalar doubleQuoted(String line, int from) {
        StringBuilder b = new StringBuilder();
        int i = from + 1;
        while (true) {
            if (i >= line.length()) {
                return null;
            }
            char c = line.charAt(i++);
            if (c == '"') {
                break;
            }
            if (c == '\\') {
                char escaped = i < line.length() ? line.charAt(i++) : 0;
                if (escaped != '"' && escaped != '\\') {
                    return null; // other escapes are SnakeYAML's to decode (or to refuse)
                }
                b.append(escaped);
            } else {
                b.append(c);
            }
        }
        return onlyComment(line, i) ? new Scalar(b.toString(), Kind.STRING, lineNumber) : null;
    }

    private static boolean isMarker(String line, String marker) {
        return line.startsWith(marker) && (line.length() == marker.length() || line.charAt(marker.length()) == ' ');
    }

    /** Whether the line holds only spaces from {@code from} on, then perhaps a comment after at least one space. */
    private static boolean onlyComment(String line, int from) {
        int i = from;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i == line.length() || line.charAt(i) == '#' && i > from;
    }
}
