package io.github.ignitionassets.ignition;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.ignitionassets.it.DataUrlBytes;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DataUrlTest {

    @Test
    void percentEncodesAllButUnreservedCharacters() {
        assertEquals("data:,%23%21%2Fbin%2Fsh%0Aecho%20%22a%25b%22%0A",
                DataUrl.percentEncoded("#!/bin/sh\necho \"a%b\"\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void leavesWhatGoPathEscapeLeaves() {
        assertEquals("data:,a-_.~$&+,:;=@%2F%3F%23", DataUrl.percentEncoded("a-_.~$&+,:;=@/?#".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void picksTheShortestFormCountingTheCompressionValue() {
        byte[] text = "short\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(new DataUrl.Encoded("data:,short%0A", null), DataUrl.shortest(text, true));
        byte[] binary = {(byte) 0xff, (byte) 0xfe, 0, 1, (byte) 0x80, (byte) 0x90};
        assertEquals(new DataUrl.Encoded("data:;base64,//4AAYCQ", null), DataUrl.shortest(binary, true));
        byte[] repetitive = "echo hello\n".repeat(200).getBytes(StandardCharsets.UTF_8);
        DataUrl.Encoded gz = DataUrl.shortest(repetitive, true);
        assertEquals("gzip", gz.compression());
        assertArrayEquals(repetitive, decoded(gz));
        assertEquals(null, DataUrl.shortest(repetitive, false).compression(), "no compression where it is not allowed");
    }

    @Test
    void aTieBetweenPercentEncodingAndBase64GoesToPercentEncoding() {
        byte[] escaped = "%%%%%".getBytes(StandardCharsets.UTF_8);
        assertEquals(DataUrl.base64(escaped).length(), DataUrl.percentEncoded(escaped).length());
        assertEquals(new DataUrl.Encoded("data:,%25%25%25%25%25", null), DataUrl.shortest(escaped, true));
    }

    @Test
    void gzipIsTheSameBytesEveryTime() {
        byte[] text = "echo hello\n".repeat(50).getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(DataUrl.gzip(text), DataUrl.gzip(text));
        assertEquals(0, DataUrl.gzip(text)[4] | DataUrl.gzip(text)[5] | DataUrl.gzip(text)[6] | DataUrl.gzip(text)[7],
                "no modification time in the header");
    }

    @Test
    void decodingGivesBackTheExactBytes() {
        Random random = new Random(42);
        for (int n = 0; n < 200; n++) {
            byte[] bytes = new byte[random.nextInt(600)];
            random.nextBytes(bytes);
            assertArrayEquals(bytes, DataUrlBytes.decode(DataUrl.percentEncoded(bytes), null));
            assertArrayEquals(bytes, decoded(DataUrl.shortest(bytes, true)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"data:,%+1", "data:,%-1", "data:,%1", "data:,%zz", "data:,%1g"})
    void percentEscapesAreExactlyTwoHexDigits(String url) {
        assertThrows(IllegalArgumentException.class, () -> DataUrlBytes.decode(url, null));
        assertNotNull(SourceUrl.dataUrlError(url), "Ignition's dataurl package refuses it too");
    }

    /**
     * What vincent-petithory/dataurl v1.0.0 says (empty: accepted), checked with ignition-validate 2.14, which prints
     * the same words (and, for base64, the offset of the bad byte).
     */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `data:text/plain;charset="utf-8",hello`                                    |
            `data:application/json;charset=utf-8;foo="b\\"<@>\\"r";style=unformatted%20json;base64,eyJtc2ciOiAiaGV5YSJ9` |
            `data:text/plain;foo="a;b,c",x`                                            |
            `data:text/plain;foo="a b",x`                                              |
            `data:text/plain;foo="%zz",x`                                              |
            `data:text/plain;foo="\\u00e9",x`                                        |
            `data:text/plain;foo="\\377",x`                                          |
            `data:text/plain;foo="a\\q",x`                                           | invalid syntax
            `data:text/plain;foo="\\ud800",x`                                        | invalid syntax
            `data:text/plain;foo="\\x4",x`                                           | invalid syntax
            `data:text/plain;foo="\\400",x`                                          | invalid syntax
            `data:text/plain;foo="\\'",x`                                            | invalid syntax
            `data:text/plain;foo="unclosed,x`                                          | unclosed quoted string
            `data:text/plain;foo="";bar=%zz,x`                                         |
            `data:text/plain;foo=%zz,x`                                                | rfc2396: invalid char 0x25 in unescape sequence
            `data:textual/x,abc`                                                       |
            `data:x-foo/bar,abc`                                                       |
            `data:text/,abc`                                                           |
            `data:font/woff,abc`                                                       | invalid media type
            `data:Text/plain,abc`                                                      | invalid media type
            `data:xy/bar,abc`                                                          | invalid media type
            `data:x/bar,abc`                                                           | invalid character for media type
            `data:;base64,YR==`                                                        |
            `data:;base64,YQ`                                                          | illegal base64 data
            `data:,a%zz`                                                               | rfc2396: invalid char 0x25 in unescape sequence
            `data:text/plain;charset=utf-8;foo=bar;base64,aGV5YQ==`                    |
            `data:;charset=utf-8;base64;x=y,aGV5YQ==`                                  | invalid character for parameter attribute
            `data:text/plain;foo,x`                                                    | expected base64, got foo
            """)
    void followsTheDataurlLexer(String url, String error) {
        assertEquals(error, SourceUrl.dataUrlError(url));
    }

    private static byte[] decoded(DataUrl.Encoded encoded) {
        return DataUrlBytes.decode(encoded.source(), encoded.compression());
    }
}
