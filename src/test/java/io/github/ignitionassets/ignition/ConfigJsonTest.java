package io.github.ignitionassets.ignition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading config JSON as Go's encoding/json accepts it, and writing it byte-stable, compact and pretty. */
class ConfigJsonTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # text                       | compact written back
            `{}`                         | `{}`
            ` { "a" : 1 , "b":[ ] } `    | `{"a":1,"b":[]}`
            `[1,-0,0.5,1.50,1e3,-2E-7,1E+2]` | `[1,-0,0.5,1.50,1e3,-2E-7,1E+2]`
            `"\\u00e9\\n\\t\\"\\\\\\/"`  | `"é\\n\\t\\"\\\\/"`
            `"\\u0001\\u001f\\u007f"`    | `"\\u0001\\u001F\u007f"`
            `"\\ud83d\\ude00"`           | `"😀"`
            `"\\ud800x\\udc00"`          | `"\uFFFDx\uFFFD"`
            `"\\ud83d\\u0041"`           | `"\uFFFDA"`
            `"\uFFFD"`                   | `"\uFFFD"`
            `[true,false,null]`          | `[true,false,null]`
            `{"a":1,"b":2,"a":3}`        | `{"a":3,"b":2}`
            `12345678901234567890123`    | `12345678901234567890123`
            """)
    void readsAndWritesBackAsWritten(String text, String compact) throws Exception {
        assertEquals(compact, ConfigJson.write(ConfigJson.read(text), false));
    }

    @Test
    void writesWhatJsonAllowsAsIsHtmlAndLineSeparatorsIncluded() throws Exception {
        assertEquals("\"<>&\u2028\u2029é\"", ConfigJson.write(ConfigJson.read("\"<>&\\u2028\u2029é\""), false));
    }

    /** What Go's decoder refuses, refused at the same place; the reason is Jackson's and is not pinned here. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # text              | line | column
            `{"a":1,}`          | 1    | 8
            `[1,]`              | 1    | 4
            `{"a" 1}`           | 1    | 6
            `{"a":1 "b":2}`     | 1    | 8
            `[1 2]`             | 1    | 4
            `{}x`               | 1    | 3
            `{} {}`             | 1    | 4
            `01`                | 1    | 2
            `-01`               | 1    | 3
            `+1`                | 1    | 2
            `.5`                | 1    | 1
            `1.`                | 1    | 2
            `1.x`               | 1    | 2
            `1ex`               | 1    | 2
            `-x`                | 1    | 2
            `NaN`               | 1    | 4
            `Infinity`          | 1    | 9
            `tru`               | 1    | 1
            `"a\\qb"`           | 1    | 4
            `"\\u12G4"`         | 1    | 6
            `"a\tb"`            | 1    | 3
            `'a'`               | 1    | 1
            `{'a':1}`           | 1    | 2
            `{a:1}`             | 1    | 2
            `// c`              | 1    | 1
            `/* c */ {}`        | 1    | 1
            `{"a":`             | 1    | 6
            `\uFEFF{}`          | 1    | 1
            """)
    void refusesWhatGoRefusesWithLineAndColumn(String text, int line, int column) {
        ConfigJson.SyntaxException e = assertThrows(ConfigJson.SyntaxException.class, () -> ConfigJson.read(text));
        assertEquals(List.of(line, column), List.of(e.line(), e.column()), e.getMessage());
        assertTrue(!e.reason().contains("[Source:"), e.reason());
    }

    @Test
    void namesWhatIsWrongInItsOwnWordsAndJacksons() {
        ConfigJson.SyntaxException trailing = assertThrows(ConfigJson.SyntaxException.class, () -> ConfigJson.read("{}\n{}"));
        assertEquals("content after the top-level value at line 2 column 1", trailing.getMessage());
        ConfigJson.SyntaxException garbage = assertThrows(ConfigJson.SyntaxException.class, () -> ConfigJson.read("{} x"));
        assertTrue(garbage.reason().startsWith("after the top-level value: Unrecognized token 'x'"), garbage.reason());
        ConfigJson.SyntaxException open = assertThrows(ConfigJson.SyntaxException.class, () -> ConfigJson.read("{\"a\": [1"));
        assertTrue(open.reason().contains("start marker at line 1, column 7"), open.reason());
        ConfigJson.SyntaxException bom = assertThrows(ConfigJson.SyntaxException.class, () -> ConfigJson.read("\uFEFF{}"));
        assertTrue(bom.reason().startsWith("a byte order mark"), bom.reason());
    }

    @Test
    void namesTheLineAndColumnOfAFaultAfterLineBreaks() {
        ConfigJson.SyntaxException e = assertThrows(ConfigJson.SyntaxException.class,
                () -> ConfigJson.read("{\n  \"a\": 1,\r\n  \"b\": \"x\ty\"\n}"));
        assertEquals(List.of(3, 10), List.of(e.line(), e.column()), e.getMessage());
        ConfigJson.SyntaxException close = assertThrows(ConfigJson.SyntaxException.class, () -> ConfigJson.read("{}\n\n  ]"));
        assertEquals(List.of(3, 3), List.of(close.line(), close.column()), close.getMessage());
    }

    @Test
    void refusesNestingDeeperThanAThousandAsASyntaxFault() throws Exception {
        ConfigJson.read("[".repeat(ConfigJson.MAX_DEPTH) + "]".repeat(ConfigJson.MAX_DEPTH));
        ConfigJson.SyntaxException e = assertThrows(ConfigJson.SyntaxException.class, () -> ConfigJson.read("[".repeat(100_000)));
        assertEquals(List.of(1, 1001), List.of(e.line(), e.column()), e.getMessage());
        assertTrue(e.reason().contains("nesting depth"), e.reason());
    }

    @Test
    void readsLongStringsAndNumbers() throws Exception {
        String big = "a".repeat(20_000_001); // Jackson's default limit is 20 million
        assertEquals(big.length(), ConfigJson.read("\"" + big + "\"").textValue().length());
        assertEquals(5000, ConfigJson.read("1".repeat(5000)).asText().length());
    }

    @Test
    void noValueIsNull() throws Exception {
        assertNull(ConfigJson.read(""));
        assertNull(ConfigJson.read(" \n\t\r"));
    }

    @Test
    void numbersAreIntegralOnlyWithoutFractionOrExponentAndFitALongOrNot() throws Exception {
        JsonNode j = ConfigJson.read("[493, 493.0, 4.93e2, 9223372036854775807, 9223372036854775808, -9223372036854775808]");
        assertEquals(List.of(true, false, false, true, true, true),
                List.of(j.get(0).isIntegralNumber(), j.get(1).isIntegralNumber(), j.get(2).isIntegralNumber(),
                        j.get(3).isIntegralNumber(), j.get(4).isIntegralNumber(), j.get(5).isIntegralNumber()));
        assertEquals(List.of(true, false, false, true, false, true),
                List.of(j.get(0).canConvertToLong(), j.get(1).canConvertToLong(), j.get(2).canConvertToLong(),
                        j.get(3).canConvertToLong(), j.get(4).canConvertToLong(), j.get(5).canConvertToLong()));
        assertEquals(List.of(493L, 493.0, "4.93e2"), List.of(j.get(0).longValue(), j.get(1).doubleValue(), j.get(2).asText()));
        assertTrue(j.get(1).isNumber() && j.get(1).isFloatingPointNumber());
    }

    @Test
    void writesPrettyWithTwoSpacesAndEmptyContainersOnOneLine() throws Exception {
        JsonNode j = ConfigJson.read("{\"a\":[1,{\"b\":\"x\"}],\"e\":{},\"f\":[],\"g\":null,\"n\":1e3}");
        assertEquals("""
                {
                  "a": [
                    1,
                    {
                      "b": "x"
                    }
                  ],
                  "e": { },
                  "f": [ ],
                  "g": null,
                  "n": 1e3
                }""", ConfigJson.write(j, true));
    }

    @Test
    void writesAnUnpairedSurrogateEscapedAndAPairAsIs() {
        ObjectNode o = JsonNodeFactory.instance.objectNode().put("s", "a\uD800b\uDC00c\uD83D\uDE00");
        assertEquals("{\"s\":\"a\\uD800b\\uDC00c\uD83D\uDE00\"}", ConfigJson.write(o, false));
        assertEquals("{\n  \"s\": \"a\\uD800b\\uDC00c\uD83D\uDE00\"\n}", ConfigJson.write(o, true));
    }

    @Test
    void writesNumbersBuiltInCodeAsJavaDoes() {
        ObjectNode o = JsonNodeFactory.instance.objectNode().put("i", 493).put("l", Long.MIN_VALUE).put("d", 0.1)
                .put("e", 1e-5).put("t", true);
        assertEquals("{\"i\":493,\"l\":-9223372036854775808,\"d\":0.1,\"e\":1.0E-5,\"t\":true}", ConfigJson.write(o, false));
    }
}
