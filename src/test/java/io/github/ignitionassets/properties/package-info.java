/** Generated inputs for every parser and renderer: jqwik properties and Jazzer fuzz tests. */
package io.github.ignitionassets.properties;
