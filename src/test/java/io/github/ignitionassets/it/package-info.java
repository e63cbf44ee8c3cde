/** Helpers for the invoker ITs' verify scripts. */
package io.github.ignitionassets.it;
