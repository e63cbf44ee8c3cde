package io.github.ignitionassets.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Spec documents in and around the plain subset: whichever reader takes one, the values (text, number or not, line)
 * and the problems are exactly those SnakeYAML alone gives.
 */
class PlainYamlPropertiesTest {

    private static final List<String> KEYS = List.of("image", "backoff", "initialDelay", "multiplier", "maxDelay",
            "jitter", "maxAttempts", "attemptTimeout", "podmanRetries", "imgae", "maxDelays", "Image", "foo", "x-y",
            "a.b", "yes", "null", "on", "retry_count");
    private static final List<String> TYPED = List.of("0", "12", "-1", "+5", "007", "017", "09", "0x10", "0xFF", "0o17",
            "0b101", "1_000", "1:30", "1:30.5", "190:20:30", "1.5", ".5", "5.", "1e3", "1.0e+3", "1_0.5", ".inf", "-.Inf",
            ".NaN", "+0.5", "-0.1", ".", "yes", "No", "on", "OFF", "y", "n", "true", "False", "tRUE", "~", "null", "Null",
            "NULL", "2001-12-14", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5", "5s", "250ms", "1m30s",
            "PT5M", "quay.io/a/b:v1", "localhost:5000/a", "quay.io/a/b@sha256:abc", "<<", "=", "-", "--", "---", "...",
            "-a", "a#b", "a #b", "a: b", "a:", ":a", "a:b", "a'b\"c", "a,b", "a[b]", "{a}", "&a", "*a", "!a", "|", ">",
            "%a", "@a", "`a", "?a", "? a", "a ? b", "- a", "a - b", "#a", "a  b", " ", "a\\b", "1_", "_1", "0x_1", "-0x1F",
            "+", "0b2");
    private static final String CHARS = "abcXYZ019 :#'\"-.,[]{}!&*|>%@`?~=<_/\\+";

    @Provide
    Arbitrary<String> specs() {
        return Arbitraries.randomValue(PlainYamlPropertiesTest::spec);
    }

    @Property(tries = 3000)
    void plainReaderAgreesWithSnakeYaml(@ForAll("specs") String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Statistics.collect(SpecFile.readsWithoutSnakeYaml(bytes) ? "plain" : "SnakeYAML");
        SpecFile snake = SpecFile.parseWithSnakeYaml(bytes, "pull.yaml");
        SpecFile either = SpecFile.parse(bytes, false, "pull.yaml");
        assertEquals(snake.values(), either.values(), text);
        assertEquals(snake.problems(), either.problems(), text);
    }

    private static String spec(Random r) {
        StringBuilder b = new StringBuilder();
        String nl = r.nextInt(5) == 0 ? "\r\n" : "\n";
        comments(r, b, nl, 0);
        if (r.nextInt(4) == 0) {
            b.append(pick(r, "---", "--- # spec", "---  ", "--- a", "---#")).append(nl);
        }
        int entries = r.nextInt(5);
        for (int i = 0; i < entries; i++) {
            String key = key(r);
            b.append(rare(r, 30) ? " " : "").append(key).append(rare(r, 40) ? " " : "").append(':');
            if (r.nextInt(3) == 0 || key.equals("backoff") && r.nextInt(4) != 0) {
                b.append(r.nextBoolean() ? "" : pick(r, " # tuned", "  ", " ")).append(nl);
                int indent = 1 + r.nextInt(4);
                int nested = r.nextInt(5);
                for (int j = 0; j < nested; j++) {
                    comments(r, b, nl, indent);
                    int here = rare(r, 25) ? indent + pick(r, -1, 1, 2) : indent;
                    b.append(rare(r, 60) ? "\t" : " ".repeat(Math.max(0, here))).append(key(r)).append(':');
                    value(r, b);
                    b.append(rare(r, 50) ? "\r" : nl);
                }
            } else {
                value(r, b);
                b.append(nl);
            }
            comments(r, b, nl, r.nextInt(3));
        }
        if (rare(r, 6)) {
            b.append(pick(r, "...", "... # end", "---", "--- x")).append(nl);
            if (r.nextBoolean()) {
                b.append(key(r)).append(": x").append(nl);
            }
        }
        if (rare(r, 30)) {
            b.insert(0, pick(r, "\ufeff", "%YAML 1.1\n---\n", "\t"));
        }
        return rare(r, 10) && b.length() > 0 ? b.substring(0, b.length() - 1) : b.toString();
    }

    private static void comments(Random r, StringBuilder b, String nl, int indent) {
        while (r.nextInt(4) == 0) {
            b.append(r.nextBoolean() ? "" : " ".repeat(indent) + pick(r, "# note", "#", "# a: b", "  # x")).append(nl);
        }
    }

    private static String key(Random r) {
        return rare(r, 15) ? pick(r, "\"image\"", "'jitter'", "5", "a b", "-x", "*a", "&a k", "? image", "caf\u00e9")
                : KEYS.get(r.nextInt(KEYS.size()));
    }

    /** After the colon: nothing, or a space and a scalar in one of the three styles, perhaps with a comment. */
    private static void value(Random r, StringBuilder b) {
        if (rare(r, 10)) {
            return;
        }
        b.append(rare(r, 20) ? "" : rare(r, 5) ? "  " : " ");
        String text = r.nextInt(3) == 0 ? randomText(r) : TYPED.get(r.nextInt(TYPED.size()));
        switch (r.nextInt(6)) {
            case 0 -> b.append('\'').append(text.replace("'", rare(r, 10) ? "'" : "''")).append('\'');
            case 1 -> b.append('"').append(text.replace("\\", rare(r, 5) ? "\\" : "\\\\")
                    .replace("\"", rare(r, 10) ? "\"" : "\\\"")).append(rare(r, 10) ? "\\t" : "").append('"');
            default -> b.append(rare(r, 40) ? pick(r, "!!str ", "!!int ", "! ", "&a ", "*", "|", "[", "{") : "")
                    .append(text);
        }
        if (r.nextInt(4) == 0) {
            b.append(pick(r, " # c", "  #c", "#c", " ", " #", "\t# c"));
        }
    }

    private static String randomText(Random r) {
        int n = r.nextInt(8);
        StringBuilder t = new StringBuilder();
        for (int i = 0; i < n; i++) {
            t.append(CHARS.charAt(r.nextInt(CHARS.length())));
        }
        return t.toString();
    }

    private static boolean rare(Random r, int oneIn) {
        return r.nextInt(oneIn) == 0;
    }

    @SafeVarargs
    private static <T> T pick(Random r, T... options) {
        return options[r.nextInt(options.length)];
    }
}
