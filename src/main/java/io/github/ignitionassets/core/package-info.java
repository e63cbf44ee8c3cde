/** What every other package shares: problems with the user's input, the log the core writes to, reading input files. */
package io.github.ignitionassets.core;
