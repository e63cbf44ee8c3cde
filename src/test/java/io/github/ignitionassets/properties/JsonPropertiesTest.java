package io.github.ignitionassets.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.ignitionassets.json.Json;
import io.github.ignitionassets.json.JsonSyntaxException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Our JSON reader and writer against Jackson, which read and wrote the configs before them: for any value, the same
 * compact and pretty bytes; for any text near JSON (valid text with a character inserted, deleted or replaced), the
 * same verdict and, when valid, the same value (numbers are kept as written, where Jackson normalises them). Jackson is only a test dependency now.
 */
class JsonPropertiesTest {

    private static final ObjectMapper JACKSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final DefaultPrettyPrinter PRETTY;

    static {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        PRETTY = new DefaultPrettyPrinter().withObjectIndenter(indenter).withArrayIndenter(indenter)
                .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));
    }

    @Provide
    Arbitrary<String> values() {
        return value(4).map(JsonPropertiesTest::jacksonText);
    }

    private static String jacksonText(JsonNode n) {
        try {
            return JACKSON.writeValueAsString(n);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Arbitrary<JsonNode> value(int depth) {
        var f = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        Arbitrary<JsonNode> scalar = Arbitraries.oneOf(
                text().map(f::textNode),
                Arbitraries.longs().map(f::numberNode),
                Arbitraries.integers().between(-5000, 5000).map(f::numberNode),
                Arbitraries.doubles().map(f::numberNode),
                Arbitraries.of(true, false).map(f::booleanNode),
                Arbitraries.just(f.nullNode()));
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<JsonNode> array = value(depth - 1).list().ofMaxSize(4).map(l -> {
            var a = f.arrayNode();
            l.forEach(a::add);
            return a;
        });
        Arbitrary<JsonNode> object = Combinators.combine(text().list().ofMaxSize(4), value(depth - 1).list().ofSize(4))
                .as((keys, vals) -> {
                    var o = f.objectNode();
                    for (int i = 0; i < keys.size(); i++) {
                        o.set(keys.get(i), vals.get(i));
                    }
                    return o;
                });
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, scalar), net.jqwik.api.Tuple.of(1, array),
                net.jqwik.api.Tuple.of(1, object)).map(n -> (JsonNode) n);
    }

    /** Any text without unpaired surrogates (which Jackson cannot write), controls and quotes often. */
    private static Arbitrary<String> text() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(12),
                Arbitraries.strings().withChars("\"\\/\n\t\u0000\u001f\u007f\u2028é😀 ab").ofMaxLength(12))
                .filter(s -> s.codePoints().noneMatch(c -> c >= 0xd800 && c <= 0xdfff));
    }

    @Property(tries = 1000)
    void writesWhatJacksonWrites(@ForAll("values") String jackson) throws Exception {
        Json ours = Json.parse(jackson);
        JsonNode theirs = JACKSON.readTree(jackson);
        assertEquals(jackson, ours.write(false));
        assertEquals(JACKSON.writer(PRETTY).writeValueAsString(theirs), ours.write(true));
    }

    @Provide
    Arbitrary<String> nearJson() {
        Arbitrary<Character> noise = Arbitraries.of('{', '}', '[', ']', ',', ':', '"', '\\', '-', '+', '.', '0', '1',
                'e', 'E', 'u', 't', 'n', 'x', ' ', '\n', '\u0001', '/', '\'', '\uFEFF');
        return Combinators.combine(values(), Arbitraries.integers().between(0, 2), Arbitraries.doubles().between(0, 1),
                noise).as((text, op, where, c) -> {
                    int i = (int) (where * text.length());
                    return switch (op) {
                        case 0 -> text.substring(0, i) + c + text.substring(i);
                        case 1 -> text.isEmpty() || i == text.length() ? text : text.substring(0, i) + text.substring(i + 1);
                        default -> i == text.length() ? text + c : text.substring(0, i) + c + text.substring(i + 1);
                    };
                });
    }

    @Property(tries = 3000)
    void acceptsAndRefusesWhatJacksonDoes(@ForAll("nearJson") String text) {
        // Half a surrogate pair cannot come from UTF-8 (configs are read as UTF-8); we read it as Go does, U+FFFD.
        Assume.that(!hasLoneSurrogate(text));
        String ours;
        try {
            Json j = Json.parse(text);
            // Numbers are kept as written ("1e0" stays "1e0"); Jackson normalises them, so compare its reading of ours.
            ours = j == null ? "no value" : JACKSON.writeValueAsString(JACKSON.readTree(j.write(false)));
        } catch (JsonSyntaxException e) {
            ours = "refused";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError("we wrote what Jackson cannot read", e);
        }
        String theirs;
        try {
            JsonNode n = JACKSON.readTree(text);
            theirs = n == null || n.isMissingNode() ? "no value" : JACKSON.writeValueAsString(n);
        } catch (Exception e) {
            theirs = "refused";
        }
        assertEquals(theirs, ours, text);
    }

    private static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    @Property(tries = 200)
    void prettyAndCompactHoldTheSameValue(@ForAll("values") String jackson) throws Exception {
        Json ours = Json.parse(jackson);
        assertEquals(ours, Json.parse(ours.write(true)));
        assertEquals(List.of(ours.write(false)), List.of(Json.parse(ours.write(true)).write(false)));
    }
}
