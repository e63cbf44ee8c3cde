package io.github.ignitionassets.spec;

import io.github.ignitionassets.backoff.BackoffSpec;
import io.github.ignitionassets.backoff.PullPolicy;
import java.util.Objects;

/**
 * The whole reviewed spec: which image to pull, when a cached copy is enough, and how to back off.
 *
 * @param image      the image reference, fully qualified
 * @param pullPolicy when the script pulls although the image is cached
 * @param backoff    the retry policy
 */
public record PullSpec(ImageReference image, PullPolicy pullPolicy, BackoffSpec backoff) {

    public PullSpec {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(pullPolicy, "pullPolicy");
        Objects.requireNonNull(backoff, "backoff");
    }

    /** A spec with the default pull policy. */
    public PullSpec(ImageReference image, BackoffSpec backoff) {
        this(image, PullPolicy.DEFAULT, backoff);
    }

    /**
     * Whether the reference can name another image tomorrow and a host with a copy would never see it: {@code :latest}
     * or no tag (which means {@code latest}), without a digest, under the {@code missing} policy.
     */
    public boolean neverUpdates() {
        return pullPolicy == PullPolicy.MISSING && image.digest().isEmpty()
                && image.tag().filter("latest"::equals).isPresent();
    }
}
