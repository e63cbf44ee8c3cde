/** The POSIX sh script that pulls the image with the spec's backoff, rendered from a linted template. */
package io.github.ignitionassets.script;
