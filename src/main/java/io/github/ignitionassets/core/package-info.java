/** What every other package shares: problems with the user's input, and the log the core writes to. */
package io.github.ignitionassets.core;
