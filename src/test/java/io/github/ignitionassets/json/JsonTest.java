package io.github.ignitionassets.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading as Go's encoding/json does, and writing byte-stable compact and pretty text. */
class JsonTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # text                       | compact written back
            `{}`                         | `{}`
            ` { "a" : 1 , "b":[ ] } `    | `{"a":1,"b":[]}`
            `[1,-0,0.5,1e3,-2E-7,1E+2]`  | `[1,-0,0.5,1e3,-2E-7,1E+2]`
            `"\\u00e9\\n\\t\\"\\\\\\/"`  | `"é\\n\\t\\"\\\\/"`
            `"\\u0001\\u001f\\u007f"`    | `"\\u0001\\u001F\u007f"`
            `"\\ud83d\\ude00"`           | `"😀"`
            `"\\ud800x\\udc00"`          | `"\uFFFDx\uFFFD"`
            `"\\ud83d\\u0041"`            | `"\uFFFDA"`
            `[true,false,null]`          | `[true,false,null]`
            `{"a":1,"b":2,"a":3}`        | `{"a":3,"b":2}`
            `12345678901234567890123`    | `12345678901234567890123`
            """)
    void readsAndWritesBack(String text, String compact) throws Exception {
        assertEquals(compact, Json.parse(text).write(false));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # text              | line | column | reason, in Go's words
            `{"a":1,}`          | 1    | 8      | invalid character '}' looking for beginning of object key string
            `[1,]`              | 1    | 4      | invalid character ']' looking for beginning of value
            `{"a" 1}`           | 1    | 6      | invalid character '1' after object key
            `{"a":1 "b":2}`     | 1    | 8      | invalid character '"' after object key:value pair
            `[1 2]`             | 1    | 4      | invalid character '2' after array element
            `{}x`               | 1    | 3      | invalid character 'x' after top-level value
            `01`                | 1    | 2      | invalid character '1' after top-level value
            `1.`                | 1    | 3      | unexpected end of JSON input
            `1.x`               | 1    | 3      | invalid character 'x' after decimal point in numeric literal
            `1ex`               | 1    | 3      | invalid character 'x' in exponent of numeric literal
            `-x`                | 1    | 2      | invalid character 'x' in numeric literal
            `NaN`               | 1    | 1      | invalid character 'N' looking for beginning of value
            `tru`               | 1    | 4      | unexpected end of JSON input
            `trux`              | 1    | 4      | invalid character 'x' in literal true (expecting 'e')
            `"a\\qb"`           | 1    | 4      | invalid character 'q' in string escape code
            `"\\u12G4"`         | 1    | 6      | invalid character 'G' in \\u hexadecimal character escape
            `"\\u١٢٣٤"`         | 1    | 4      | invalid character '١' in \\u hexadecimal character escape
            `'a'`               | 1    | 1      | invalid character '\\'' looking for beginning of value
            `// c`              | 1    | 1      | invalid character '/' looking for beginning of value
            `{"a":`             | 1    | 6      | unexpected end of JSON input
            `\uFEFF{}`          | 1    | 1      | invalid character '\\ufeff' looking for beginning of value
            """)
    void refusesWhatGoRefuses(String text, int line, int column, String reason) {
        JsonSyntaxException e = assertThrows(JsonSyntaxException.class, () -> Json.parse(text));
        assertEquals(List.of(reason, line, column), List.of(e.reason(), e.line(), e.column()));
    }

    @Test
    void namesTheLineAndColumnOfAFaultAfterLineBreaks() {
        JsonSyntaxException e = assertThrows(JsonSyntaxException.class,
                () -> Json.parse("{\n  \"a\": 1,\r\n  \"b\": \"x\ty\"\n}"));
        assertEquals(List.of("invalid character '\\t' in string literal", 3, 10), List.of(e.reason(), e.line(), e.column()));
    }

    @Test
    void valuesKnowTheirLine() throws Exception {
        Json j = Json.parse("{\n\"a\": 1,\n\n\"b\": {\n\"c\": [true]}}");
        assertEquals(List.of(1, 2, 4, 5), List.of(j.line(), j.get("a").line(), j.get("b").line(), j.path("b").get("c").line()));
    }

    @Test
    void anObserverSeesEveryValueInOrderWithRepeatedKeysAndWhatCameBeforeAFault() {
        List<String> seen = new java.util.ArrayList<>();
        Json.Observer observer = (parent, key, keyLine, value) -> seen.add((parent == null ? "root" : parent.kind())
                + " " + key + "@" + keyLine + " " + value.kind() + "@" + value.line());
        assertThrows(JsonSyntaxException.class, () -> Json.parse("{\"a\": 1,\n\"a\": [true],\n\"b\": {\"c\":\n\"d\" x", observer));
        assertEquals(List.of("root null@0 OBJECT@1", "OBJECT a@1 NUMBER@1", "OBJECT a@2 ARRAY@2", "ARRAY null@0 BOOLEAN@2",
                "OBJECT b@3 OBJECT@3", "OBJECT c@3 STRING@4"), seen);
    }

    @Test
    void refusesNestingDeeperThanAThousand() throws Exception {
        Json.parse("[".repeat(1000) + "]".repeat(1000));
        JsonSyntaxException e = assertThrows(JsonSyntaxException.class, () -> Json.parse("[".repeat(100_000)));
        assertEquals(List.of("exceeded max depth", 1, 1001), List.of(e.reason(), e.line(), e.column()));
    }

    @Test
    void noValueIsNull() throws Exception {
        assertNull(Json.parse(""));
        assertNull(Json.parse(" \n\t\r"));
    }

    @Test
    void numbersAreIntegralOnlyWithoutFractionOrExponentAndFitALongOrNot() throws Exception {
        Json j = Json.parse("[493, 493.0, 4.93e2, 9223372036854775807, 9223372036854775808, -9223372036854775808]");
        assertEquals(List.of(true, false, false, true, true, true),
                List.of(j.get(0).isIntegral(), j.get(1).isIntegral(), j.get(2).isIntegral(), j.get(3).isIntegral(),
                        j.get(4).isIntegral(), j.get(5).isIntegral()));
        assertEquals(List.of(true, false, false, true, false, true),
                List.of(j.get(0).fitsLong(), j.get(1).fitsLong(), j.get(2).fitsLong(), j.get(3).fitsLong(),
                        j.get(4).fitsLong(), j.get(5).fitsLong()));
        assertEquals(493L, j.get(0).longValue());
        assertEquals(0L, j.get(4).longValue());
    }

    @Test
    void missingKeysChainAndAreNotValues() throws Exception {
        Json j = Json.parse("{\"a\":{\"b\":\"c\"},\"n\":null}");
        assertEquals("c", j.path("a").path("b").stringValue());
        assertTrue(j.path("x").path("y").isMissing());
        assertNull(j.get("x"));
        assertTrue(j.path("n").isNull());
        assertFalse(j.path("n").isMissing());
        assertEquals("", j.path("x").asText());
        assertNull(j.path("a").stringValue());
    }

    @Test
    void writesPrettyWithTwoSpacesAndEmptyContainersOnOneLine() throws Exception {
        Json j = Json.parse("{\"a\":[1,{\"b\":\"x\"}],\"e\":{},\"f\":[],\"g\":null}");
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
                  "g": null
                }""", j.write(true));
    }

    @Test
    void buildingKeepsOrderAndASetKeyKeepsItsPlace() {
        Json o = Json.object().put("b", 1).put("a", "x");
        o.putArray("l").add(Json.bool(true)).addObject().put("k", 2.5);
        o.put("b", false);
        assertEquals("{\"b\":false,\"a\":\"x\",\"l\":[true,{\"k\":2.5}]}", o.write(false));
        Json copy = o.deepCopy();
        copy.path("l").remove(0);
        o.remove("a");
        assertEquals("{\"b\":false,\"a\":\"x\",\"l\":[{\"k\":2.5}]}", copy.write(false));
        assertEquals("{\"b\":false,\"l\":[true,{\"k\":2.5}]}", o.write(false));
        assertThrows(IllegalArgumentException.class, () -> Json.number(Double.NaN));
        assertThrows(UnsupportedOperationException.class, () -> Json.array().put("a", 1));
    }
}
