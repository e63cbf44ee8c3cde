package io.github.ignitionassets.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ignitionassets.backoff.BackoffSpec;
import io.github.ignitionassets.backoff.PullPolicy;
import io.github.ignitionassets.core.InvalidInputException;
import io.github.ignitionassets.core.PomElement;
import io.github.ignitionassets.core.Problem;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PullSpecsTest {

    private static final String FILE = "src/main/ignition/pull.yaml";

    private static SpecFile yaml(String text) {
        return SpecFile.parse(text.getBytes(StandardCharsets.UTF_8), false, FILE);
    }

    private static SpecFile json(String text) {
        return SpecFile.parse(text.getBytes(StandardCharsets.UTF_8), true, "pull.json");
    }

    private static List<Problem> problems(SpecFile file, SpecFile pom) {
        return assertThrows(InvalidInputException.class, () -> PullSpecs.resolve(file, pom)).problems();
    }

    private static final SpecFile NO_POM_VALUES = SpecFile.fromPom(null, null);

    /** The POM's image and the elements of its {@code <backoff>}. */
    private static SpecFile pom(String image, Map<String, String> backoff) {
        return SpecFile.fromPom(image, PomElement.of("backoff", backoff));
    }

    @Test
    void imageAloneTakesTheDocumentedDefaults() throws Exception {
        PullSpec spec = PullSpecs.resolve(yaml("image: quay.io/org/agent:v1\n"), NO_POM_VALUES);
        assertEquals("quay.io/org/agent:v1", spec.image().text());
        assertEquals(BackoffSpec.DEFAULTS, spec.backoff());
    }

    @Test
    void yamlAndJsonGiveTheSameSpec() throws Exception {
        PullSpec fromYaml = PullSpecs.resolve(yaml("""
                image: quay.io/org/agent:v1
                backoff:
                  initialDelay: 250ms
                  multiplier: 1.5
                  maxDelay: 1m
                  jitter: 0.1
                  maxAttempts: 7
                  attemptTimeout: PT2M
                """), NO_POM_VALUES);
        PullSpec fromJson = PullSpecs.resolve(json("""
                {"image": "quay.io/org/agent:v1", "backoff": {"initialDelay": "250ms", "multiplier": 1.50,
                 "maxDelay": "60s", "jitter": "0.10", "maxAttempts": 7, "attemptTimeout": "2m"}}
                """), NO_POM_VALUES);
        assertEquals(fromYaml, fromJson);
        assertEquals(new BackoffSpec(Duration.ofMillis(250), new BigDecimal("1.5"), Duration.ofMinutes(1),
                new BigDecimal("0.1"), 7, Duration.ofMinutes(2), 0), fromYaml.backoff());
    }

    @Test
    void pomValuesOverrideTheFileFieldByField() throws Exception {
        PullSpec spec = PullSpecs.resolve(yaml("""
                image: quay.io/org/agent:v1
                backoff:
                  initialDelay: 1s
                  maxDelay: 10s
                """), pom("quay.io/org/other:v2", Map.of("maxDelay", "20s")));
        assertEquals("quay.io/org/other:v2", spec.image().text());
        assertEquals(Duration.ofSeconds(1), spec.backoff().initialDelay());
        assertEquals(Duration.ofSeconds(20), spec.backoff().maxDelay());
    }

    @Test
    void reportsEveryProblemAtOnceWithFileAndLine() {
        List<Problem> problems = problems(yaml("""
                image: busybox
                backoff:
                  initialDelay: 5
                  multiplier: 0.5
                  maxDelay: 1s
                  jitter: 1
                  maxAttempts: -1
                  maxDelays: 3s
                """), NO_POM_VALUES);
        assertEquals(List.of(
                SpecKeys.MAX_DELAY + "s", SpecKeys.IMAGE, SpecKeys.INITIAL_DELAY, SpecKeys.MAX_ATTEMPTS,
                SpecKeys.MULTIPLIER, SpecKeys.JITTER),
                problems.stream().map(Problem::field).toList());
        assertEquals(FILE + " line 8", problems.get(0).source());
        assertTrue(problems.get(0).message().contains("did you mean 'backoff.maxDelay'"), problems.get(0).message());
        assertEquals(FILE + " line 3", problems.get(2).source());
        assertTrue(problems.get(2).message().contains("write 5s"), problems.get(2).message());
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '~', value = {
        "backoff.initialDelay: 0s => backoff.initialDelay => must be greater than 0",
        "backoff.maxDelay: 1s => backoff.maxDelay => '1s' must be at least initialDelay (5s)",
        "backoff.initialDelay: 10m => backoff.initialDelay => must be at most maxDelay (5m, the default)",
        "backoff.multiplier: 0.99 => backoff.multiplier => '0.99' must be at least 1",
        "backoff.multiplier: 1001 => backoff.multiplier => at most 1000",
        "backoff.multiplier: two => backoff.multiplier => 'two' is not a number",
        "backoff.multiplier: 1.0000001 => backoff.multiplier => more than 6 decimal places",
        "backoff.jitter: -0.1 => backoff.jitter => '-0.1' must be at least 0 and less than 1",
        "backoff.jitter: 1.0 => backoff.jitter => '1.0' must be at least 0 and less than 1",
        "backoff.maxAttempts: -1 => backoff.maxAttempts => '-1' must be 0 or more; 0 retries forever",
        "backoff.maxAttempts: 1.5 => backoff.maxAttempts => '1.5' is not a whole number",
        "backoff.podmanRetries: 11 => backoff.podmanRetries => '11' must be from 0 to 10",
        "backoff.podmanRetries: -1 => backoff.podmanRetries => '-1' must be 0 or more",
        "backoff.attemptTimeout: 0ms => backoff.attemptTimeout => must be greater than 0",
        "backoff.attemptTimeout: 10 => backoff.attemptTimeout => has no unit; write 10s",
    })
    void namesTheFieldTheValueAndWhatIsAllowed(String setting, String field, String message) {
        String key = setting.substring(0, setting.indexOf(':'));
        String value = setting.substring(setting.indexOf(':') + 2);
        List<Problem> problems = problems(null, pom("quay.io/org/agent",
                Map.of(key.substring(SpecKeys.BACKOFF.length() + 1), value)));
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(field, problems.get(0).field());
        assertTrue(problems.get(0).message().contains(message), problems.get(0).message());
    }

    @Test
    void missingImageSaysWhereToSetIt() {
        List<Problem> problems = problems(yaml("backoff:\n  maxDelay: 60s\n"), NO_POM_VALUES);
        assertEquals("image", problems.get(0).field());
        assertTrue(problems.get(0).message().contains("ignition.image"));
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '~', value = {
        "image: [a, b] => image => line 1",
        "backoff: 5s => backoff => line 1",
        "image: a\\nimage: b => image => line 2",
        "- a\\n- b => specFile => line 1",
        "image: 'unterminated => specFile => line 1",
        "image: a: b => specFile => line 1",
        "image: x\\n---\\nimage: y => specFile => line 3",
    })
    void malformedYamlIsAProblemWithItsLine(String text, String field, String where) {
        SpecFile file = yaml(text.replace("\\n", "\n"));
        assertTrue(file.problems().stream().anyMatch(p -> p.field().equals(field) && (p.source() + p.message()).contains(where)),
                file.problems().toString());
    }

    @Test
    void invalidJsonNamesFileAndLine() {
        SpecFile file = json("{\n  \"image\": \"quay.io/a/b\",\n  \"backoff\": {\n}}}\n");
        Problem p = file.problems().get(0);
        assertEquals("specFile", p.field());
        assertEquals("pull.json line 4", p.source());
        assertTrue(p.message().startsWith("is not valid JSON"), p.message());
    }

    /** Found by the fuzzer (SpecReaderFuzzTestInputs/regression-invalid-utf8-yaml): bytes that are not UTF-8. */
    @Test
    void invalidUtf8IsAProblemNotACrash() {
        byte[] bytes = {'i', 'm', 'a', 'g', 'e', ':', ' ', '3', '3', (byte) 0xff, (byte) 0xff, 0, 9, ')', (byte) 0xa9, '\n'};
        SpecFile file = SpecFile.parse(bytes, false, FILE);
        assertEquals("specFile", file.problems().get(0).field());
        assertTrue(file.problems().get(0).message().startsWith("is not valid YAML"), file.problems().toString());
    }

    @Test
    void theBackoffElementGetsTheSpecFilesChecksAllAtOnce() {
        var backoff = new PomElement("backoff", null, List.of(
                new PomElement("maxDelays", "10m", List.of()),
                new PomElement("initialDelay", "5", List.of()),
                new PomElement("jitter", null, List.of(new PomElement("value", "0.1", List.of()))),
                new PomElement("initialDelay", "1s", List.of()),
                new PomElement("multiplier", null, List.of())));
        List<Problem> problems = problems(null, SpecFile.fromPom("quay.io/org/agent", backoff));
        assertEquals(List.of("backoff.maxDelays", "backoff.jitter", "backoff.initialDelay", "backoff.initialDelay"),
                problems.stream().map(Problem::field).toList(), problems.toString());
        assertTrue(problems.stream().allMatch(p -> p.source().equals("POM <backoff>")), problems.toString());
        assertTrue(problems.get(0).message().contains("did you mean 'backoff.maxDelay'?"), problems.get(0).message());
        assertTrue(problems.get(1).message().contains("must be a single value"), problems.get(1).message());
        assertEquals("is given twice", problems.get(2).message());
        assertTrue(problems.get(3).message().contains("'5' has no unit; write 5s"), problems.get(3).message());
    }

    @Test
    void textDirectlyInTheBackoffElementIsAProblem() {
        List<Problem> problems = problems(null, SpecFile.fromPom("quay.io/org/agent", new PomElement("backoff", "5s", List.of())));
        assertEquals("backoff (POM <backoff>): must be a mapping of " + SpecKeys.BACKOFF_KEYS + ", found a string",
                problems.get(0).toString());
    }

    @Test
    void anEmptyElementKeepsTheSpecFilesValue() throws Exception {
        var backoff = new PomElement("backoff", null, List.of(new PomElement("maxDelay", null, List.of())));
        PullSpec spec = PullSpecs.resolve(yaml("image: quay.io/a/b\nbackoff:\n  maxDelay: 1m\n"),
                SpecFile.fromPom(null, backoff));
        assertEquals(Duration.ofMinutes(1), spec.backoff().maxDelay());
    }

    @Test
    void emptyFileMeansDefaults() throws Exception {
        PullSpec spec = PullSpecs.resolve(yaml("# nothing yet\n"), pom("quay.io/a/b", Map.of()));
        assertEquals(BackoffSpec.DEFAULTS, spec.backoff());
    }

    @Test
    void pullPolicyIsMissingUnlessTheFileOrThePomSaysOtherwise() throws Exception {
        assertEquals(PullPolicy.MISSING, PullSpecs.resolve(yaml("image: quay.io/org/agent:v1\n"), NO_POM_VALUES).pullPolicy());
        SpecFile file = yaml("image: quay.io/org/agent:v1\npullPolicy: newer\n");
        assertEquals(PullPolicy.NEWER, PullSpecs.resolve(file, NO_POM_VALUES).pullPolicy());
        assertEquals(PullPolicy.NEWER, PullSpecs.resolve(json("{\"image\": \"quay.io/org/agent:v1\", \"pullPolicy\": \"newer\"}"),
                NO_POM_VALUES).pullPolicy());
        assertEquals(PullPolicy.ALWAYS, PullSpecs.resolve(file, SpecFile.fromPom(null, "always", null)).pullPolicy(),
                "the POM wins");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "pullPolicy: Always|src/main/ignition/pull.yaml line 2|'Always' is not a pull policy; kubelet's Always is 'always' here; allowed: missing, newer, always",
            "pullPolicy: IfNotPresent|src/main/ignition/pull.yaml line 2|'IfNotPresent' is not a pull policy; kubelet's IfNotPresent is 'missing' here; allowed: missing, newer, always",
            "pullPolicy: never|src/main/ignition/pull.yaml line 2|'never' is not a pull policy; 'never' would never pull, and the script exists to pull; allowed: missing, newer, always",
            "pullPolicy: nwer|src/main/ignition/pull.yaml line 2|'nwer' is not a pull policy; did you mean 'newer'? allowed: missing, newer, always",
            "pullPolicy: sometimes|src/main/ignition/pull.yaml line 2|'sometimes' is not a pull policy; allowed: missing, newer, always",
            "pullPolicies: newer|src/main/ignition/pull.yaml line 2|is not a spec key; did you mean 'pullPolicy'? Known keys: image, pullPolicy, backoff"})
    void aBadPullPolicyNamesTheValueAndThePolicies(String line, String where, String message) {
        List<Problem> problems = problems(yaml("image: quay.io/org/agent:v1\n" + line + "\n"), NO_POM_VALUES);
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(where, problems.get(0).source());
        assertEquals(message, problems.get(0).message());
    }

    @Test
    void aBadPullPolicyInThePomIsReportedWithEveryOtherProblem() {
        List<Problem> problems = problems(null, SpecFile.fromPom("busybox", "newest", null));
        assertEquals(List.of("image", "pullPolicy"), problems.stream().map(Problem::field).toList());
        assertEquals("POM", problems.get(1).source());
        assertTrue(problems.get(1).message().contains("did you mean 'newer'?"), problems.toString());
    }

    @ParameterizedTest
    @CsvSource({"quay.io/org/agent:latest, missing, true", "quay.io/org/agent, missing, true",
            "localhost:5000/agent, missing, true", "quay.io/org/agent:v1, missing, false",
            "quay.io/org/agent:latest, newer, false", "quay.io/org/agent, always, false",
            "quay.io/org/agent:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef, missing, false",
            "quay.io/org/agent@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef, missing, false"})
    void aMutableReferenceUnderMissingNeverUpdates(String image, String policy, boolean never) throws Exception {
        PullSpec spec = PullSpecs.resolve(null, SpecFile.fromPom(image, policy, null));
        assertEquals(never, spec.neverUpdates());
    }
}
