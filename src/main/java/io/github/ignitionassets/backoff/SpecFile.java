package io.github.ignitionassets.backoff;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.ignitionassets.core.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads a spec file, YAML or JSON, strictly: unknown and repeated keys are problems, each named with its line.
 * The result holds every value it could read and every problem it found; nothing is validated beyond shape.
 */
public final class SpecFile {

    /** Field used for problems with the file as a whole. */
    public static final String FIELD = "specFile";

    private static final int MAX_BYTES = 1 << 20;

    private final Map<String, RawValue> values;
    private final List<Problem> problems;

    private SpecFile(Map<String, RawValue> values, List<Problem> problems) {
        this.values = Map.copyOf(values);
        this.problems = List.copyOf(problems);
    }

    /** Values by field ({@code image}, {@code backoff.maxDelay}, ...). */
    public Map<String, RawValue> values() {
        return values;
    }

    public List<Problem> problems() {
        return problems;
    }

    /**
     * Reads a spec file.
     *
     * @param file        the file
     * @param displayName how messages name it (relative to the project, as the user knows it)
     */
    public static SpecFile read(Path file, String displayName) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean json = name.endsWith(".json");
        if (!json && !name.endsWith(".yaml") && !name.endsWith(".yml")) {
            return failed(Problem.of(FIELD, "'" + displayName + "' must end in .yaml, .yml or .json"));
        }
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                return failed(Problem.of(FIELD, "'" + displayName + "' is larger than 1 MiB; a spec is a few lines"));
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read spec file " + displayName, e);
        }
        return parse(bytes, json, displayName);
    }

    /** Reads spec text; {@code json} picks the syntax. */
    public static SpecFile parse(byte[] bytes, boolean json, String displayName) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        var reader = new Reader(displayName);
        try (JsonParser p = factory(json).createParser(text)) {
            reader.readDocument(p);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
            String why = firstLine(e.getOriginalMessage());
            if (e.getCause() instanceof MarkedYAMLException m && m.getProblem() != null && m.getProblemMark() != null) {
                // The YAML engine knows where the fault is and what it is; the parser's location and the first line
                // of the message are only where it was and what it was doing.
                line = m.getProblemMark().getLine() + 1;
                why = m.getProblem().strip();
                if (m.getContext() != null) {
                    int contextLine = m.getContextMark() == null ? line : m.getContextMark().getLine() + 1;
                    why += " (" + m.getContext().strip() + (contextLine != line ? " started on line " + contextLine : "") + ")";
                }
            }
            String where = line > 0 ? displayName + " line " + line : displayName;
            reader.problems.add(new Problem(FIELD, where, "is not valid " + (json ? "JSON" : "YAML") + ": " + why));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            // The YAML engine signals some malformed input (deep nesting, bad aliases) with unchecked exceptions.
            reader.problems.add(Problem.of(FIELD, "'" + displayName + "' is not valid " + (json ? "JSON" : "YAML")
                    + ": " + firstLine(String.valueOf(e.getMessage()))));
        }
        return new SpecFile(reader.values, reader.problems);
    }

    private static SpecFile failed(Problem problem) {
        return new SpecFile(Map.of(), List.of(problem));
    }

    private static JsonFactory factory(boolean json) {
        StreamReadConstraints limits = StreamReadConstraints.builder().maxNestingDepth(64).maxStringLength(MAX_BYTES).build();
        if (json) {
            JsonFactory f = JsonFactory.builder().streamReadConstraints(limits).build();
            return f;
        }
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(10);
        options.setNestingDepthLimit(64);
        options.setCodePointLimit(MAX_BYTES);
        return YAMLFactory.builder().loaderOptions(options).streamReadConstraints(limits).build();
    }

    private static String firstLine(String message) {
        String m = message == null ? "" : message.strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /** Walks the token stream so that each value keeps its line. */
    private static final class Reader {
        private final String displayName;
        private final Map<String, RawValue> values = new LinkedHashMap<>();
        private final List<Problem> problems = new ArrayList<>();

        Reader(String displayName) {
            this.displayName = displayName;
        }

        void readDocument(JsonParser p) throws IOException {
            JsonToken t = p.nextToken();
            if (t == null) {
                return; // an empty file (or only comments): every value takes its default
            }
            if (t != JsonToken.START_OBJECT) {
                problems.add(new Problem(FIELD, where(p), "must be a mapping with keys " + SpecKeys.TOP_KEYS
                        + ", found " + describe(t)));
                return;
            }
            readMapping(p, "", SpecKeys.TOP_KEYS);
            if (p.nextToken() != null) {
                problems.add(new Problem(FIELD, where(p), "holds more than one document; a spec is one mapping"));
            }
        }

        private void readMapping(JsonParser p, String prefix, List<String> known) throws IOException {
            Set<String> seen = new HashSet<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                String field = prefix + key;
                String at = where(p);
                JsonToken value = p.nextToken();
                if (!seen.add(key)) {
                    problems.add(new Problem(field, at, "is given twice"));
                    p.skipChildren();
                    continue;
                }
                if (!known.contains(key)) {
                    String near = SpecKeys.nearest(key, known);
                    String keys = "nown keys" + (prefix.isEmpty() ? "" : " under " + prefix.substring(0, prefix.length() - 1))
                            + ": " + String.join(", ", known);
                    problems.add(new Problem(field, at, "is not a spec key; " + (near.isEmpty() ? "k" + keys
                            : "did you mean '" + prefix + near + "'? K" + keys)));
                    p.skipChildren();
                    continue;
                }
                if (field.equals(SpecKeys.BACKOFF)) {
                    if (value == JsonToken.START_OBJECT) {
                        readMapping(p, SpecKeys.BACKOFF + ".", SpecKeys.BACKOFF_KEYS);
                    } else if (value != JsonToken.VALUE_NULL) {
                        problems.add(new Problem(field, at, "must be a mapping of " + SpecKeys.BACKOFF_KEYS
                                + ", found " + describe(value)));
                        p.skipChildren();
                    }
                    continue;
                }
                readScalar(p, field, at, value);
            }
        }

        private void readScalar(JsonParser p, String field, String at, JsonToken value) throws IOException {
            switch (value) {
                case VALUE_STRING -> values.put(field, new RawValue(p.getText(), false, at));
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> values.put(field, new RawValue(p.getText(), true, at));
                case VALUE_NULL -> {
                    // "key:" with no value keeps the default, as YAML users expect from an emptied line
                }
                default -> {
                    String found = value == JsonToken.VALUE_TRUE || value == JsonToken.VALUE_FALSE
                            ? "the boolean '" + p.getText() + "'" : describe(value);
                    problems.add(new Problem(field, at, "must be a single value, a string or a number; found " + found));
                    p.skipChildren();
                }
            }
        }

        private String where(JsonParser p) {
            return displayName + " line " + p.currentTokenLocation().getLineNr();
        }

        private static String describe(JsonToken t) {
            return switch (t) {
                case START_OBJECT -> "a mapping";
                case START_ARRAY -> "a list";
                case VALUE_TRUE, VALUE_FALSE -> "a boolean";
                case VALUE_STRING -> "a string";
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
                default -> t.toString();
            };
        }
    }
}
