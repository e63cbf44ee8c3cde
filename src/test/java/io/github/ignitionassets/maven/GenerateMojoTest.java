package io.github.ignitionassets.maven;

import static org.apache.maven.api.plugin.testing.MojoExtension.getVariableValueFromObject;
import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.inject.Inject;
import org.apache.maven.api.di.Provides;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The generate goal's parameter wiring, through the plugin descriptor as Maven builds it: defaults, POM values and
 * user properties reach the core; skip, attach and failures speak Maven's terms. What the core makes of the values
 * is tested in the core's own tests and in the ITs under {@code it/}.
 *
 * <p>Each test gets a real {@link MavenProject} (not the harness's mock) in a fresh directory, so that
 * {@code ${project.basedir}} and {@code ${project.build.directory}} evaluate and attaching works for real.
 */
@MojoTest
class GenerateMojoTest {

    private static final String UNIT = "src/test/resources/unit/";

    /** User properties ({@code -Dname=value}) for one test, set on the session before its mojo is configured. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface UserProperties {
        String[] value();
    }

    private Path basedir;

    @Inject
    private MavenSession session;

    @Inject
    private MavenProject project;

    @Provides
    MavenProject project() throws IOException {
        basedir = Files.createTempDirectory("generate-mojo-test").toRealPath();
        Model model = new Model();
        model.setModelVersion("4.0.0");
        model.setGroupId("org.example");
        model.setArtifactId("consumer");
        model.setVersion("1.0");
        model.setPackaging("pom");
        Build build = new Build();
        build.setDirectory(basedir.resolve("target").toString());
        model.setBuild(build);
        MavenProject p = new MavenProject(model);
        p.setFile(basedir.resolve("pom.xml").toFile());
        p.setArtifact(new DefaultArtifact("org.example", "consumer", "1.0", null, "pom", null,
                new DefaultArtifactHandler("pom")));
        return p;
    }

    @BeforeEach
    void userProperties(TestInfo test) {
        test.getTestMethod().map(m -> m.getAnnotation(UserProperties.class)).ifPresent(props -> {
            for (String p : props.value()) {
                int eq = p.indexOf('=');
                session.getUserProperties().setProperty(p.substring(0, eq), p.substring(eq + 1));
            }
        });
    }

    @AfterEach
    void deleteBasedir() throws IOException {
        if (basedir != null) {
            try (Stream<Path> files = Files.walk(basedir)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
    }

    @Test
    @InjectMojo(goal = "generate", pom = UNIT + "defaults/pom.xml")
    void defaultsAreWired(GenerateMojo mojo) throws Exception {
        assertEquals(project, getVariableValueFromObject(mojo, "project"));
        assertEquals("quay.io/example/agent:v1", getVariableValueFromObject(mojo, "image"));
        assertEquals("agent.service", getVariableValueFromObject(mojo, "unitName"));
        assertEquals("/usr/local/bin/agent-pull-image", getVariableValueFromObject(mojo, "scriptPath"));
        assertEquals("3.1.0", getVariableValueFromObject(mojo, "ignitionVersion"));
        assertEquals("600", getVariableValueFromObject(mojo, "timeoutStartSec"));
        assertEquals("config.ign", getVariableValueFromObject(mojo, "configName"));
        assertEquals(null, getVariableValueFromObject(mojo, "execStart"));
        assertEquals(null, getVariableValueFromObject(mojo, "unitFile"));
        assertEquals(null, getVariableValueFromObject(mojo, "backoff"));
        assertEquals(true, getVariableValueFromObject(mojo, "attach"));
        assertEquals(false, getVariableValueFromObject(mojo, "skip"));
        assertEquals(null, getVariableValueFromObject(mojo, "specFile"), "unset: the core looks for the default files");
        assertEquals(basedir.resolve("target/generated-resources/ignition").toFile(),
                getVariableValueFromObject(mojo, "outputDirectory"));

        mojo.execute();

        Path out = basedir.resolve("target/generated-resources/ignition");
        assertEquals(List.of("agent-pull-image", "agent.service", "config.ign"), list(out));
        assertTrue(read(out.resolve("agent.service")).contains(
                "ExecStartPre=/usr/local/bin/agent-pull-image quay.io/example/agent:v1\n"
                        + "ExecStart=/usr/bin/podman run --pull=never --rm --name agent quay.io/example/agent:v1\n"));
        assertTrue(read(out.resolve("agent.service")).contains("TimeoutStartSec=600\n"));
        String config = read(out.resolve("config.ign"));
        assertTrue(config.startsWith("{\"ignition\":{\"version\":\"3.1.0\"}"), config);
        assertTrue(config.contains("\"path\":\"/usr/local/bin/agent-pull-image\""), config);
        assertTrue(read(out.resolve("agent-pull-image")).contains("max_delay_ms=300000\n"), "default maxDelay 300s");
    }

    @Test
    @InjectMojo(goal = "generate", pom = UNIT + "pom-values/pom.xml")
    void pomValuesReachTheRequest(GenerateMojo mojo) throws Exception {
        mojo.execute();

        Path out = basedir.resolve("target/custom-out");
        assertEquals(List.of("edge-agent.service", "edge.ign", "pull-edge"), list(out));
        String script = read(out.resolve("pull-edge"));
        assertTrue(script.contains("initial_delay_ms=2000\n"), script);
        assertTrue(script.contains("multiplier_ppm=1500000\n"), script);
        assertTrue(script.contains("max_delay_ms=60000\n"), script);
        assertTrue(script.contains("jitter_ppm=100000\n"), script);
        assertTrue(script.contains("max_attempts=7\n"), script);
        assertTrue(script.contains("attempt_timeout_ms=90000\n"), script);
        String unit = read(out.resolve("edge-agent.service"));
        assertTrue(unit.contains("TimeoutStartSec=15min\n"
                + "ExecStartPre=/opt/bin/pull-edge registry.example.com:5000/edge/agent:2.1\n"
                + "ExecStart=/usr/bin/podman run --rm edge\n"), unit);
        String config = read(out.resolve("edge.ign"));
        assertTrue(config.startsWith("{\"ignition\":{\"version\":\"3.4.0\"}"), config);
        assertTrue(config.contains("\"name\":\"edge-agent.service\""), config);
        assertAttached(out.resolve("edge.ign"));
    }

    @Test
    @UserProperties({"ignition.image=quay.io/example/from-cli:3", "ignition.unitName=cli.service",
            "ignition.scriptPath=/usr/bin/cli-pull", "ignition.version=3.2.0", "ignition.timeoutStartSec=infinity",
            "ignition.execStart=/bin/true", "ignition.outputDirectory=target/cli", "ignition.configName=cli.ign",
            "ignition.attach=false"})
    @InjectMojo(goal = "generate", pom = UNIT + "no-config/pom.xml")
    void userPropertiesReachTheRequest(GenerateMojo mojo) throws Exception {
        mojo.execute();

        Path out = basedir.resolve("target/cli");
        assertEquals(List.of("cli-pull", "cli.ign", "cli.service"), list(out));
        String unit = read(out.resolve("cli.service"));
        assertTrue(unit.contains("TimeoutStartSec=infinity\nExecStartPre=/usr/bin/cli-pull quay.io/example/from-cli:3\n"
                + "ExecStart=/bin/true\n"), unit);
        assertTrue(read(out.resolve("cli.ign")).startsWith("{\"ignition\":{\"version\":\"3.2.0\"}"));
        assertEquals(List.of(), project.getAttachedArtifacts(), "ignition.attach=false");
    }

    @Test
    @UserProperties({"ignition.image=quay.io/example/from-cli", "ignition.pullPolicy=always",
            "ignition.authFile=/etc/agent/auth.json"})
    @InjectMojo(goal = "generate", pom = UNIT + "no-config/pom.xml")
    void pullPolicyAndAuthFileReachTheScript(GenerateMojo mojo) throws Exception {
        mojo.execute();

        String script = read(basedir.resolve("target/generated-resources/ignition/agent-pull-image"));
        assertTrue(script.contains("\npull_policy=always\n"), script);
        assertTrue(script.contains("\nauth_file=/etc/agent/auth.json\n"), script);
        assertTrue(read(basedir.resolve("target/ignition-assets/load-report.json")).contains("\"pullPolicy\": \"always\""));
    }

    @Test
    @UserProperties({"ignition.image=quay.io/example/from-cli:latest"})
    @InjectMojo(goal = "generate", pom = UNIT + "no-config/pom.xml")
    void warningsAreLoggedAndPassWithoutFailOnWarning(GenerateMojo mojo) throws Exception {
        mojo.execute();
        assertEquals(1, project.getAttachedArtifacts().size());
    }

    @Test
    @UserProperties({"ignition.image=quay.io/example/from-cli:latest", "ignition.failOnWarning=true"})
    @InjectMojo(goal = "generate", pom = UNIT + "no-config/pom.xml")
    void failOnWarningFailsTheBuildNamingEachWarningAndAttachesNothing(GenerateMojo mojo) throws Exception {
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals("1 warning (failOnWarning is true):\n  - image quay.io/example/from-cli:latest: latest can name a new"
                + " image at any time, but pullPolicy missing never pulls on a host that has a copy, so such a host never"
                + " updates; pin a tag or a digest, or set pullPolicy to newer or always", e.getMessage());
        assertEquals(List.of(), project.getAttachedArtifacts());

        // The next build, with the same inputs, repeats the last one's warnings: it fails the same way.
        MojoFailureException again = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals(e.getMessage(), again.getMessage());
    }

    @Test
    @UserProperties({"ignition.unitName=cli.service", "ignition.image=quay.io/example/from-cli:3"})
    @InjectMojo(goal = "generate", pom = UNIT + "defaults/pom.xml")
    @MojoParameter(name = "unitName", value = "pom.service")
    void pomValueWinsOverUserProperty(GenerateMojo mojo) throws Exception {
        mojo.execute();

        Path out = basedir.resolve("target/generated-resources/ignition");
        assertEquals(List.of("agent-pull-image", "config.ign", "pom.service"), list(out));
        assertTrue(read(out.resolve("pom.service")).contains(" quay.io/example/agent:v1\n"), "the POM's <image>");
    }

    @Test
    @InjectMojo(goal = "generate", pom = UNIT + "no-config/pom.xml")
    void specFileAtTheDefaultPlaceIsRead(GenerateMojo mojo) throws Exception {
        write("src/main/ignition/pull.yaml", "image: quay.io/example/from-spec:1\nbackoff:\n  maxDelay: 45s\n");

        mojo.execute();

        Path out = basedir.resolve("target/generated-resources/ignition");
        assertTrue(read(out.resolve("agent-pull-image")).contains("max_delay_ms=45000\n"));
        assertTrue(read(out.resolve("agent.service")).contains("ExecStartPre=/usr/local/bin/agent-pull-image quay.io/example/from-spec:1\n"));
    }

    @Test
    @InjectMojo(goal = "generate", pom = UNIT + "pom-values/pom.xml")
    @MojoParameter(name = "specFile", value = "spec.json")
    void pomBackoffOverridesTheSpecFileFieldByField(GenerateMojo mojo) throws Exception {
        assertEquals(basedir.resolve("spec.json").toFile(), getVariableValueFromObject(mojo, "specFile"),
                "a relative specFile is taken from the project directory");
        // The POM sets every backoff field and the image, so each of them wins over the spec file's.
        write("spec.json", "{\"image\": \"quay.io/example/from-spec:1\", \"backoff\": {\"maxDelay\": \"10m\"}}");

        mojo.execute();

        String script = read(basedir.resolve("target/custom-out/pull-edge"));
        assertTrue(script.contains("max_delay_ms=60000\n"), "the POM's maxDelay wins");
        assertTrue(read(basedir.resolve("target/custom-out/edge-agent.service")).contains(" registry.example.com:5000/edge/agent:2.1\n"));
    }

    @Test
    @InjectMojo(goal = "generate", pom = UNIT + "no-config/pom.xml")
    @MojoParameter(name = "specFile", value = "pull.yaml")
    @MojoParameter(name = "image", value = "quay.io/example/from-pom:2")
    void specFileValuesTheBackoffLeavesOutAreKept(GenerateMojo mojo) throws Exception {
        write("pull.yaml", "image: quay.io/example/from-spec:1\nbackoff:\n  maxDelay: 45s\n  maxAttempts: 3\n");

        mojo.execute();

        Path out = basedir.resolve("target/generated-resources/ignition");
        String script = read(out.resolve("agent-pull-image"));
        assertTrue(script.contains("max_delay_ms=45000\n") && script.contains("max_attempts=3\n"), script);
        assertTrue(read(out.resolve("agent.service")).contains(" quay.io/example/from-pom:2\n"), "the POM's image wins");
    }

    @Test
    @InjectMojo(goal = "generate", pom = UNIT + "skip/pom.xml")
    void skipWritesNothing(GenerateMojo mojo) throws Exception {
        assertEquals(true, getVariableValueFromObject(mojo, "skip"));

        mojo.execute(); // the bad image is never looked at

        assertFalse(Files.exists(basedir.resolve("target")), "nothing written");
        assertEquals(List.of(), project.getAttachedArtifacts());
    }

    @Test
    @UserProperties("ignition.skip=true")
    @InjectMojo(goal = "generate", pom = UNIT + "no-config/pom.xml")
    void skipByUserProperty(GenerateMojo mojo) throws Exception {
        mojo.execute(); // no image at all: would fail if not skipped

        assertFalse(Files.exists(basedir.resolve("target")), "nothing written");
    }

    @Test
    @InjectMojo(goal = "generate", pom = UNIT + "defaults/pom.xml")
    void attachAttachesTheConfigAsIgnIgnition(GenerateMojo mojo) throws Exception {
        mojo.execute();

        assertAttached(basedir.resolve("target/generated-resources/ignition/config.ign"));
    }

    @Test
    @InjectMojo(goal = "generate", pom = UNIT + "no-attach/pom.xml")
    void attachFalseAttachesNothing(GenerateMojo mojo) throws Exception {
        mojo.execute();

        assertTrue(Files.exists(basedir.resolve("target/generated-resources/ignition/config.ign")));
        assertEquals(List.of(), project.getAttachedArtifacts());
    }

    @Test
    @InjectMojo(goal = "generate", pom = UNIT + "bad-input/pom.xml")
    void badInputFailsWithEveryProblemAndWritesNothing(GenerateMojo mojo) {
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        String m = e.getMessage();
        assertTrue(m.startsWith("5 problems in the input:\n"), m);
        assertTrue(m.contains("  - image (POM): 'busybox' is not fully qualified"), m);
        assertTrue(m.contains("docker.io/library/busybox"), m);
        assertTrue(m.contains("  - backoff.maxDelay (POM <backoff>): '1s' must be at least initialDelay (5s)"), m);
        assertTrue(m.contains("  - unitName (POM): 'agent.timer' must end in .service"), m);
        assertTrue(m.contains("  - scriptPath (POM): 'usr/local/bin/agent-pull-image' is not absolute"), m);
        assertTrue(m.contains("  - ignitionVersion (POM): '2.3.0' is not supported; allowed: 3.0.0, 3.1.0, 3.2.0, 3.3.0, 3.4.0, 3.5.0"), m);
        assertEquals(null, e.getCause(), "a failure of the input, not of the plugin");
        assertFalse(Files.exists(basedir.resolve("target")), "nothing written");
        assertEquals(List.of(), project.getAttachedArtifacts());
    }

    @Test
    @InjectMojo(goal = "generate", pom = UNIT + "no-config/pom.xml")
    void noImageAnywhereIsAProblem(GenerateMojo mojo) {
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        assertTrue(e.getMessage().contains("image: is required: set <image> (property ignition.image)"), e.getMessage());
    }

    @Test
    @InjectMojo(goal = "generate", pom = UNIT + "missing-spec/pom.xml")
    void anExplicitlyNamedMissingSpecFileIsAProblem(GenerateMojo mojo) {
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        assertTrue(e.getMessage().contains("specFile (POM): 'src/main/ignition/other.yaml' does not exist"), e.getMessage());
    }

    @Test
    @InjectMojo(goal = "generate", pom = UNIT + "defaults/pom.xml")
    void badSpecFileAndBadPomValuesAreReportedTogether(GenerateMojo mojo) throws Exception {
        write("src/main/ignition/pull.yaml", "image: quay.io/example/from-spec:1\nbackoff:\n  initalDelay: 5s\n  jitter: 1.5\n");
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        String m = e.getMessage();
        assertTrue(m.startsWith("2 problems in the input:\n"), m);
        assertTrue(m.contains("backoff.initalDelay (src/main/ignition/pull.yaml line 3): is not a spec key; did you mean"
                + " 'backoff.initialDelay'?"), m);
        assertTrue(m.contains("backoff.jitter (src/main/ignition/pull.yaml line 4): '1.5' must be at least 0 and less than 1"), m);
    }

    @Test
    @InjectMojo(goal = "generate", pom = UNIT + "defaults/pom.xml")
    void specValuesOfTheWrongShapeAreNamed(GenerateMojo mojo) throws Exception {
        write("src/main/ignition/pull.yaml", "backoff:\n  jitter: yes\n  multiplier: [2]\n  maxAttempts: 99999999999\n");
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        String m = e.getMessage();
        assertTrue(m.startsWith("3 problems in the input:\n"), m);
        assertTrue(m.contains("backoff.jitter (src/main/ignition/pull.yaml line 2): must be a single value, a string or a"
                + " number; found the boolean 'yes'"), m);
        assertTrue(m.contains("backoff.multiplier (src/main/ignition/pull.yaml line 3): must be a single value, a string"
                + " or a number; found a list"), m);
        assertTrue(m.contains("backoff.maxAttempts (src/main/ignition/pull.yaml line 4): '99999999999' is larger than"
                + " 2147483647; 0 retries forever"), m);
    }

    @Test
    @InjectMojo(goal = "generate", pom = UNIT + "user-unit/pom.xml")
    void aUserUnitThatRunsTheStepWithAPrefixKeepsIt(GenerateMojo mojo) throws Exception {
        String unit = "[Service]\nExecStartPre=-/usr/local/bin/agent-pull-image   quay.io/example/agent:v2\n"
                + "ExecStart=/usr/bin/agent\n";
        write("agent.service", unit);

        mojo.execute();

        assertEquals(unit, read(basedir.resolve("target/generated-resources/ignition/agent.service")), "not inserted twice");
    }

    @Test
    @InjectMojo(goal = "generate", pom = UNIT + "user-unit/pom.xml")
    void aUserUnitThatPullsAnotherImageIsAProblem(GenerateMojo mojo) throws Exception {
        write("agent.service", "[Unit]\nDescription=agent\n\n[Service]\n"
                + "ExecStartPre=/usr/local/bin/agent-pull-image quay.io/example/agent:v1\nExecStart=/usr/bin/agent\n");

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        assertTrue(e.getMessage().contains("unitFile (POM): 'agent.service' line 5 already runs /usr/local/bin/agent-pull-image"
                + " ('ExecStartPre=/usr/local/bin/agent-pull-image quay.io/example/agent:v1'); remove that line: the pull"
                + " step for quay.io/example/agent:v2 is inserted for you"), e.getMessage());
        assertFalse(Files.exists(basedir.resolve("target")), "nothing written");
    }

    @Test
    @InjectMojo(goal = "generate", pom = UNIT + "defaults/pom.xml")
    void invalidYamlNamesTheLineOfTheFaultAndWhatItIs(GenerateMojo mojo) throws Exception {
        write("src/main/ignition/pull.yaml", "backoff:\n  maxDelay: 60s\n\tjitter: 0.1\n");
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        assertTrue(e.getMessage().contains("specFile (src/main/ignition/pull.yaml line 3): is not valid YAML: found"
                + " character '\\t(TAB)' that cannot start any token. (Do not use \\t(TAB) for indentation)"), e.getMessage());
    }

    @Test
    @InjectMojo(goal = "generate", pom = UNIT + "no-config/pom.xml")
    void aSpecFileThatCannotBeReadIsNotAlsoSaidToLackTheImage(GenerateMojo mojo) throws Exception {
        write("src/main/ignition/pull.yaml", "backoff:\n\tjitter: 0.1\nimage: quay.io/example/agent:v1\n");
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        assertTrue(e.getMessage().startsWith("1 problem in the input:\n  - specFile (src/main/ignition/pull.yaml line 2):"
                + " is not valid YAML: "), e.getMessage());
    }

    @Test
    @InjectMojo(goal = "generate", pom = UNIT + "defaults/pom.xml")
    void badImagesAreRejectedWithTheirValue(GenerateMojo mojo) throws Exception {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("busybox", "'busybox' is not fully qualified: a unit has no TTY to resolve short names, so the pull"
                + " fails on the host; name the registry, e.g. docker.io/library/busybox");
        cases.put("org/agent:v1", "name the registry, e.g. docker.io/org/agent:v1");
        cases.put("quay.io/example/agent:", "'quay.io/example/agent:' has an empty tag");
        cases.put("quay.io/example/agent:@sha256:0123456789abcdef0123456789abcdef", "has an empty tag");
        cases.put("quay.io/example/agent:v1 ", "'quay.io/example/agent:v1 ' contains a space");
        cases.put("quay.io/example/agent:v1\treboot", "'quay.io/example/agent:v1\\treboot' contains a tab");
        cases.put("quay.io/example/agent:v1\r\nreboot", "'quay.io/example/agent:v1\\r\\nreboot' contains a carriage return");
        for (String c : List.of(";", "$", "`", "|", "&", "<", ">", "'", "\"")) {
            cases.put("quay.io/example/agent:v1" + c + "reboot", "'quay.io/example/agent:v1" + c + "reboot' contains '" + c
                    + "', which no image reference holds; allowed: registry[:port]/path[:tag][@digest]");
        }
        cases.put("quay.io/Example/agent", "'quay.io/Example/agent' has upper-case letters in its path");
        cases.put("", "image (POM): is empty; write a fully qualified reference such as quay.io/org/agent:v1");
        for (var c : cases.entrySet()) {
            setVariableValueToObject(mojo, "image", c.getKey());
            MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute, c.getKey());
            assertTrue(e.getMessage().startsWith("1 problem in the input:\n  - image (POM): "), e.getMessage());
            assertTrue(e.getMessage().contains(c.getValue()), e.getMessage());
        }
        assertFalse(Files.exists(basedir.resolve("target")), "nothing written");
    }

    @Test
    @InjectMojo(goal = "generate", pom = UNIT + "defaults/pom.xml")
    void badBackoffValuesAreAllReported(GenerateMojo mojo) throws Exception {
        write("src/main/ignition/pull.yaml", "backoff:\n  initialDelay: 0ms\n  jitter: -0.1\n  attemptTimeout: ten minutes\n"
                + "  multiplier: 1001\n  maxDelay: 99999d\n");
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        String m = e.getMessage();
        String y = "(src/main/ignition/pull.yaml line ";
        assertTrue(m.startsWith("5 problems in the input:\n"), m);
        assertTrue(m.contains("backoff.initialDelay " + y + "2): '0ms' must be greater than 0, e.g. 250ms or 5s"), m);
        assertTrue(m.contains("backoff.jitter " + y + "3): '-0.1' must be at least 0 and less than 1"), m);
        assertTrue(m.contains("backoff.attemptTimeout " + y + "4): 'ten minutes' is not a duration; write e.g. 250ms, 5s,"
                + " 1m30s, 2h or PT5S"), m);
        assertTrue(m.contains("backoff.multiplier " + y + "5): '1001' must be at least 1 (1 means a fixed delay) and at most"
                + " 1000"), m);
        assertTrue(m.contains("backoff.maxDelay " + y + "6): '99999d' is longer than the longest allowed, 10000d"), m);
    }

    @Test
    @InjectMojo(goal = "generate", pom = UNIT + "defaults/pom.xml")
    void aBuildWithTheSameInputsDoesNoWorkAndAnyChangeIsMadeAgain(GenerateMojo mojo) throws Exception {
        List<String> log = new java.util.ArrayList<>();
        mojo.setLog(new org.apache.maven.monitor.logging.DefaultLog(new org.codehaus.plexus.logging.AbstractLogger(0, "test") {
            public void debug(String m, Throwable t) {
            }

            public void info(String m, Throwable t) {
                log.add("info " + m);
            }

            public void warn(String m, Throwable t) {
                log.add("warn " + m);
            }

            public void error(String m, Throwable t) {
                log.add("error " + m);
            }

            public void fatalError(String m, Throwable t) {
                log.add("fatal " + m);
            }

            public org.codehaus.plexus.logging.Logger getChildLogger(String name) {
                return this;
            }
        }));
        mojo.execute();
        Path out = basedir.resolve("target/generated-resources/ignition");
        Path report = basedir.resolve("target/ignition-assets/load-report.json");
        List<Path> outputs = List.of(out.resolve("agent-pull-image"), out.resolve("agent.service"), out.resolve("config.ign"), report);
        java.nio.file.attribute.FileTime old = java.nio.file.attribute.FileTime.fromMillis(1_000_000_000_000L);
        for (Path o : outputs) {
            Files.setLastModifiedTime(o, old);
        }
        String spec = log.stream().filter(l -> l.startsWith("info Spec file: ") || l.startsWith("info No spec file")).findFirst().orElseThrow();
        String size = log.stream().filter(l -> l.startsWith("info Ignition config config.ign: ")).findFirst().orElseThrow();
        String summary = log.stream().filter(l -> l.startsWith("info Load in a registry outage: 12 attempts/host-hour")).findFirst().orElseThrow();

        log.clear();
        mojo.execute();
        assertEquals(List.of("info Ignition assets unchanged in target/generated-resources/ignition (same inputs as the last build)",
                spec, size, summary), log);
        for (Path o : outputs) {
            assertEquals(old, Files.getLastModifiedTime(o), o + " was rewritten");
        }
        List<Artifact> attached = project.getAttachedArtifacts(); // once per execution: this test reuses the project
        assertEquals(out.resolve("config.ign").toFile(), attached.get(attached.size() - 1).getFile(), "attached when up to date too");

        // An output edited by hand, or gone, is made again, and only it.
        String unit = read(out.resolve("agent.service"));
        Files.writeString(out.resolve("agent.service"), "edited by hand\n");
        Files.delete(report);
        log.clear();
        mojo.execute();
        assertEquals("info Wrote agent.service to target/generated-resources/ignition", log.get(0));
        assertEquals(unit, read(out.resolve("agent.service")));
        assertTrue(Files.isRegularFile(report));
        assertEquals(old, Files.getLastModifiedTime(out.resolve("config.ign")));

        // A changed input is picked up.
        write("src/main/ignition/pull.yaml", "backoff:\n  maxDelay: 60s\n");
        log.clear();
        mojo.execute();
        assertEquals("info Wrote agent-pull-image, config.ign to target/generated-resources/ignition", log.get(0));
        assertTrue(read(out.resolve("agent-pull-image")).contains("max_delay_ms=60000\n"));
    }

    private void assertAttached(Path config) {
        List<Artifact> attached = project.getAttachedArtifacts();
        assertEquals(1, attached.size(), attached::toString);
        Artifact a = attached.get(0);
        assertEquals("ign", a.getType());
        assertEquals("ignition", a.getClassifier());
        assertEquals(config.toFile(), a.getFile());
        assertEquals("org.example:consumer:ign:ignition:1.0", a.getId());
    }

    private void write(String relative, String text) throws IOException {
        Path f = basedir.resolve(relative);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
