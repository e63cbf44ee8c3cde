package io.github.ignitionassets.systemd;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnitNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"crio.service", "var-lib\\x2dcontainers.mount", "getty@tty1.service", "getty@.service",
        "a@b@c.socket", "..service", "x.scope", "a:b_c.d-e.timer"})
    void acceptsWhatSystemdAccepts(String name) {
        assertTrue(UnitName.isValid(name), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".service", "@.service", "@x.service", "a.conf", "a", "a/b.service", "a b.service",
        "\u00e9.service", "a\\b.service", "a\\.service", "a\\x2.service", "a\\xzz.service", "a\\\\.service", "a.service\\"})
    void refusesWhatSystemdRefusesAndBackslashesOutsideEscapes(String name) {
        assertFalse(UnitName.isValid(name), name);
    }

    @org.junit.jupiter.api.Test
    void namesAreAtMost255Characters() {
        assertTrue(UnitName.isValid("a".repeat(247) + ".service"));
        assertFalse(UnitName.isValid("a".repeat(248) + ".service"));
    }

    @org.junit.jupiter.api.Test
    void aPlainNameHasNoInstance() {
        assertTrue(UnitName.isPlain("crio.service"));
        assertFalse(UnitName.isPlain("getty@tty1.service"));
        assertFalse(UnitName.isPlain("getty@.service"));
    }
}
