/** The Maven goals: thin adapters that gather parameters into a request, call the core, and speak Maven's terms. */
package io.github.ignitionassets.maven;
