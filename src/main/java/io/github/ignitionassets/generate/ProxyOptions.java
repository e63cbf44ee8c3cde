package io.github.ignitionassets.generate;

import java.util.List;

/**
 * The proxy the pull goes through, as the POM gives it (not yet validated).
 *
 * @param httpProxy  the proxy for {@code http} URLs, or {@code null}
 * @param httpsProxy the proxy for {@code https} URLs, or {@code null}
 * @param noProxy    hosts, domains and addresses reached directly; {@code null} when not set (an empty list is set)
 * @param inherit    whether a field not set here takes the base config's {@code ignition.proxy} value
 */
public record ProxyOptions(String httpProxy, String httpsProxy, List<String> noProxy, boolean inherit) {

    /** Nothing set; the base config's proxy, if any, is used. */
    public static final ProxyOptions NONE = new ProxyOptions(null, null, null, true);

    public ProxyOptions {
        noProxy = noProxy == null ? null : List.copyOf(noProxy);
    }
}
