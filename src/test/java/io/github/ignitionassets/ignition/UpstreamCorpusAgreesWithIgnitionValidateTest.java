package io.github.ignitionassets.ignition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The configs of {@code src/test/resources/upstream-corpus}, built by {@code corpus/build-upstream-corpus.py} from
 * the tests of Ignition 2.14.0, go-systemd, dataurl and Go's net/url (and mutations of the valid ones): on every
 * one, our verdict, paths, lines and columns are ignition-validate's.
 */
@Tag("real-tools")
class UpstreamCorpusAgreesWithIgnitionValidateTest {

    static final Path DIR = Path.of("src/test/resources/upstream-corpus");

    private static final Map<Path, Future<IgnitionValidateRun>> RUNS = new ConcurrentHashMap<>();
    private static ExecutorService pool;

    /**
     * Starts every run at once on a pool as wide as the machine: ignition-validate is a process per config, and
     * one after the other they would take most of a minute.
     */
    @BeforeAll
    static void startRuns() {
        IgnitionValidateRun.toolIsThere();
        pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        for (Path file : corpus().toList()) {
            RUNS.put(file, pool.submit(() -> IgnitionValidateRun.of(file, Files.readAllBytes(file))));
        }
    }

    @AfterAll
    static void stopPool() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    static List<Path> all() {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(p -> p.toString().endsWith(".ign")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<Path> corpus() {
        return all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void sameVerdictAndPaths(Path file) throws InterruptedException, ExecutionException {
        RUNS.get(file).get().assertAgree(file);
    }

    /** So that it cannot shrink unnoticed: at least 2,000 configs, each version and origin well represented. */
    @Test
    void theCorpusIsBigAndEveryFileHasItsSource() throws IOException {
        List<Path> files = all();
        assertTrue(files.size() >= 2000, "upstream corpus configs: " + files.size());
        Map<String, Long> perVersion = new TreeMap<>(files.stream().collect(Collectors.groupingBy(
                p -> p.getFileName().toString().replaceAll(".*-(3\\.[0-3]\\.0)\\.ign$", "$1"), Collectors.counting())));
        assertEquals(Set.of("3.0.0", "3.1.0", "3.2.0", "3.3.0"), perVersion.keySet(), "versions: " + perVersion);
        perVersion.forEach((v, n) -> assertTrue(n >= 500, v + ": " + n));
        Map<String, Long> perOrigin = files.stream().collect(Collectors.groupingBy(
                p -> p.getFileName().toString().replaceAll("-.*", ""), Collectors.counting()));
        assertEquals(Set.of("blackbox", "types", "parse", "systemd", "dataurl", "neturl", "mutated"), perOrigin.keySet());

        TreeSet<String> listed = new TreeSet<>();
        for (String line : Files.readAllLines(DIR.resolve("SOURCES.tsv"), StandardCharsets.UTF_8)) {
            if (!line.startsWith("#")) {
                listed.add(line.split("\t", -1)[0]);
            }
        }
        assertEquals(files.stream().map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new)), listed);
    }
}
