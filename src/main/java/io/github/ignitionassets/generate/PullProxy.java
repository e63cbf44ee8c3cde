package io.github.ignitionassets.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.ignitionassets.core.Problem;
import io.github.ignitionassets.ignition.ConfigValidator;
import io.github.ignitionassets.systemd.ProxyEnvironment;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.StreamSupport;

/**
 * The proxy the pull goes through: each field the POM sets, else the base config's {@code ignition.proxy} value
 * (a host that needed a proxy to fetch its config needs it to pull), unless inheriting is turned off. Every value is
 * checked, wherever it came from, and each one taken from the base config is said.
 *
 * @param environment what the pull unit's environment gets
 * @param notes       where values came from, for the log
 * @param warnings    Ignition's warning for a plain-text proxy for {@code https}
 */
record PullProxy(ProxyEnvironment environment, List<String> notes, List<String> warnings) {

    static PullProxy resolve(ProxyOptions options, ObjectNode base, String baseName, List<Problem> problems) {
        JsonNode inherited = options.inherit() && base != null ? base.path("ignition").path("proxy") : null;
        List<String> notes = new ArrayList<>();
        if (!options.inherit() && base != null && base.path("ignition").path("proxy").isObject()) {
            notes.add("Proxy: the base config's ignition.proxy is not used for the pull (inheritProxy is false)");
        }
        String http = url("httpProxy", options.httpProxy(), inherited, baseName, notes, problems);
        String https = url("httpsProxy", options.httpsProxy(), inherited, baseName, notes, problems);
        List<String> noProxy = noProxy(options.noProxy(), inherited, baseName, notes, problems);
        List<String> warnings = new ArrayList<>();
        if (https != null && options.httpsProxy() != null) { // a base config's own: Ignition's checks warn of it
            ConfigValidator.insecureProxy(https).ifPresent(w -> warnings.add(String.format("httpsProxy '%s': %s", https, w)));
        }
        return new PullProxy(new ProxyEnvironment(http, https, noProxy), notes, warnings);
    }

    private static String url(String field, String pom, JsonNode inherited, String baseName, List<String> notes,
                              List<Problem> problems) {
        String value = pom;
        boolean fromBase = false;
        if (value == null && inherited != null && inherited.path(field).isTextual()) {
            value = inherited.path(field).asText();
            fromBase = true;
            notes.add(String.format("Proxy: %s %s from the base config's ignition.proxy (%s)", field, value, baseName));
        }
        if (value == null) {
            return null;
        }
        if (!isProxyUrl(value)) {
            problems.add(problem(field, fromBase, baseName, String.format(
                    "'%s' must be an http or https URL with a host, e.g. http://proxy.example.com:3128", value)));
            return null;
        }
        return value;
    }

    private static List<String> noProxy(List<String> pom, JsonNode inherited, String baseName, List<String> notes,
                                        List<Problem> problems) {
        List<String> entries = pom;
        boolean fromBase = false;
        if (entries == null && inherited != null && inherited.path("noProxy").isArray()) {
            entries = StreamSupport.stream(inherited.path("noProxy").spliterator(), false).map(JsonNode::asText).toList();
            fromBase = true;
            notes.add(String.format("Proxy: noProxy %s from the base config's ignition.proxy (%s)", String.join(",", entries), baseName));
        }
        if (entries == null) {
            return List.of();
        }
        List<String> good = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String entry = entries.get(i) == null ? "" : entries.get(i);
            if (entry.isEmpty() || entry.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c)
                    || ",\"'\\".indexOf(c) >= 0)) {
                problems.add(problem("noProxy[" + i + "]", fromBase, baseName, String.format(
                        "'%s' must be one host, domain (.example.com) or address, with no white space, comma, quote or backslash", entry)));
            } else {
                good.add(entry);
            }
        }
        return good;
    }

    /** An {@code http} or {@code https} URL with a host, as Ignition's proxy fields take it. */
    private static boolean isProxyUrl(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static Problem problem(String field, boolean fromBase, String baseName, String message) {
        return !fromBase ? Problem.inPom(field, message)
                : new Problem("ignition.proxy." + field, baseName, message + "; or set "
                + field.replaceFirst("\\[\\d+]$", "") + " in the POM, or inheritProxy to false");
    }
}
