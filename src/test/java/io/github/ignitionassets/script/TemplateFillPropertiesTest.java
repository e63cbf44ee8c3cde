package io.github.ignitionassets.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Filling the template and making the name plain by hand give exactly what the patterns they replace gave. */
class TemplateFillPropertiesTest {

    private static final Map<String, String> VALUES = Map.of("A", "1", "AB", "'$x\\\\1'", "A_B", "", "_", "@@A@@");

    @Provide
    Arbitrary<String> templates() {
        Arbitrary<String> pieces = Arbitraries.of("@@", "@", "A", "B", "_", "AB", "A_B", "a", "\n", " ", "@@A@@", "@@AB@@",
                "@@_@@", "@@@A@@", "$1", "\\");
        return pieces.list().ofMaxSize(12).map(l -> String.join("", l));
    }

    @Property(tries = 2000)
    void fillGivesWhatThePatternGave(@ForAll("templates") String template) {
        String byPattern;
        try {
            byPattern = fillByPattern(template);
        } catch (IllegalStateException e) {
            assertEquals(e.getMessage(), assertThrows(IllegalStateException.class, () -> PullScript.fill(template, VALUES))
                    .getMessage(), template);
            return;
        }
        assertEquals(byPattern, PullScript.fill(template, VALUES), template);
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("aZ09._-/ é\u00ff\t").ofMaxLength(12),
                Arbitraries.strings().ofMaxLength(12),
                Arbitraries.of("agent-pull-image", "a\uD83D\uDE00b", "\uD800x", "x\uDC00", "\uDBFF\uDFFF"));
    }

    @Property(tries = 2000)
    void plainNameGivesWhatThePatternGave(@ForAll("names") String name) {
        assertEquals(name.replaceAll("[^A-Za-z0-9._-]", "_"), PullScript.plainName(name));
    }

    @Test
    void aCharacterOutsideTheBasicPlaneBecomesOneUnderscore() {
        assertEquals("a_b", PullScript.plainName("a\uD83D\uDE00b"));
    }

    @Test
    void aMarkThatStartsNoPlaceholderLeavesTheNextOneFree() {
        assertEquals("@1 @@a@@ @@1", PullScript.fill("@@@A@@ @@a@@ @@@@A@@", VALUES));
    }

    /** The former fill, by pattern. */
    private static String fillByPattern(String template) {
        Matcher m = Pattern.compile("@@([A-Z_]+)@@").matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = VALUES.get(m.group(1));
            if (v == null) {
                throw new IllegalStateException("template placeholder without a value: " + m.group());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString();
    }
}
