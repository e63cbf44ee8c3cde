package io.github.ignitionassets.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The plain reader takes the specs people write, and leaves everything it is not sure of to SnakeYAML. */
class PlainYamlReaderTest {

    private static boolean plain(String text) {
        return SpecFile.readsWithoutSnakeYaml(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsTheDefaultSpec() {
        assertTrue(plain("image: quay.io/example/agent:v1\n"));
    }

    @Test
    void readsATypicalFullSpec() {
        String spec = """
                # Reviewed: agent pulls on first boot, back off gently, give up after an hour or so.
                ---
                image: "quay.io/edge-infrastructure/assisted-installer-agent:v2.31"

                backoff:
                  initialDelay: 250ms   # comments are fine
                  multiplier: 1.5
                  maxDelay: '2m'
                  jitter: 0.25
                  maxAttempts: 12
                  attemptTimeout: 1m30s
                  podmanRetries:
                ...
                """;
        assertTrue(plain(spec));
        assertTrue(plain(spec.replace("\n", "\r\n")), "CRLF");
        assertTrue(plain(spec.replace("\n  ", "\n    ")), "four spaces");
        assertEquals(SpecFile.parseWithSnakeYaml(spec.getBytes(StandardCharsets.UTF_8), "pull.yaml").values(),
                SpecFile.parse(spec.getBytes(StandardCharsets.UTF_8), false, "pull.yaml").values());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "backoff:\n\tjitter: 0.1\n",                     // tab indentation
        "image: a\t\n",                                  // any tab
        "\ufeffimage: a\n",                              // BOM
        "image: caf\u00e9\n",                            // non-ASCII
        "image: a\rbackoff: b\r",                        // lone CR
        "image: a\n  backoff: b\n",                      // over-indented: a continuation
        "  image: a\n",                                  // indented root
        "backoff:\n  jitter: 0.1\n maxDelay: 1m\n",      // dedent to an odd column
        "backoff:\n  jitter: 0.1\n    maxDelay: 1m\n",   // indent within the second level
        "backoff:\n  retry:\n    x: 1\n",                // a third level
        "image:\n  a\n",                                 // value on the next line
        "image: quay.io/a\n  /b\n",                      // multi-line plain scalar
        "image: 'a\n  b'\n",                             // multi-line single-quoted
        "image: \"a\n  b\"\n",                           // multi-line double-quoted
        "image: \"a\\tb\"\n",                            // an escape it leaves to SnakeYAML
        "image: \"\\q\"\n",                              // an escape that is a fault
        "image: 'a'b\n",                                 // text after a quoted scalar
        "image: 'a'#b\n",                                // a comment without a space before it
        "image: a: b\n",                                 // ": " inside a plain value
        "image: a:\n",                                   // a value ending in a colon
        "image: [a, b]\n",                               // flow sequence
        "{image: a}\n",                                  // flow mapping
        "image: {a: 1}\n",
        "- a\n",                                         // a list
        "image:\n  - a\n",
        "image: &a x\n",                                 // anchor
        "image: *a\n",                                   // alias
        "image: !!str 5\n",                              // tag
        "image: |\n  a\n",                               // block scalars
        "image: >\n  a\n",
        "image: @a\n",                                   // reserved indicators
        "image: `a\n",
        "image: %a\n",
        "%YAML 1.1\n---\nimage: a\n",                    // directive
        "image: a\n---\nimage: b\n",                     // second document
        "image: a\n...\nimage: b\n",                     // content after the end
        "---\n",                                         // a document with an empty scalar
        "...\n",
        "---image: a\n",
        "--- image: a\n",                                // content on the marker line
        "? image\n: a\n",                                // complex key
        "\"image\": a\n",                                // quoted key
        "image : a\n",                                   // space before the colon
        "image:a\n",                                     // no space after the colon
        "5: a\n",                                        // a key that is not a word
        "backoff:\n  maxAttempts: !!int +\n",
        "image: a\n-\n",
        "image: -\n",                                    // a sequence entry as a value
    })
    void declinesWhatItIsNotSureOf(String text) {
        assertFalse(plain(text), text);
    }

    @Test
    void emptyAndCommentOnlyFilesAreReadToo() {
        assertTrue(plain(""));
        assertTrue(plain("# nothing yet\n\n"));
    }
}
