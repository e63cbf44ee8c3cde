package io.github.ignitionassets.spec;

import io.github.ignitionassets.backoff.BackoffSpec;
import io.github.ignitionassets.backoff.DurationText;
import io.github.ignitionassets.backoff.PullPolicy;
import io.github.ignitionassets.core.InvalidInputException;
import io.github.ignitionassets.core.Problem;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns raw values from a spec file and from the POM into a {@link PullSpec}: POM values override the file's
 * field by field, defaults fill the rest, and every problem is reported at once, each naming its field, value
 * and what is allowed.
 */
public final class PullSpecs {

    /** A multiplier larger than this is a typo, and would overflow nothing but would reach maxDelay at once. */
    static final BigDecimal MAX_MULTIPLIER = BigDecimal.valueOf(1000);
    /** podman's own retries per attempt: more than this defeats the backoff. */
    static final int MAX_PODMAN_RETRIES = 10;

    private PullSpecs() {
    }

    /**
     * Merges and validates.
     *
     * @param file the spec file's values and problems, or {@code null} when there is no spec file
     * @param pom  the values given in the POM ({@link SpecFile#fromPom}); they win over the file's
     */
    public static PullSpec resolve(SpecFile file, SpecFile pom) throws InvalidInputException {
        List<Problem> problems = new ArrayList<>();
        Map<String, RawValue> values = new LinkedHashMap<>();
        if (file != null) {
            problems.addAll(file.problems());
            values.putAll(file.values());
        }
        problems.addAll(pom.problems());
        values.putAll(pom.values());

        // A spec file that could not be read to its end may well hold the image: don't also call it missing.
        boolean unreadFile = file != null && file.problems().stream().anyMatch(p -> p.field().equals(SpecFile.FIELD));
        var image = image(values.get(SpecKeys.IMAGE), unreadFile, problems);
        PullPolicy pullPolicy = pullPolicy(values.get(SpecKeys.PULL_POLICY), problems);
        BackoffSpec d = BackoffSpec.DEFAULTS;
        Duration initial = duration(SpecKeys.INITIAL_DELAY, values.get(SpecKeys.INITIAL_DELAY), d.initialDelay(), problems);
        BigDecimal multiplier = fraction(SpecKeys.MULTIPLIER, values.get(SpecKeys.MULTIPLIER), d.multiplier(), problems);
        Duration max = duration(SpecKeys.MAX_DELAY, values.get(SpecKeys.MAX_DELAY), d.maxDelay(), problems);
        BigDecimal jitter = fraction(SpecKeys.JITTER, values.get(SpecKeys.JITTER), d.jitter(), problems);
        Integer attempts = count(SpecKeys.MAX_ATTEMPTS, values.get(SpecKeys.MAX_ATTEMPTS), d.maxAttempts(), problems);
        Duration timeout = duration(SpecKeys.ATTEMPT_TIMEOUT, values.get(SpecKeys.ATTEMPT_TIMEOUT), d.attemptTimeout(), problems);
        Integer podmanRetries = count(SpecKeys.PODMAN_RETRIES, values.get(SpecKeys.PODMAN_RETRIES), d.podmanRetries(), problems);

        if (initial != null && initial.isZero()) {
            problems.add(problem(SpecKeys.INITIAL_DELAY, values.get(SpecKeys.INITIAL_DELAY),
                    "'" + text(values.get(SpecKeys.INITIAL_DELAY)) + "' must be greater than 0, e.g. 250ms or 5s"));
            initial = null;
        }
        if (initial != null && max != null && max.compareTo(initial) < 0) {
            if (values.containsKey(SpecKeys.MAX_DELAY)) {
                problems.add(problem(SpecKeys.MAX_DELAY, values.get(SpecKeys.MAX_DELAY),
                        "'" + text(values.get(SpecKeys.MAX_DELAY)) + "' must be at least initialDelay ("
                                + DurationText.format(initial) + ")"));
            } else {
                problems.add(problem(SpecKeys.INITIAL_DELAY, values.get(SpecKeys.INITIAL_DELAY),
                        "'" + text(values.get(SpecKeys.INITIAL_DELAY)) + "' must be at most maxDelay ("
                                + DurationText.format(max) + ", the default); raise backoff.maxDelay too"));
            }
        }
        if (multiplier != null && (multiplier.compareTo(BigDecimal.ONE) < 0 || multiplier.compareTo(MAX_MULTIPLIER) > 0)) {
            problems.add(problem(SpecKeys.MULTIPLIER, values.get(SpecKeys.MULTIPLIER), "'" + multiplier.toPlainString()
                    + "' must be at least 1 (1 means a fixed delay) and at most " + MAX_MULTIPLIER));
        }
        if (jitter != null && (jitter.signum() < 0 || jitter.compareTo(BigDecimal.ONE) >= 0)) {
            problems.add(problem(SpecKeys.JITTER, values.get(SpecKeys.JITTER), "'" + jitter.toPlainString()
                    + "' must be at least 0 and less than 1 (0.2 spreads each sleep over delay*0.8..delay*1.2)"));
        }
        if (timeout != null && timeout.isZero()) {
            problems.add(problem(SpecKeys.ATTEMPT_TIMEOUT, values.get(SpecKeys.ATTEMPT_TIMEOUT),
                    "'" + text(values.get(SpecKeys.ATTEMPT_TIMEOUT)) + "' must be greater than 0, e.g. 10m"));
        }
        if (podmanRetries != null && podmanRetries > MAX_PODMAN_RETRIES) {
            problems.add(problem(SpecKeys.PODMAN_RETRIES, values.get(SpecKeys.PODMAN_RETRIES), "'" + podmanRetries
                    + "' must be from 0 to " + MAX_PODMAN_RETRIES + "; each retry is another registry request per attempt"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new PullSpec(image, pullPolicy, new BackoffSpec(initial, multiplier, max, jitter, attempts, timeout, podmanRetries));
    }

    private static ImageReference image(RawValue v, boolean unreadFile, List<Problem> problems) {
        if (v == null) {
            if (!unreadFile) {
                problems.add(Problem.of(SpecKeys.IMAGE, "is required: set <image> (property ignition.image) in the POM,"
                        + " or 'image:' in the spec file"));
            }
            return null;
        }
        try {
            return ImageReference.parse(v.text());
        } catch (IllegalArgumentException e) {
            problems.add(problem(SpecKeys.IMAGE, v, e.getMessage()));
            return null;
        }
    }

    /** podman's words, as written; kubelet's words and near misses get the word they mean. */
    private static PullPolicy pullPolicy(RawValue v, List<Problem> problems) {
        if (v == null) {
            return PullPolicy.DEFAULT;
        }
        String text = v.text().strip();
        var policy = PullPolicy.of(text);
        if (policy.isPresent()) {
            return policy.get();
        }
        String hint = switch (text) {
            case "IfNotPresent" -> "kubelet's IfNotPresent is 'missing' here; ";
            case "Always" -> "kubelet's Always is 'always' here; ";
            case "never", "Never" -> "'never' would never pull, and the script exists to pull; ";
            default -> {
                String near = SpecKeys.nearest(text, PullPolicy.words());
                yield near.isEmpty() ? "" : "did you mean '" + near + "'? ";
            }
        };
        problems.add(problem(SpecKeys.PULL_POLICY, v, "'" + ImageReference.printable(v.text()) + "' is not a pull policy; "
                + hint + "allowed: " + String.join(", ", PullPolicy.words())));
        return null;
    }

    private static Duration duration(String field, RawValue v, Duration fallback, List<Problem> problems) {
        if (v == null) {
            return fallback;
        }
        try {
            return DurationText.parse(v.text());
        } catch (IllegalArgumentException e) {
            problems.add(problem(field, v, e.getMessage()));
            return null;
        }
    }

    private static BigDecimal fraction(String field, RawValue v, BigDecimal fallback, List<Problem> problems) {
        if (v == null) {
            return fallback;
        }
        BigDecimal n;
        try {
            n = new BigDecimal(v.text().strip());
        } catch (NumberFormatException e) {
            problems.add(problem(field, v, "'" + ImageReference.printable(v.text()) + "' is not a number"));
            return null;
        }
        if (n.stripTrailingZeros().scale() > 6) {
            problems.add(problem(field, v, "'" + v.text().strip() + "' has more than 6 decimal places"));
            return null;
        }
        return n;
    }

    private static Integer count(String field, RawValue v, int fallback, List<Problem> problems) {
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.text().strip());
            if (n < 0) {
                problems.add(problem(field, v, "'" + n + "' must be 0 or more" + hint(field)));
                return null;
            }
            return n;
        } catch (NumberFormatException e) {
            boolean tooLarge = v.text().strip().matches("\\d+");
            problems.add(problem(field, v, "'" + ImageReference.printable(v.text()) + (tooLarge
                    ? "' is larger than " + Integer.MAX_VALUE : "' is not a whole number") + hint(field)));
            return null;
        }
    }

    private static String hint(String field) {
        return field.equals(SpecKeys.MAX_ATTEMPTS) ? "; 0 retries forever" : "; 0 lets each attempt be one request";
    }

    private static Problem problem(String field, RawValue v, String message) {
        return new Problem(field, v == null ? "" : v.source(), message);
    }

    private static String text(RawValue v) {
        return v == null ? "" : ImageReference.printable(v.text());
    }
}
