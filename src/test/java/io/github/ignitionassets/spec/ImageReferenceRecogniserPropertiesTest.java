package io.github.ignitionassets.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * References from the grammar, at and around its limits, and near-references made from them by small edits: the
 * recogniser that reads a reference without the patterns accepts exactly what the patterns accept.
 */
class ImageReferenceRecogniserPropertiesTest {

    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final String LETTERS_AND_DIGITS = "abcxyzABCXYZ0189";
    private static final String HEX = "0123456789abcdefABCDEF";
    /** What edits insert or put in place of a character: the grammar's punctuation, letters, digits and a space. */
    private static final String EDITS = "/:@._-[]+ aAzZ09fFg_-.";

    @Provide
    Arbitrary<String> references() {
        return Arbitraries.randomValue(ImageReferenceRecogniserPropertiesTest::reference);
    }

    @Provide
    Arbitrary<String> nearReferences() {
        return Arbitraries.randomValue(r -> {
            String s = reference(r);
            int edits = 1 + r.nextInt(3);
            for (int e = 0; e < edits; e++) {
                s = edit(r, s);
            }
            return s;
        });
    }

    @Property(tries = 3000)
    void agreesWithThePatternsOnReferencesFromTheGrammar(@ForAll("references") String ref) {
        assertAgree(ref);
    }

    @Property(tries = 3000)
    void agreesWithThePatternsOnNearReferences(@ForAll("nearReferences") String ref) {
        assertAgree(ref);
    }

    private static void assertAgree(String ref) {
        boolean patterns = ImageReference.checkWithPatterns(ref).isEmpty();
        Statistics.collect(patterns ? "valid" : "not valid");
        assertEquals(patterns, ImageReference.isValidWithoutPatterns(ref), "'" + ref + "'");
    }

    /** A reference from the grammar, now and then one piece just over a limit or just off the grammar. */
    private static String reference(Random r) {
        StringBuilder b = new StringBuilder(domain(r)).append('/');
        int components = 1 + r.nextInt(4);
        for (int i = 0; i < components; i++) {
            b.append(i == 0 ? "" : "/").append(pathComponent(r));
        }
        if (r.nextInt(8) == 0) {
            // A name around the 255-character limit.
            int target = 253 + r.nextInt(5);
            if (b.length() + 2 <= target) {
                b.append('/').append(run(r, LOWER, target - b.length() - 1));
            }
        }
        if (r.nextInt(2) == 0) {
            b.append(':').append(tag(r));
        }
        if (r.nextInt(3) == 0) {
            b.append('@').append(digest(r));
        }
        return b.toString();
    }

    private static String domain(Random r) {
        String host = switch (r.nextInt(8)) {
            case 0 -> "localhost";
            case 1 -> pick(r, "[::1]", "[fe80::1]", "[2001:DB8::a]", "[]", "[::g]", "[::1");
            case 2 -> pick(r, "host", "Localhost", "registry", "127.0.0.1");
            default -> {
                StringBuilder h = new StringBuilder();
                int labels = 1 + r.nextInt(4);
                for (int i = 0; i < labels; i++) {
                    h.append(i == 0 ? "" : ".").append(label(r));
                }
                yield h.toString();
            }
        };
        return switch (r.nextInt(4)) {
            case 0 -> host + ":" + (1 + r.nextInt(65535));
            case 1 -> rare(r, 10) ? host + pick(r, ":", ":5a", "::5000") : host;
            default -> host;
        };
    }

    private static String label(Random r) {
        String label = run(r, LETTERS_AND_DIGITS, 1 + r.nextInt(6));
        if (r.nextInt(4) == 0) {
            label += "-".repeat(1 + r.nextInt(2)) + run(r, LETTERS_AND_DIGITS, 1 + r.nextInt(3));
        }
        return rare(r, 20) ? pick(r, "-", "") + label + pick(r, "-", "") : label;
    }

    private static String pathComponent(Random r) {
        StringBuilder c = new StringBuilder(run(r, LOWER, 1 + r.nextInt(6)));
        int more = r.nextInt(3);
        for (int i = 0; i < more; i++) {
            String separator = rare(r, 15) ? pick(r, "..", "___", "._", "_-", "-.", "") : pick(r, ".", "_", "__", "-", "---");
            c.append(separator).append(run(r, LOWER, 1 + r.nextInt(4)));
        }
        if (rare(r, 20)) {
            int at = r.nextInt(c.length());
            c.setCharAt(at, Character.toUpperCase(c.charAt(at)));
        }
        return c.toString();
    }

    private static String tag(Random r) {
        int length = switch (r.nextInt(6)) {
            case 0 -> 127 + r.nextInt(3);
            case 1 -> 0;
            default -> 1 + r.nextInt(12);
        };
        if (length == 0) {
            return "";
        }
        String first = rare(r, 10) ? pick(r, ".", "-") : run(r, "abcXYZ019_", 1);
        return first + run(r, "abcXYZ019_.-", length - 1);
    }

    private static String digest(Random r) {
        String algorithm = pick(r, "sha256", "sha512", "sha256+b64u", "multihash+base58", "a.b_c-d", "A1", "1sha", "sha-",
                "sha256:");
        int hex = switch (r.nextInt(3)) {
            case 0 -> 31 + r.nextInt(3);
            default -> pick(r, 64, 128, 10);
        };
        return algorithm + ":" + run(r, HEX, hex);
    }

    /** Inserts, deletes or replaces one character. */
    private static String edit(Random r, String s) {
        int at = r.nextInt(s.length() + 1);
        char c = EDITS.charAt(r.nextInt(EDITS.length()));
        return switch (r.nextInt(3)) {
            case 0 -> s.substring(0, at) + c + s.substring(at);
            case 1 -> at < s.length() ? s.substring(0, at) + s.substring(at + 1) : s;
            default -> at < s.length() ? s.substring(0, at) + c + s.substring(at + 1) : s + c;
        };
    }

    private static String run(Random r, String alphabet, int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    private static boolean rare(Random r, int oneIn) {
        return r.nextInt(oneIn) == 0;
    }

    @SafeVarargs
    private static <T> T pick(Random r, T... options) {
        return options[r.nextInt(options.length)];
    }
}
