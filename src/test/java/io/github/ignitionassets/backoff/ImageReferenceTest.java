package io.github.ignitionassets.backoff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageReferenceTest {

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
        assertEquals(Optional.empty(), ImageReference.check(ref));
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
        var problem = ImageReference.check(ref);
        assertTrue(problem.isPresent(), ref);
        assertTrue(problem.get().contains(expected), problem.get());
    }

    @ParameterizedTest
    @ValueSource(strings = {"quay.io/org/agent:v1\n", "quay.io/org/agent\tv1", "quay.io/org/agent:v1\r"})
    void rejectsControlCharactersAndShowsThemEscaped(String ref) {
        var problem = ImageReference.check(ref).orElseThrow();
        assertTrue(problem.contains("\\n") || problem.contains("\\t") || problem.contains("\\r"), problem);
    }

    @ParameterizedTest
    @CsvSource({
        "quay.io/org/agent:v1, agent",
        "localhost:5000/agent, agent",
        "r.example.com:8443/a/b@sha256:0123456789abcdef0123456789abcdef, b",
    })
    void knowsItsRepositoryName(String ref, String name) {
        assertEquals(name, ImageReference.of(ref).repositoryName());
    }
}
