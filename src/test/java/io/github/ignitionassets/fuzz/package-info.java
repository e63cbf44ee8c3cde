/**
 * Jazzer fuzz tests. {@code mvn test} replays the seed corpus under src/test/resources (regression mode);
 * {@code JAZZER_FUZZ=1 mvn test -Dtest=SpecReaderFuzzTest} fuzzes for real.
 */
package io.github.ignitionassets.fuzz;
