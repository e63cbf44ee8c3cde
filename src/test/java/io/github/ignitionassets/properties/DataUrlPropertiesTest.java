package io.github.ignitionassets.properties;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ignitionassets.ignition.DataUrl;
import io.github.ignitionassets.it.DataUrlBytes;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Data URLs: any bytes come back exactly, and the form chosen is the shortest of the three. */
class DataUrlPropertiesTest {

    @Provide
    Arbitrary<byte[]> contents() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(64 * 1024);
        Arbitrary<byte[]> small = Arbitraries.bytes().array(byte[].class).ofMaxSize(64);
        Arbitrary<byte[]> text = Arbitraries.strings().ofMaxLength(4096).map(s -> s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Arbitrary<byte[]> repetitive = Arbitraries.strings().withChars("ab\n\u0000%").ofMaxLength(64)
                .map(s -> s.repeat(50).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        return Arbitraries.oneOf(random, small, text, repetitive);
    }

    @Property(tries = 1000)
    void decodingGivesTheExactBytes(@ForAll("contents") byte[] bytes) {
        for (DataUrl.Encoded encoded : new DataUrl.Encoded[] {DataUrl.shortest(bytes, true), DataUrl.shortest(bytes, false)}) {
            assertArrayEquals(bytes, DataUrlBytes.decode(encoded.source(), encoded.compression()));
        }
        assertArrayEquals(bytes, DataUrlBytes.decode(DataUrl.percentEncoded(bytes), null));
    }

    @Property(tries = 1000)
    void chosenFormIsTheShortestOfTheThree(@ForAll("contents") byte[] bytes) {
        DataUrl.Encoded chosen = DataUrl.shortest(bytes, true);
        int percent = DataUrl.percentEncoded(bytes).length();
        int base64 = DataUrl.base64(bytes).length();
        int gzip = DataUrl.shortest(bytes, true).compression() != null ? chosen.source().length()
                : gzipLength(bytes);
        int cost = chosen.source().length() + (chosen.compression() == null ? 0 : DataUrl.GZIP.length());
        assertTrue(cost <= percent && cost <= base64 && cost <= gzip + DataUrl.GZIP.length(),
                "chosen " + cost + " vs percent " + percent + ", base64 " + base64 + ", gzip " + gzip + "+4");
        assertEquals(null, DataUrl.shortest(bytes, false).compression());
    }

    @Property(tries = 1000)
    void picksWhatBuildingAllThreeAndComparingPicks(@ForAll("contents") byte[] bytes) {
        for (boolean allowCompression : new boolean[] {true, false}) {
            assertEquals(buildingAllThree(bytes, allowCompression), DataUrl.shortest(bytes, allowCompression));
        }
    }

    @Property(tries = 1000)
    void tiesGoToPercentEncodingThenToTheUncompressedForms(@ForAll("small") byte[] bytes) {
        assertEquals(buildingAllThree(bytes, true), DataUrl.shortest(bytes, true));
    }

    /** Short inputs with some escaped bytes, where percent-encoding and base64 often come out the same length. */
    @Provide
    Arbitrary<byte[]> small() {
        return Arbitraries.strings().withChars("ab%/\n").ofMaxLength(12).map(s -> s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    /** The choice written out independently: build all three, keep the first of the shortest. */
    private static DataUrl.Encoded buildingAllThree(byte[] bytes, boolean allowCompression) {
        String best = DataUrl.percentEncoded(bytes);
        String b64 = DataUrl.base64(bytes);
        if (b64.length() < best.length()) {
            best = b64;
        }
        if (allowCompression) {
            String gz = DataUrl.base64(gzipBytes(bytes));
            if (gz.length() + DataUrl.GZIP.length() < best.length()) {
                return new DataUrl.Encoded(gz, DataUrl.GZIP);
            }
        }
        return new DataUrl.Encoded(best, null);
    }

    private static int gzipLength(byte[] bytes) {
        return DataUrl.base64(gzipBytes(bytes)).length();
    }

    private static byte[] gzipBytes(byte[] bytes) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (var gz = new java.util.zip.GZIPOutputStream(out) {
            {
                def.setLevel(java.util.zip.Deflater.BEST_COMPRESSION);
            }
        }) {
            gz.write(bytes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
