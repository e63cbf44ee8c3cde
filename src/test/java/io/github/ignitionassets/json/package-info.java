/** Tests of the JSON reader and writer. */
package io.github.ignitionassets.json;
