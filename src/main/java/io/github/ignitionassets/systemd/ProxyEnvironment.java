package io.github.ignitionassets.systemd;

import java.util.ArrayList;
import java.util.List;

/**
 * The proxy variables of the pull unit's environment, as assisted-service's {@code agent.service} sets them: each in
 * upper and lower case (tools read one or the other), one {@code Environment=} line each, {@code %} written
 * {@code %%}.
 *
 * @param httpProxy  the {@code http} proxy URL, or {@code null}
 * @param httpsProxy the {@code https} proxy URL, or {@code null}
 * @param noProxy    hosts reached directly, or empty
 */
public record ProxyEnvironment(String httpProxy, String httpsProxy, List<String> noProxy) {

    /** The name of the drop-in that carries the lines to a unit we do not write. */
    public static final String DROPIN_NAME = "50-pull-proxy.conf";

    public ProxyEnvironment {
        noProxy = List.copyOf(noProxy);
    }

    /** Whether there is anything to set. */
    public boolean isEmpty() {
        return httpProxy == null && httpsProxy == null && noProxy.isEmpty();
    }

    /**
     * The {@code Environment=} lines. The values hold no white space, quotes or backslashes (the caller checks), so
     * each line needs no quoting.
     */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        if (httpProxy != null) {
            lines.add(line("HTTP_PROXY", httpProxy));
            lines.add(line("http_proxy", httpProxy));
        }
        if (httpsProxy != null) {
            lines.add(line("HTTPS_PROXY", httpsProxy));
            lines.add(line("https_proxy", httpsProxy));
        }
        if (!noProxy.isEmpty()) {
            lines.add(line("NO_PROXY", String.join(",", noProxy)));
            lines.add(line("no_proxy", String.join(",", noProxy)));
        }
        return lines;
    }

    /** A drop-in with the lines, for a unit of the user's that we do not rewrite. */
    public String dropin() {
        return "# The pull's proxy, added by ignition-assets-maven-plugin.\n[Service]\n" + String.join("\n", lines()) + "\n";
    }

    private static String line(String name, String value) {
        return "Environment=" + UnitText.literal(name + "=" + value);
    }
}
