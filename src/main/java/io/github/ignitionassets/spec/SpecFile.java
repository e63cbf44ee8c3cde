package io.github.ignitionassets.spec;

import io.github.ignitionassets.core.InputFiles;
import io.github.ignitionassets.core.PomElement;
import io.github.ignitionassets.core.Problem;
import io.github.ignitionassets.spec.SpecTree.Document;
import io.github.ignitionassets.spec.SpecTree.Entry;
import io.github.ignitionassets.spec.SpecTree.Failure;
import io.github.ignitionassets.spec.SpecTree.Kind;
import io.github.ignitionassets.spec.SpecTree.Mapping;
import io.github.ignitionassets.spec.SpecTree.Node;
import io.github.ignitionassets.spec.SpecTree.Scalar;
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
import java.util.function.IntFunction;

/**
 * Reads a spec file, YAML or JSON, strictly: unknown and repeated keys are problems, each named with its line.
 * The result holds every value it could read and every problem it found; nothing is validated beyond shape.
 * The values given in the POM are read into one too, by the same rules ({@link #fromPom}).
 */
public final class SpecFile {

    /** Field used for problems with the file as a whole. */
    public static final String FIELD = "specFile";

    /** Also the readers' limit in characters, for text given to {@link #parse} directly. */
    static final int MAX_BYTES = Math.toIntExact(InputFiles.SPEC_LIMIT);

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
            bytes = InputFiles.read(file, InputFiles.SPEC_LIMIT);
        } catch (InputFiles.TooLarge e) {
            return failed(Problem.of(FIELD, String.format("'%s' is larger than %s; a spec is a few lines", displayName, e.limit())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read spec file " + displayName, e);
        }
        return parse(bytes, json, displayName);
    }

    /** Reads spec text; {@code json} picks the syntax. */
    public static SpecFile parse(byte[] bytes, boolean json, String displayName) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        Document doc = json ? JsonSpecReader.read(text) : YamlSpecReader.read(text, MAX_BYTES);
        var walker = new Walker(displayName, line -> displayName + " line " + line, json ? "JSON" : "YAML");
        walker.walk(doc);
        return new SpecFile(walker.values, walker.problems);
    }

    /**
     * Reads the values given in the POM as a spec of their own, by the spec file's rules: an unknown, repeated or
     * nested element inside {@code <backoff>} is a problem as an unknown, repeated or nested key is.
     *
     * @param image      the {@code image} parameter, or {@code null}
     * @param pullPolicy the {@code pullPolicy} parameter, or {@code null}
     * @param backoff    the {@code <backoff>} parameter as written, or {@code null}
     */
    public static SpecFile fromPom(String image, String pullPolicy, PomElement backoff) {
        String source = Problem.POM + " <" + SpecKeys.BACKOFF + ">";
        var walker = new Walker(Problem.POM, line -> source, "XML");
        if (image != null) {
            walker.values.put(SpecKeys.IMAGE, new RawValue(image, false, Problem.POM));
        }
        if (pullPolicy != null) {
            walker.values.put(SpecKeys.PULL_POLICY, new RawValue(pullPolicy, false, Problem.POM));
        }
        if (backoff != null) {
            walker.readBackoff(node(backoff), source);
        }
        return new SpecFile(walker.values, walker.problems);
    }

    /** The POM's values without a {@code pullPolicy}. */
    public static SpecFile fromPom(String image, PomElement backoff) {
        return fromPom(image, null, backoff);
    }

    /** An element as the tree a spec file gives: text is a string, elements inside make a mapping. */
    private static Node node(PomElement element) {
        if (element.children().isEmpty()) {
            return new Scalar(element.value(), element.value() == null ? Kind.NULL : Kind.STRING, 0);
        }
        var mapping = new Mapping(0);
        element.children().forEach(c -> mapping.entries().add(new Entry(new Scalar(c.name(), Kind.STRING, 0), node(c))));
        return mapping;
    }

    private static SpecFile failed(Problem problem) {
        return new SpecFile(Map.of(), List.of(problem));
    }

    /** Checks a read document against the spec's keys: one set of rules, whichever syntax built the tree. */
    private static final class Walker {
        private final String displayName;
        private final IntFunction<String> where;
        private final String syntax;
        private final Map<String, RawValue> values = new LinkedHashMap<>();
        private final List<Problem> problems = new ArrayList<>();

        /** @param where how a problem names the place it is at, from a line */
        Walker(String displayName, IntFunction<String> where, String syntax) {
            this.displayName = displayName;
            this.where = where;
            this.syntax = syntax;
        }

        void walk(Document doc) {
            Node root = doc.root();
            if (root instanceof Mapping m) {
                readMapping(m, "", SpecKeys.TOP_KEYS);
            } else if (root != null && !isKind(root, Kind.NULL)) { // "---" or "~" alone: every value its default
                problems.add(new Problem(FIELD, where(root.line()), "must be a mapping with keys " + SpecKeys.TOP_KEYS
                        + ", found " + describe(root)));
            }
            if (doc.secondDocumentLine() > 0) {
                problems.add(new Problem(FIELD, where(doc.secondDocumentLine()),
                        "holds more than one document; a spec is one mapping"));
            }
            Failure f = doc.failure();
            if (f != null) {
                problems.add(new Problem(FIELD, f.line() > 0 ? where(f.line()) : displayName, "is not valid " + syntax
                        + (f.column() > 0 ? " at column " + f.column() : "") + ": " + f.why()));
            }
        }

        private void readMapping(Mapping mapping, String prefix, List<String> known) {
            Set<String> seen = new HashSet<>();
            for (Entry e : mapping.entries()) {
                String at = where(e.key().line());
                if (!(e.key() instanceof Scalar k)) {
                    String field = prefix.isEmpty() ? FIELD : prefix.substring(0, prefix.length() - 1);
                    problems.add(new Problem(field, at, "has " + describe(e.key()) + " as a key; keys are names: "
                            + String.join(", ", known)));
                    continue;
                }
                String key = k.text();
                String field = prefix + (key.isEmpty() ? "''" : key);
                if (!seen.add(key)) {
                    problems.add(new Problem(field, at, "is given twice"));
                } else if (!known.contains(key)) {
                    problems.add(new Problem(field, at, notAKey(key, prefix, known)));
                } else if (field.equals(SpecKeys.BACKOFF)) {
                    readBackoff(e.value(), at);
                } else {
                    readScalar(field, at, e.value());
                }
            }
        }

        private static String notAKey(String key, String prefix, List<String> known) {
            String near = SpecKeys.nearest(key, known);
            String under = prefix.isEmpty() ? "" : " under " + prefix.substring(0, prefix.length() - 1);
            String keys = String.join(", ", known);
            return near.isEmpty()
                    ? String.format("is not a spec key; known keys%s: %s", under, keys)
                    : String.format("is not a spec key; did you mean '%s%s'? Known keys%s: %s", prefix, near, under, keys);
        }

        private void readBackoff(Node value, String at) {
            if (value instanceof Mapping m) {
                readMapping(m, SpecKeys.BACKOFF + ".", SpecKeys.BACKOFF_KEYS);
            } else if (!isKind(value, Kind.NULL)) {
                problems.add(new Problem(SpecKeys.BACKOFF, at, "must be a mapping of " + SpecKeys.BACKOFF_KEYS
                        + ", found " + describe(value)));
            }
        }

        private void readScalar(String field, String at, Node value) {
            if (!(value instanceof Scalar s)) {
                problems.add(new Problem(field, at, "must be a single value, a string or a number; found " + describe(value)));
                return;
            }
            switch (s.kind()) {
                case STRING -> values.put(field, new RawValue(s.text(), false, at));
                case NUMBER -> values.put(field, new RawValue(s.text(), true, at));
                case NULL -> {
                    // "key: ~" or "key:" keeps the default
                }
                case BOOLEAN -> problems.add(new Problem(field, at,
                        "must be a single value, a string or a number; found the boolean '" + s.text() + "'"));
                case BINARY -> problems.add(new Problem(field, at,
                        "must be a single value, a string or a number; found " + describe(s)));
                case MISFIT -> problems.add(new Problem(field, at,
                        "has a YAML tag that its value '" + s.text() + "' cannot have; remove the tag"));
            }
        }

        private static boolean isKind(Node n, Kind kind) {
            return n instanceof Scalar s && s.kind() == kind;
        }

        private String where(int line) {
            return where.apply(line);
        }

        /** What a value is, in the words of the messages. */
        private static String describe(Node n) {
            if (n instanceof Scalar s) {
                return switch (s.kind()) {
                    case BOOLEAN -> "a boolean";
                    case STRING -> "a string";
                    case NUMBER -> "a number";
                    case NULL -> "null";
                    case BINARY -> "binary data (!!binary)";
                    case MISFIT -> "a value that does not fit its YAML tag";
                };
            }
            return n instanceof Mapping ? "a mapping" : "a list";
        }
    }
}
