package io.github.ignitionassets.spec;

import io.github.ignitionassets.backoff.BackoffSpec;
import java.util.Objects;

/**
 * The whole reviewed spec: which image to pull and how to back off.
 *
 * @param image   the image reference, fully qualified
 * @param backoff the retry policy
 */
public record PullSpec(ImageReference image, BackoffSpec backoff) {

    public PullSpec {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(backoff, "backoff");
    }
}
