package io.github.ignitionassets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * README's Troubleshooting table quotes messages the code still says, and README says what the plugin is not. Each
 * backticked message in the table's second column is cut at its placeholders (a quoted value, {@code N}, {@code ...},
 * numbers, example names); its longest literal piece must occur in the main sources, so that a reworded message
 * fails here until README follows.
 */
class ReadmeTroubleshootingTest {

    private static final Pattern PLACEHOLDER = Pattern.compile(
            "'[^']*'|\\.\\.\\.|\\b[NLB]\\b|\\d+(\\.\\d+)*[a-z]*|\\bx\\.service\\b|/usr/local/bin/agent-pull-image|config\\.ign|YAML|JSON"
                    + "|\\[image, pullPolicy, backoff]|\\[\\.\\.\\.]|\\(\\.\\.\\.\\)|\\(or [^)]*\\)");
    private static final Pattern BACKTICKED = Pattern.compile("`([^`]+)`");

    @Test
    void everyQuotedMessageIsStillInTheCode() throws IOException {
        String code = mainSources();
        List<String> readme = Files.readAllLines(Path.of("README.md"));
        int start = readme.indexOf("## Troubleshooting");
        assertTrue(start >= 0, "README has no Troubleshooting section");
        List<String> stale = new ArrayList<>();
        int rows = 0;
        for (int i = start + 1; i < readme.size() && !readme.get(i).startsWith("## "); i++) {
            String line = readme.get(i);
            if (!line.startsWith("| ") || line.startsWith("| field") || line.startsWith("|---")) {
                continue;
            }
            rows++;
            String[] cells = line.split("\\s*\\|\\s*");
            Matcher m = BACKTICKED.matcher(cells[2]);
            while (m.find()) {
                String piece = Arrays.stream(PLACEHOLDER.split(m.group(1))).map(String::strip)
                        .max(Comparator.comparingInt(String::length)).orElse("");
                if (piece.length() < 6) {
                    continue; // only placeholders, e.g. `'$'`
                }
                if (!code.contains(piece)) {
                    stale.add(m.group(1) + "  (looked for: " + piece + ")");
                }
            }
        }
        assertTrue(rows >= 30, "only " + rows + " rows in Troubleshooting");
        assertEquals(List.of(), stale, "Troubleshooting quotes messages the code no longer has");
    }

    @Test
    void readmeSaysWhatThisIsNot() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        assertTrue(readme.contains("**not** Inductive Automation's Ignition (SCADA) Maven plugin"));
        assertTrue(readme.contains("Fedora CoreOS") && readme.contains("RHCOS") && readme.contains("Flatcar"));
    }

    private static String mainSources() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            return files.filter(f -> f.toString().endsWith(".java")).map(f -> {
                try {
                    return Files.readString(f);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).collect(Collectors.joining("\n"));
        }
    }
}
