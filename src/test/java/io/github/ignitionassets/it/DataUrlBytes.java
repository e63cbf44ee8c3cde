package io.github.ignitionassets.it;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;

/**
 * An independent decoder of the data URLs in generated configs, for the ITs' verify scripts: the ITs check the
 * plugin's encoding against this, not against the plugin's own decoder.
 */
public final class DataUrlBytes {

    private DataUrlBytes() {
    }

    /**
     * RFC 2397 {@code data:} URLs, base64 or percent-escaped ({@code +} is not a space here), gunzipped when
     * {@code compression} is {@code gzip}; an unescaped character that a percent-encoded URL may not hold fails, and so
     * does a percent escape that is not two hex digits.
     */
    public static byte[] decode(String url, String compression) {
        if (url.startsWith("data:;base64,")) {
            byte[] raw = Base64.getDecoder().decode(url.substring("data:;base64,".length()));
            if (!"gzip".equals(compression)) {
                return raw;
            }
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        String s = url.substring("data:,".length());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) {
                    throw new IllegalArgumentException("truncated escape at " + i + " in data URL");
                }
                bytes.write(HexFormat.fromHexDigits(s, i + 1, i + 3)); // exactly two hex digits: no sign, unlike parseInt
                i += 2;
            } else {
                if (c >= 128 || " \"'%#\n".indexOf(c) >= 0) {
                    throw new AssertionError("unescaped " + c + " in data URL");
                }
                bytes.write(c);
            }
        }
        return bytes.toByteArray();
    }
}
