package io.github.ignitionassets.spec;

import io.github.ignitionassets.spec.SpecTree.Document;
import io.github.ignitionassets.spec.SpecTree.Entry;
import io.github.ignitionassets.spec.SpecTree.Failure;
import io.github.ignitionassets.spec.SpecTree.Kind;
import io.github.ignitionassets.spec.SpecTree.Mapping;
import io.github.ignitionassets.spec.SpecTree.Node;
import io.github.ignitionassets.spec.SpecTree.Scalar;
import io.github.ignitionassets.spec.SpecTree.Sequence;
import io.github.ignitionassets.core.FileBytes;
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

/**
 * Reads a spec file, YAML or JSON, strictly: unknown and repeated keys are problems, each named with its line.
 * The result holds every value it could read and every problem it found; nothing is validated beyond shape.
 */
public final class SpecFile {

    /** Field used for problems with the file as a whole. */
    public static final String FIELD = "specFile";

    /** Also the readers' limit in characters, for text given to {@link #parse} directly. */
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

    /** Problems in the order found: keys and shapes as met, a fault that ended reading last. */
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
            bytes = FileBytes.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read spec file " + displayName, e);
        }
        return parse(bytes, json, displayName);
    }

    /** Reads spec text; {@code json} picks the syntax. */
    public static SpecFile parse(byte[] bytes, boolean json, String displayName) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        Document doc;
        if (json) {
            doc = JsonTreeReader.read(text);
        } else {
            // Most specs are plain YAML, read without loading SnakeYAML; the rest, and every fault, are SnakeYAML's.
            doc = PlainYamlReader.read(text);
            if (doc == null) {
                doc = YamlTreeReader.read(text, MAX_BYTES);
            }
        }
        return walk(doc, json ? "JSON" : "YAML", displayName);
    }

    /** YAML read by SnakeYAML alone, never by the plain reader: what the plain reader must agree with. */
    static SpecFile parseWithSnakeYaml(byte[] bytes, String displayName) {
        return walk(YamlTreeReader.read(new String(bytes, StandardCharsets.UTF_8), MAX_BYTES), "YAML", displayName);
    }

    /** Whether the plain reader reads this YAML itself rather than leaving it to SnakeYAML. */
    static boolean readsWithoutSnakeYaml(byte[] bytes) {
        return PlainYamlReader.read(new String(bytes, StandardCharsets.UTF_8)) != null;
    }

    private static SpecFile walk(Document doc, String syntax, String displayName) {
        var walker = new Walker(displayName, syntax);
        walker.walk(doc);
        return new SpecFile(walker.values, walker.problems);
    }

    private static SpecFile failed(Problem problem) {
        return new SpecFile(Map.of(), List.of(problem));
    }

    /** Checks a read document against the spec's keys: one set of rules, whichever reader built the tree. */
    private static final class Walker {
        private final String displayName;
        private final String syntax;
        private final Map<String, RawValue> values = new LinkedHashMap<>();
        private final List<Problem> problems = new ArrayList<>();

        Walker(String displayName, String syntax) {
            this.displayName = displayName;
            this.syntax = syntax;
        }

        void walk(Document doc) {
            Node root = doc.root();
            if (isKind(root, Kind.NULL)) {
                root = null; // "---" or "~" alone: an empty spec, every value its default
            }
            if (root != null) {
                if (!(root instanceof Mapping m)) {
                    problems.add(new Problem(FIELD, where(root.line()), "must be a mapping with keys " + SpecKeys.TOP_KEYS
                            + ", found " + describe(root)));
                } else if (!readMapping(m, "", SpecKeys.TOP_KEYS)) {
                    return;
                } else if (doc.secondDocumentLine() > 0) {
                    problems.add(new Problem(FIELD, where(doc.secondDocumentLine()),
                            "holds more than one document; a spec is one mapping"));
                }
            }
            Failure f = doc.failure();
            if (f != null) {
                problems.add(f.unexpected()
                        ? Problem.of(FIELD, "'" + displayName + "' is not valid " + syntax + ": " + f.why())
                        : new Problem(FIELD, f.line() > 0 ? where(f.line()) : displayName,
                                "is not valid " + syntax + ": " + f.why()));
            }
        }

        /** @return false when reading had to stop at a value no type fits */
        private boolean readMapping(Mapping mapping, String prefix, List<String> known) {
            Set<String> seen = new HashSet<>();
            for (Entry e : mapping.entries()) {
                String key = e.key();
                String field = prefix + key;
                String at = where(e.line());
                Node value = e.value();
                if (!seen.add(key)) {
                    problems.add(new Problem(field, at, "is given twice"));
                    continue;
                }
                if (!known.contains(key)) {
                    String near = SpecKeys.nearest(key, known);
                    String keys = "nown keys" + (prefix.isEmpty() ? "" : " under " + prefix.substring(0, prefix.length() - 1))
                            + ": " + String.join(", ", known);
                    problems.add(new Problem(field, at, "is not a spec key; " + (near.isEmpty() ? "k" + keys
                            : "did you mean '" + prefix + near + "'? K" + keys)));
                    continue;
                }
                if (field.equals(SpecKeys.BACKOFF)) {
                    if (value instanceof Mapping m) {
                        if (!readMapping(m, SpecKeys.BACKOFF + ".", SpecKeys.BACKOFF_KEYS)) {
                            return false;
                        }
                    } else if (!isKind(value, Kind.NULL)) {
                        problems.add(new Problem(field, at, "must be a mapping of " + SpecKeys.BACKOFF_KEYS
                                + ", found " + describe(value)));
                    }
                    continue;
                }
                if (!readScalar(field, at, value)) {
                    return false;
                }
            }
            return true;
        }

        private boolean readScalar(String field, String at, Node value) {
            if (value instanceof Scalar s) {
                switch (s.kind()) {
                    case STRING -> values.put(field, new RawValue(s.text(), false, at));
                    case NUMBER -> values.put(field, new RawValue(s.text(), true, at));
                    case NULL -> {
                        // "key: ~" keeps the default
                    }
                    case UNTYPED -> problems.add(new Problem(field, at, "has a YAML tag that its value '" + s.text()
                            + "' cannot have; remove the tag"));
                    default -> problems.add(new Problem(field, at, "must be a single value, a string or a number; found "
                            + (s.kind() == Kind.BOOLEAN ? "the boolean '" + s.text() + "'" : describe(s))));
                }
            } else {
                problems.add(new Problem(field, at, "must be a single value, a string or a number; found " + describe(value)));
            }
            return true;
        }


        private static boolean isKind(Node n, Kind kind) {
            return n instanceof Scalar s && s.kind() == kind;
        }

        private String where(int line) {
            return displayName + " line " + line;
        }

        /** What a value is, in the words of the messages. */
        private static String describe(Node n) {
            if (n instanceof Mapping) {
                return "a mapping";
            }
            if (n instanceof Sequence) {
                return "a list";
            }
            return switch (((Scalar) n).kind()) {
                case BOOLEAN -> "a boolean";
                case STRING -> "a string";
                case NUMBER -> "a number";
                case NULL -> "null";
                case BINARY -> "binary data (!!binary)";
                case UNTYPED -> "a value that does not fit its YAML tag";
            };
        }
    }
}
