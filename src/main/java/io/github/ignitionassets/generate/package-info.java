/** The generate goal's core: one request in, every problem or the rendered assets out, and safe writing of them. */
package io.github.ignitionassets.generate;
