package io.github.ignitionassets.ignition;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class IgnitionConfigTest {

    @Test
    void writesFilesThenUnitsInAFixedKeyOrder() {
        byte[] json = new IgnitionConfig(IgnitionVersion.V3_1_0)
                .putFile("/usr/local/bin/x", "hi\n".getBytes(StandardCharsets.UTF_8), 0755)
                .putUnit("x.service", "[Service]\nExecStart=/x\n", true)
                .toBytes();
        assertEquals("{\"ignition\":{\"version\":\"3.1.0\"},"
                + "\"storage\":{\"files\":[{\"path\":\"/usr/local/bin/x\",\"overwrite\":true,\"contents\":{\"source\":\"data:,hi%0A\"},\"mode\":493}]},"
                + "\"systemd\":{\"units\":[{\"name\":\"x.service\",\"enabled\":true,\"contents\":\"[Service]\\nExecStart=/x\\n\"}]}}\n",
                new String(json, StandardCharsets.UTF_8));
    }

    @Test
    void knowsVersionsThreeZeroToThreeFive() {
        assertEquals(java.util.List.of("3.0.0", "3.1.0", "3.2.0", "3.3.0", "3.4.0", "3.5.0"), IgnitionVersion.supported());
        assertEquals(java.util.Optional.empty(), IgnitionVersion.parse("2.3.0"));
    }
}
