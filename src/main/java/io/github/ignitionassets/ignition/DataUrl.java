package io.github.ignitionassets.ignition;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * {@code data:} URLs (RFC 2397) for inline file contents, encoded as Butane does: the shortest of percent-encoding,
 * base64, and gzip (best compression) with base64.
 */
public final class DataUrl {

    /** Ignition's name for gzip in {@code contents.compression}. */
    public static final String GZIP = "gzip";

    /**
     * An encoded file body.
     *
     * @param source      the {@code data:} URL
     * @param compression {@code gzip} when the URL holds gzip data, else {@code null}
     */
    public record Encoded(String source, String compression) {
    }

    /**
     * The shortest encoding, counting the {@code compression} value's length against gzip, as Butane does.
     *
     * @param allowCompression false for Ignition 3.0.0, where Butane does not compress either
     */
    public static Encoded shortest(byte[] contents, boolean allowCompression) {
        // Ties go to percent-encoding over base64, and to either over gzip.
        String percent = percentEncoded(contents);
        String b64 = base64(contents);
        String best = b64.length() < percent.length() ? b64 : percent;
        if (allowCompression) {
            String gz = base64(gzip(contents));
            if (gz.length() + GZIP.length() < best.length()) {
                return new Encoded(gz, GZIP);
            }
        }
        return new Encoded(best, null);
    }

    private static final String BASE64_PREFIX = "data:;base64,";

    private static final String PERCENT_PREFIX = "data:,";

    /** The base64 form, {@code data:;base64,...}. */
    public static String base64(byte[] contents) {
        return BASE64_PREFIX + Base64.getEncoder().encodeToString(contents);
    }

    /**
     * gzip at best compression with a zero modification time and no file name, so the same bytes give the same
     * output on the same JDK.
     */
    static byte[] gzip(byte[] contents) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(contents.length / 2 + 32);
        try (GZIPOutputStream gz = new GZIPOutputStream(out) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gz.write(contents);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private DataUrl() {
    }

    /**
     * The percent-encoded form, {@code data:,...}, escaping what Go's {@code url.PathEscape} escapes (as Butane's
     * data URL library does): all but RFC 3986's unreserved characters and {@code $&+,:;=@}.
     */
    public static String percentEncoded(byte[] contents) {
        StringBuilder out = new StringBuilder(contents.length * 2 + 6).append(PERCENT_PREFIX);
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

    private static boolean isUnreserved(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-_.~$&+,:;=@".indexOf(c) >= 0;
    }
}
