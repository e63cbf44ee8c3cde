package io.github.ignitionassets.realtools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ignitionassets.core.InvalidInputException;
import io.github.ignitionassets.core.PomElement;
import io.github.ignitionassets.generate.AssetGenerator;
import io.github.ignitionassets.generate.GenerateRequest;
import io.github.ignitionassets.generate.GeneratedAssets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, sections 2 and 3, with real podman (scratch storage) and a real registry on 127.0.0.1: the pull policies
 * with a cached copy, and the auth file. A {@link PodmanWrapper} first on PATH counts the script's pulls. The spec is
 * millisecond-scale (50ms doubling to 200ms, no jitter); podman 4 retries a refused connection by itself, about 3 s
 * per attempt.
 */
@Tag("real-tools")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PullPolicyAgainstRegistryTest {

    /** htpasswd for user {@code agent}, password {@code agent-secret} (bcrypt, cost 5). */
    private static final String HTPASSWD = "agent:$2b$05$abcdefghijklmnopqrstuuYqLiDSmRWR9RXpr62VKV5clcqDPPhE2";
    /** The same credentials as containers-auth.json(5) writes them: base64 of {@code agent:agent-secret}. */
    private static final String AUTH = "YWdlbnQ6YWdlbnQtc2VjcmV0";

    @TempDir
    Path dir;

    private int port;
    private String image;
    private IsolatedPodman podman;
    private PodmanWrapper wrapper;
    private PullTestBed bed;

    @BeforeEach
    void setUp() {
        bed = new PullTestBed(dir);
        port = bed.port;
        image = bed.image;
        podman = bed.podman;
        wrapper = bed.wrapper;
    }

    @AfterEach
    void tearDown() throws Exception {
        if (bed != null) {
            bed.close();
        }
    }

    /** The generated script for a policy (and auth file), written as the goal writes it, run with the wrapper on PATH. */
    private ScriptRun startScript(String pullPolicy, String authFile, int maxAttempts) throws Exception {
        GenerateRequest d = GenerateRequest.defaults(dir, image);
        GeneratedAssets a;
        try {
            a = AssetGenerator.generate(new GenerateRequest(dir, image, null, false,
                    PomElement.of("backoff", Assets.fastBackoff(maxAttempts)), d.unitName(), d.scriptPath(), null, null,
                    d.timeoutStartSec(), "3.1.0", dir.resolve("out"), d.configName())
                    .withStateDirectory(dir.resolve("state").toString()).withPull(pullPolicy, authFile));
        } catch (InvalidInputException e) {
            throw new AssertionError(e.getMessage(), e);
        }
        Path out = Assets.write(a, dir.resolve("out"));
        return bed.track(ScriptRun.start(out.resolve(a.script().fileName()), image, bed.scriptEnv(), dir));
    }

    @Test
    void newerWithACachedCopyAndTheRegistryDownExitsZeroAfterOneAttempt() throws Exception {
        podman.importTinyImage(image); // nothing listens on the port
        org.junit.jupiter.api.Assertions.assertFalse(Loopback.listening(port));
        ScriptRun run = startScript("newer", null, 0);

        assertEquals(0, run.awaitExit(Duration.ofSeconds(60)), run::describe);

        List<PodmanWrapper.Call> pulls = wrapper.pulls();
        System.out.printf("newer, cached copy, registry down: %d pull(s), exit 0 after %d ms%n", pulls.size(),
                pulls.isEmpty() ? -1 : pulls.get(0).millis());
        assertEquals(1, pulls.size(), () -> "pulls: " + wrapper.calls());
        assertNotEquals(0, pulls.get(0).exit());
        List<String> log = run.stderrLines();
        assertEquals(1, log.size(), run::describe);
        assertTrue(log.get(0).matches("agent-pull-image: attempt 1 failed \\(exit \\d+: .*connection refused.*\\); "
                + java.util.regex.Pattern.quote(image) + " is present, starting on the cached copy"), run::describe);

    }

    @Test
    void newerPullsTheNewImagePushedUnderTheSameTag() throws Exception {
        LocalRegistry registry = bed.track(LocalRegistry.start(dir.resolve("registry"), port));
        podman.importTinyImage(image, "version one\n");
        String old = podman.imageId(image);
        podman.importTinyImage(image, "version two\n");
        String fresh = podman.imageId(image);
        assertNotEquals(old, fresh);
        podman.podmanOk("push", "--quiet", image, "docker://" + registry.host() + "/test/tiny:1");
        podman.podmanOk("tag", old, image); // the host still has version one under the tag
        assertEquals(old, podman.imageId(image));

        ScriptRun run = startScript("newer", null, 0);
        assertEquals(0, run.awaitExit(Duration.ofSeconds(60)), run::describe);

        assertEquals(1, wrapper.pulls().size(), () -> "pulls: " + wrapper.calls());
        assertEquals(fresh, podman.imageId(image), "the tag now names the image in the registry");
        assertEquals(List.of("agent-pull-image: pulled " + image + " on attempt 1"), run.stderrLines());
        System.out.printf("newer, registry up, new image under the same tag: %d pull, %s -> %s%n",
                wrapper.pulls().size(), old.substring(0, 12), fresh.substring(0, 12));
    }

    @Test
    void alwaysWithACachedCopyAndTheRegistryDownKeepsBackingOff() throws Exception {
        podman.importTinyImage(image);
        ScriptRun run = startScript("always", null, 3);

        int exit = run.awaitExit(Duration.ofSeconds(90));

        assertEquals(1, exit, run::describe);
        assertEquals(3, wrapper.pulls().size(), () -> "pulls: " + wrapper.calls());
        assertTrue(wrapper.calls().stream().noneMatch(c -> c.args().startsWith("image exists")), "the copy is not asked for");
        List<String> log = run.stderrLines();
        assertTrue(log.get(0).endsWith("next attempt in 0.050s"), run::describe);
        assertTrue(log.get(1).endsWith("next attempt in 0.100s"), run::describe);
        assertTrue(log.get(2).contains("giving up after 3 attempts"), run::describe);
        System.out.printf("always, cached copy, registry down, maxAttempts 3: %d pulls, exit %d%n", wrapper.pulls().size(), exit);
    }

    @Test
    void theAuthFileOpensARegistryThatRequiresIt() throws Exception {
        LocalRegistry registry = bed.track(LocalRegistry.start(dir.resolve("registry"), port, HTPASSWD));
        Path auth = Files.writeString(dir.resolve("auth.json"),
                "{\"auths\":{\"" + registry.host() + "\":{\"auth\":\"" + AUTH + "\"}}}");
        podman.importTinyImage(image);
        podman.podmanOk("push", "--quiet", "--authfile", auth.toString(), image, "docker://" + registry.host() + "/test/tiny:1");
        podman.podmanOk("rmi", image);

        // Without credentials (the auth file named is not on the host): logged once, refused at each attempt.
        ScriptRun without = startScript("missing", dir.resolve("absent.json").toString(), 2);
        assertEquals(1, without.awaitExit(Duration.ofSeconds(60)), without::describe);
        assertEquals(2, wrapper.pulls().size(), () -> "pulls: " + wrapper.calls());
        assertEquals(1, without.stderrLines().stream().filter(l -> l.equals("agent-pull-image: auth file "
                + dir.resolve("absent.json") + " is missing; pulling without it")).count(), without::describe);
        assertTrue(without.stderrLines().stream().anyMatch(l -> l.contains("unauthorized") || l.contains("authentication required")),
                without::describe);

        Files.delete(dir.resolve("state").resolve(Files.list(dir.resolve("state")).findFirst().orElseThrow().getFileName()));
        ScriptRun with = startScript("missing", auth.toString(), 2);
        assertEquals(0, with.awaitExit(Duration.ofSeconds(60)), with::describe);
        assertEquals("pull --authfile " + auth + " " + image, wrapper.pulls().get(2).args());
        assertTrue(podman.imageExists(image));
        System.out.printf("authFile: without it %d refused pulls, with it 1 pull%n", 2);
    }
}
