package io.github.ignitionassets.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageReferenceTest {

    /** What {@link ImageReference#parse} says is wrong, or empty when it reads the reference. */
    static Optional<String> problem(String ref) {
        try {
            ImageReference.parse(ref);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "quay.io/edge-infrastructure/assisted-installer-agent:latest",
        "quay.io/org/agent:v1",
        "localhost:5000/agent",
        "localhost/agent",
        "registry.example.com:8443/a/b@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
        "registry.example.com:8443/a/b:v1.2@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
        "docker.io/library/busybox",
        "127.0.0.1:5000/x/y__z-w.v:TAG_1",
        "[::1]:5000/agent:1",
        "Registry.Example.COM/agent",
    })
    void acceptsFullyQualifiedReferences(String ref) {
        assertEquals(Optional.empty(), problem(ref));
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '~', value = {
        "busybox => docker.io/library/busybox",
        "library/busybox:1 => docker.io/library/busybox:1",
        "org/agent => docker.io/org/agent",
        "quay.io/org/agent: => empty tag",
        "quay.io/org/Agent => upper-case",
        "quay.io/org/agent:v1 ; rm -rf / => a space",
        "quay.io/org/agent$(id) => '$'",
        "quay.io/org/agent`id` => '`'",
        "quay.io/org/a|b => '|'",
        "quay.io/org/a&b => '&'",
        "quay.io/org/a>b => '>'",
        "quay.io/org/a<b => '<'",
        "quay.io/org/a'b => '''",
        "quay.io/org/a\"b => '\"'",
        "quay.io/org/a%b => '%'",
        "quay.io//agent => not a valid OCI image reference",
        "quay.io/org/agent@sha256:abc => not a valid OCI image reference",
        "quay.io/org/agent:-bad => not a valid OCI image reference",
        "~~ => is empty",
    })
    void rejectsWithTheReason(String ref, String expected) {
        var problem = problem(ref);
        assertTrue(problem.isPresent(), ref);
        assertTrue(problem.get().contains(expected), problem.get());
    }

    @ParameterizedTest
    @ValueSource(strings = {"quay.io/org/agent:v1\n", "quay.io/org/agent\tv1", "quay.io/org/agent:v1\r"})
    void rejectsControlCharactersAndShowsThemEscaped(String ref) {
        var problem = problem(ref).orElseThrow();
        assertTrue(problem.contains("\\n") || problem.contains("\\t") || problem.contains("\\r"), problem);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
        "quay.io/org/agent:v1 => quay.io | org/agent | Optional[v1] | Optional.empty",
        "localhost:5000/agent => localhost:5000 | agent | Optional[latest] | Optional.empty",
        "[::1]:5000/a/b/c => [::1]:5000 | a/b/c | Optional[latest] | Optional.empty",
        "r.example.com:8443/a/b@sha256:0123456789abcdef0123456789abcdef => r.example.com:8443 | a/b | Optional.empty"
                + " | Optional[sha256:0123456789abcdef0123456789abcdef]",
        "r.example.com/a:v2@sha256:0123456789abcdef0123456789abcdef => r.example.com | a | Optional[v2]"
                + " | Optional[sha256:0123456789abcdef0123456789abcdef]",
    })
    void knowsItsParts(String ref, String parts) {
        ImageReference image = ImageReference.parse(ref);
        assertEquals(parts, String.join(" | ", image.registry(), image.repository(), image.tag().toString(),
                image.digest().toString()));
        assertEquals(ref, image.text());
    }

    private static final String HEX_32 = "0123456789abcdef0123456789abcdef";

    static Stream<Arguments> edgeCases() {
        return Stream.of(
                Arguments.of("[::1]/agent", true),
                Arguments.of("[2001:DB8::a]:5000/agent:1", true),
                Arguments.of("[]/agent", false),
                Arguments.of("[::g]/agent", false),
                Arguments.of("[::1/agent", false),
                Arguments.of("registry.example.com:8443/agent", true),
                Arguments.of("registry.example.com:/agent", false),
                Arguments.of("registry.example.com:84a/agent", false),
                Arguments.of("registry.example.com::8443/agent", false),
                Arguments.of("-registry.example.com/agent", false),
                Arguments.of("registry-.example.com/agent", false),
                Arguments.of("registry..example.com/agent", false),
                Arguments.of("my--registry.example.com/agent", true),
                Arguments.of("QUAY.IO/org/agent", true),
                Arguments.of("quay.io/a__b", true),
                Arguments.of("quay.io/a___b", false),
                Arguments.of("quay.io/a---b", true),
                Arguments.of("quay.io/a._b", false),
                Arguments.of("quay.io/a..b", false),
                Arguments.of("quay.io/a-", false),
                Arguments.of("quay.io/_a", false),
                Arguments.of("quay.io/a/", false),
                Arguments.of("quay.io/a:" + "t".repeat(128), true),
                Arguments.of("quay.io/a:" + "t".repeat(129), false),
                Arguments.of("quay.io/a:_T.v-1", true),
                Arguments.of("quay.io/a:.v1", false),
                Arguments.of("quay.io/a:v1:v2", false),
                Arguments.of("quay.io/a:v\u00e9", false),
                Arguments.of("quay.io/a@sha256:" + HEX_32, true),
                Arguments.of("quay.io/a@sha256:" + HEX_32.substring(1), false),
                Arguments.of("quay.io/a@sha256+b64u.x_y-z:" + HEX_32.toUpperCase(java.util.Locale.ROOT), true),
                Arguments.of("quay.io/a@1sha:" + HEX_32, false),
                Arguments.of("quay.io/a@sha256:" + HEX_32 + "g", false),
                Arguments.of("quay.io/a:v1@sha256:" + HEX_32 + "@x", false),
                Arguments.of(nameOf(255), true),
                Arguments.of(nameOf(256), false),
                Arguments.of(nameOf(255) + ":" + "t".repeat(128) + "@sha256:" + HEX_32, true),
                Arguments.of("localhost/x", true),
                Arguments.of("Localhost/x", false),
                Arguments.of("host/x", false),
                Arguments.of("host:5000/x", true),
                Arguments.of("quay.io/Org/agent", false),
                Arguments.of("quay.io/org/\u00e4gent", false),
                Arguments.of("quay.io/org/agent ", false));
    }

    /** A reference whose name (registry and path) is {@code length} characters long. */
    private static String nameOf(int length) {
        String start = "quay.io/org/";
        return start + "a".repeat(length - start.length());
    }

    @ParameterizedTest
    @MethodSource("edgeCases")
    void givesTheGrammarsVerdictAtTheEdges(String ref, boolean valid) {
        assertEquals(valid, problem(ref).isEmpty(), () -> problem(ref).orElse("accepted"));
    }

    @ParameterizedTest
    @CsvSource({
        "host/x, is not fully qualified",
        "a_b/c, docker.io/a_b/c",
        "quay.io/Org/agent, has upper-case letters in its path",
        "Org/agent, is not a valid OCI image reference",
        "quay.io/a:.v1, is not a valid OCI image reference",
    })
    void explainsWhatItRefuses(String ref, String expected) {
        assertTrue(problem(ref).orElseThrow().contains(expected), problem(ref).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(ints = {256, 300})
    void namesOverTheLimitSaySo(int length) {
        assertEquals(Optional.of("'" + nameOf(length) + "' has a name longer than 255 characters"),
                problem(nameOf(length)));
    }
}
