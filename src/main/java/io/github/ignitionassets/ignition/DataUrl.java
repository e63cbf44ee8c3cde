package io.github.ignitionassets.ignition;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** {@code data:} URLs (RFC 2397) for inline file contents. */
public final class DataUrl {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private DataUrl() {
    }

    /** The percent-encoded form, {@code data:,...}: every byte outside RFC 3986's unreserved set is escaped. */
    public static String percentEncoded(byte[] contents) {
        StringBuilder out = new StringBuilder(contents.length * 2 + 6).append("data:,");
        for (byte b : contents) {
            int c = b & 0xff;
            if (isUnreserved(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }

    /** Decodes {@code data:,...} and {@code data:;base64,...} URLs; the inverse of the encoders here. */
    public static byte[] decode(String url) {
        if (!url.startsWith("data:")) {
            throw new IllegalArgumentException("not a data URL");
        }
        int comma = url.indexOf(',');
        if (comma < 0) {
            throw new IllegalArgumentException("data URL without ','");
        }
        String meta = url.substring(5, comma);
        String data = url.substring(comma + 1);
        if (meta.endsWith(";base64")) {
            return java.util.Base64.getDecoder().decode(data);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length());
        byte[] raw = data.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '%') {
                if (i + 2 >= raw.length) {
                    throw new IllegalArgumentException("truncated escape at " + i);
                }
                out.write(Integer.parseInt(new String(raw, i + 1, 2, StandardCharsets.US_ASCII), 16));
                i += 2;
            } else {
                out.write(raw[i]);
            }
        }
        return out.toByteArray();
    }

    private static boolean isUnreserved(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.' || c == '~';
    }
}
