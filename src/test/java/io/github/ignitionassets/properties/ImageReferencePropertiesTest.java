package io.github.ignitionassets.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ignitionassets.backoff.BackoffSpec;
import io.github.ignitionassets.core.InvalidInputException;
import io.github.ignitionassets.generate.AssetGenerator;
import io.github.ignitionassets.generate.GenerateRequest;
import io.github.ignitionassets.script.PullScript;
import io.github.ignitionassets.spec.ImageReference;
import io.github.ignitionassets.systemd.UnitFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Image references from the OCI distribution reference grammar are accepted and reach the script and the unit as
 * exactly one argument; strings outside the grammar are refused, never passed through.
 */
@StatisticsReport(onFailureOnly = true)
class ImageReferencePropertiesTest {

    /** The grammar of distribution/reference, restated here from its documentation as the test's own oracle. */
    private static final Pattern GRAMMAR;

    static {
        String alnum = "[a-z0-9]+";
        String separator = "(?:[._]|__|[-]+)";
        String pathComponent = alnum + "(?:" + separator + alnum + ")*";
        String domainComponent = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
        String host = "(?:" + domainComponent + "(?:\\." + domainComponent + ")*|\\[[a-fA-F0-9:]+\\])";
        String domain = host + "(?::[0-9]+)?";
        String tag = "[\\w][\\w.-]{0,127}";
        String digest = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9a-fA-F]{32,}";
        GRAMMAR = Pattern.compile("((?:" + domain + "/)?" + pathComponent + "(?:/" + pathComponent + ")*)(?::" + tag + ")?(?:@" + digest + ")?");
    }

    private static Path dir;

    @BeforeContainer
    static void stubs() throws IOException {
        dir = Files.createTempDirectory("image-argv");
        Path podman = dir.resolve("podman");
        // Records its argument count and arguments, then says the image is present, so the script exits at once.
        Files.writeString(podman, "#!/bin/sh\nprintf '%s\\n' \"$#\" \"$@\" > \"$ARGV\"\nexit 0\n");
        Files.setPosixFilePermissions(podman, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.write(dir.resolve("pull"), PullScript.render("pull", BackoffSpec.DEFAULTS, dir.resolve("state").toString()).bytes());
    }

    @AfterContainer
    static void clean() throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Whether a string is a fully qualified reference: grammar, a registry host first, a name of at most 255. */
    static boolean qualified(String s) {
        var m = GRAMMAR.matcher(s);
        if (!m.matches() || m.group(1).length() > 255) {
            return false;
        }
        int slash = s.indexOf('/');
        if (slash < 0) {
            return false;
        }
        String first = s.substring(0, slash);
        return first.contains(".") || first.contains(":") || first.equals("localhost");
    }

    @Provide
    static Arbitrary<String> references() {
        Arbitrary<String> label = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789").ofMinLength(1).ofMaxLength(10);
        Arbitrary<String> hostLabel = Combinators.combine(label, Arbitraries.of("", "-", "--"), label)
                .as((a, sep, b) -> sep.isEmpty() ? a : a + sep + b);
        Arbitrary<String> host = Arbitraries.oneOf(
                hostLabel.list().ofMinSize(2).ofMaxSize(4).map(l -> String.join(".", l)),
                Arbitraries.just("localhost"),
                Arbitraries.integers().between(0, 255).list().ofSize(4).map(l -> l.stream().map(String::valueOf)
                        .reduce((a, b) -> a + "." + b).orElseThrow()),
                Arbitraries.just("[::1]"));
        Arbitrary<String> domain = Combinators.combine(host, Arbitraries.integers().between(1, 65535).optional(0.5))
                .as((h, port) -> port.map(p -> h + ":" + p).orElse(h));
        Arbitrary<String> component = Combinators.combine(label, Arbitraries.of(".", "_", "__", "-", "---"), label)
                .as((a, sep, b) -> a + sep + b);
        Arbitrary<String> path = Arbitraries.oneOf(label, component).list().ofMinSize(1).ofMaxSize(4).map(l -> String.join("/", l));
        Arbitrary<String> tag = Combinators.combine(
                Arbitraries.strings().withChars("abcXYZ019_").ofLength(1),
                Arbitraries.strings().withChars("abcXYZ019_.-").ofMaxLength(20)).as((a, b) -> a + b);
        Arbitrary<String> digest = Arbitraries.strings().withChars("0123456789abcdef").ofMinLength(32).ofMaxLength(64)
                .map(hex -> "sha256:" + hex);
        return Combinators.combine(domain, path, tag.optional(0.5), digest.optional(0.5))
                .as((d, p, t, g) -> d + "/" + p + t.map(x -> ":" + x).orElse("") + g.map(x -> "@" + x).orElse(""))
                .filter(ImageReferencePropertiesTest::qualified);
    }

    @Property(tries = 1000)
    void grammarReferencesReachTheScriptAndTheUnitAsOneArgument(@ForAll("references") String ref) throws Exception {
        ImageReference image = ImageReference.parse(ref);
        Statistics.label("host").collect(hostKind(image.registry()));
        String lastComponent = ref.substring(ref.lastIndexOf('/') + 1).split("@")[0];
        Statistics.label("tag and digest").collect(image.digest().isPresent() ? "digest" : "no digest",
                lastComponent.contains(":") ? "tag" : "no tag");

        Path argv = Files.createTempFile(dir, "argv", "");
        ProcessBuilder pb = new ProcessBuilder("sh", dir.resolve("pull").toString(), ref);
        pb.environment().put("PATH", dir + ":" + System.getenv("PATH"));
        pb.environment().put("ARGV", argv.toString());
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
        assertEquals(List.of("3", "image", "exists", ref), Files.readAllLines(argv, StandardCharsets.UTF_8));
        Files.delete(argv);

        String step = UnitFile.pullStep("/usr/local/bin/agent-pull-image", ref);
        assertEquals(List.of("/usr/local/bin/agent-pull-image", ref), systemdArguments(step.substring("ExecStartPre=".length())));

        Statistics.label("host").coverage(c -> List.of("name", "localhost", "IPv4", "IPv6")
                .forEach(kind -> c.check(kind).percentage(share -> share >= 5)));
        Statistics.label("tag and digest").coverage(c -> List.of("tag", "no tag").forEach(t ->
                List.of("digest", "no digest").forEach(d -> c.check(d, t).percentage(share -> share >= 10))));
    }

    private static String hostKind(String registry) {
        String host = registry.replaceFirst(":[0-9]+$", "");
        return host.startsWith("[") ? "IPv6" : host.equals("localhost") ? "localhost"
                : host.matches("[0-9.]+") ? "IPv4" : "name";
    }

    @Provide
    static Arbitrary<String> anything() {
        Arbitrary<String> noise = Arbitraries.strings().ofMaxLength(60);
        Arbitrary<String> shellish = Arbitraries.strings().withChars("quay.io/agent:v1 ;$`|&<>'\"\n\t\\%*@-_").ofMaxLength(40);
        Arbitrary<String> mutated = Combinators.combine(references(), Arbitraries.integers().between(0, 200),
                Arbitraries.chars().all()).as((r, at, c) -> {
                    int i = Math.min(at, r.length());
                    return r.substring(0, i) + c + r.substring(i);
                });
        Arbitrary<String> nearMisses = Arbitraries.oneOf(
                references().map(ImageReferencePropertiesTest::withEmptyTag),
                references().map(r -> r.substring(r.indexOf('/') + 1)),
                references().map(r -> r.substring(0, r.indexOf('/') + 1) + r.substring(r.indexOf('/') + 1).toUpperCase(java.util.Locale.ROOT)));
        return Arbitraries.oneOf(noise, shellish, mutated, nearMisses, references());
    }

    /** The reference with its tag, if any, made empty: {@code quay.io/a:} or {@code quay.io/a:@sha256:...}. */
    private static String withEmptyTag(String ref) {
        int slash = ref.lastIndexOf('/');
        int at = ref.indexOf('@', slash);
        String name = at < 0 ? ref : ref.substring(0, at);
        int colon = name.indexOf(':', slash);
        return (colon < 0 ? name : name.substring(0, colon)) + ":" + (at < 0 ? "" : ref.substring(at));
    }

    @Property(tries = 1000)
    void stringsOutsideTheGrammarAreRefused(@ForAll("anything") String s) {
        String problem;
        try {
            ImageReference.parse(s);
            problem = null;
        } catch (IllegalArgumentException e) {
            problem = e.getMessage();
        }
        boolean accepted = problem == null;
        Statistics.label("verdict").collect(accepted ? "accepted" : "refused");
        String why = problem;
        Statistics.label("why").collect(accepted ? "accepted" : WHY.stream().filter(why::contains).findFirst().orElse("other"));
        assertEquals(qualified(s), accepted, "'" + s + "'");
        Statistics.label("verdict").coverage(c -> {
            c.check("accepted").percentage(p -> p >= 10);
            c.check("refused").percentage(p -> p >= 50);
        });
        Statistics.label("why").coverage(c -> WHY.forEach(reason -> c.check(reason).count(n -> n > 0)));
        if (!accepted) {
            var request = GenerateRequest.defaults(Path.of("."), s);
            var e = assertThrows(InvalidInputException.class, () -> AssetGenerator.generate(request));
            assertEquals("image", e.problems().get(0).field());
        }
    }

    /** The reasons a reference is refused, as its messages say them; each must come up ("is empty" is one input). */
    private static final List<String> WHY = List.of("contains", "is not fully qualified", "has an empty tag",
            "has upper-case letters", "is not a valid OCI image reference");

    /** Splits a command line as systemd does (systemd.service(5) "Command lines"): white space, quotes, escapes. */
    static List<String> systemdArguments(String line) {
        List<String> args = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inQuotes = false;
        boolean any = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                cur.append(line.charAt(++i));
                any = true;
            } else if (c == '"') {
                inQuotes = !inQuotes;
                any = true;
            } else if (Character.isWhitespace(c) && !inQuotes) {
                if (any) {
                    args.add(cur.toString());
                    cur.setLength(0);
                    any = false;
                }
            } else {
                cur.append(c);
                any = true;
            }
        }
        if (any) {
            args.add(cur.toString());
        }
        return args;
    }
}
