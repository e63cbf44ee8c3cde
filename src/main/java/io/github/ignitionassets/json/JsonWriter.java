package io.github.ignitionassets.json;

import java.util.Iterator;
import java.util.Map;

/**
 * Writes JSON as the config files have always been written: compact, or indented by two spaces with
 * {@code "key": value}, an empty object as <code>{ }</code> and an empty array as {@code [ ]}. Strings escape only
 * what JSON requires ({@code "}, {@code \}, control characters, with the short forms where JSON has one) and
 * unpaired surrogates, so the text round-trips; everything else is written as is (the file is UTF-8).
 */
final class JsonWriter {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private JsonWriter() {
    }

    static void write(Json value, boolean pretty, StringBuilder out) {
        write(value, pretty, 0, out);
    }

    private static void write(Json v, boolean pretty, int indent, StringBuilder out) {
        switch (v.kind()) {
            case OBJECT -> {
                Map<String, Json> fields = v.fieldMap();
                out.append('{');
                if (fields.isEmpty()) {
                    out.append(pretty ? " }" : "}");
                    return;
                }
                Iterator<Map.Entry<String, Json>> it = fields.entrySet().iterator();
                while (it.hasNext()) {
                    Map.Entry<String, Json> e = it.next();
                    newline(pretty, indent + 1, out);
                    string(e.getKey(), out);
                    out.append(pretty ? ": " : ":");
                    write(e.getValue(), pretty, indent + 1, out);
                    if (it.hasNext()) {
                        out.append(',');
                    }
                }
                newline(pretty, indent, out);
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                if (v.size() == 0) {
                    out.append(pretty ? " ]" : "]");
                    return;
                }
                Iterator<Json> it = v.iterator();
                while (it.hasNext()) {
                    newline(pretty, indent + 1, out);
                    write(it.next(), pretty, indent + 1, out);
                    if (it.hasNext()) {
                        out.append(',');
                    }
                }
                newline(pretty, indent, out);
                out.append(']');
            }
            case STRING -> string(v.stringValue(), out);
            case NUMBER, BOOLEAN -> out.append(v.asText());
            case NULL -> out.append("null");
            default -> throw new IllegalArgumentException("cannot write a missing value");
        }
    }

    private static void newline(boolean pretty, int indent, StringBuilder out) {
        if (pretty) {
            out.append('\n');
            for (int i = 0; i < indent; i++) {
                out.append("  ");
            }
        }
    }

    static void string(String s, StringBuilder out) {
        out.append('"');
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\' && !Character.isSurrogate(c)) {
                out.append(c);
                continue;
            }
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else {
                        out.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf])
                                .append(HEX[c >> 4 & 0xf]).append(HEX[c & 0xf]);
                    }
                }
            }
        }
        out.append('"');
    }
}
