package io.github.ignitionassets.ignition;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DataUrlTest {

    @Test
    void percentEncodesAllButUnreservedCharacters() {
        assertEquals("data:,%23%21%2Fbin%2Fsh%0Aecho%20%22a%25b%22%0A",
                DataUrl.percentEncoded("#!/bin/sh\necho \"a%b\"\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void decodingGivesBackTheExactBytes() {
        Random random = new Random(42);
        for (int n = 0; n < 200; n++) {
            byte[] bytes = new byte[random.nextInt(600)];
            random.nextBytes(bytes);
            assertArrayEquals(bytes, DataUrl.decode(DataUrl.percentEncoded(bytes)));
        }
    }
}
