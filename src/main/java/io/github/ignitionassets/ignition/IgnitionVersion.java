package io.github.ignitionassets.ignition;

import java.util.List;
import java.util.Optional;

/** The Ignition config spec versions this plugin writes. */
public enum IgnitionVersion {
    V3_0_0("3.0.0"), V3_1_0("3.1.0"), V3_2_0("3.2.0"), V3_3_0("3.3.0"), V3_4_0("3.4.0"), V3_5_0("3.5.0");

    private final String text;

    IgnitionVersion(String text) {
        this.text = text;
    }

    /** As written in {@code ignition.version}. */
    public String text() {
        return text;
    }

    /** All supported versions as text, oldest first. */
    public static List<String> supported() {
        return java.util.Arrays.stream(values()).map(IgnitionVersion::text).toList();
    }

    /** The version written as {@code text}, if supported. */
    public static Optional<IgnitionVersion> parse(String text) {
        for (IgnitionVersion v : values()) {
            if (v.text.equals(text)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
