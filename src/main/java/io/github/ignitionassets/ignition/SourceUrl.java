package io.github.ignitionassets.ignition;

import java.util.Locale;

/**
 * The checks Ignition makes on a resource's {@code source}: Go's {@code url.Parse} (approximated: the rules that
 * reject real-world URLs), the scheme allowed by the spec version, S3 version ids, and data URLs as the
 * {@code vincent-petithory/dataurl} package decodes them.
 */
final class SourceUrl {

    /**
     * A problem with a source URL.
     *
     * @param kind    what kind of problem
     * @param message for people
     */
    record Problem(FindingKind kind, String message) {
    }

    private SourceUrl() {
    }

    /** The scheme in lower case, as Go's url.Parse gives it; empty when there is none. */
    static String scheme(String url) {
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
                continue;
            }
            if (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.') {
                if (i == 0) {
                    return "";
                }
                continue;
            }
            return c == ':' && i > 0 ? url.substring(0, i).toLowerCase(Locale.ROOT) : "";
        }
        return "";
    }

    /** The problem with a non-empty source URL, or null. */
    static Problem check(String url, IgnitionVersion version) {
        String parseError = parseError(url);
        if (parseError != null) {
            return new Problem(FindingKind.URL_INVALID, ValidationMessages.URL_UNPARSEABLE);
        }
        String scheme = scheme(url);
        switch (scheme) {
            case "http", "https", "tftp":
                return null;
            case "gs":
                return version.compareTo(IgnitionVersion.V3_2_0) >= 0 ? null
                        : new Problem(FindingKind.URL_SCHEME, ValidationMessages.URL_SCHEME);
            case "s3":
                return s3VersionIdOk(url) ? null : new Problem(FindingKind.URL_INVALID, ValidationMessages.S3_VERSION_ID);
            case "arn":
                if (version.compareTo(IgnitionVersion.V3_4_0) < 0) {
                    return new Problem(FindingKind.URL_SCHEME, ValidationMessages.URL_SCHEME);
                }
                return url.matches("arn:[^:]+:s3:[^:]*:[^:]*:[^/]+/.+")
                        ? null : new Problem(FindingKind.URL_INVALID, ValidationMessages.S3_ARN);
            case "data":
                String why = dataUrlError(url);
                return why == null ? null : new Problem(FindingKind.DATA_URL, ValidationMessages.dataUrl(why));
            default:
                return new Problem(FindingKind.URL_SCHEME, ValidationMessages.URL_SCHEME);
        }
    }

    /** Whether the scheme is http or https (the only ones that take headers). */
    static boolean isHttp(String url) {
        String scheme = scheme(url);
        return scheme.equals("http") || scheme.equals("https");
    }

    /** Why Go's url.Parse rejects the URL, or null. */
    static String parseError(String url) {
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return "invalid control character in URL";
            }
        }
        String rest = url;
        String fragment = "";
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            fragment = rest.substring(hash + 1);
            rest = rest.substring(0, hash);
        }
        if (!escapesOk(fragment)) {
            return "invalid URL escape";
        }
        String scheme = scheme(rest);
        if (scheme.isEmpty() && rest.startsWith(":")) {
            return "missing protocol scheme";
        }
        rest = scheme.isEmpty() ? rest : rest.substring(scheme.length() + 1);
        int query = rest.indexOf('?');
        if (query >= 0) {
            rest = rest.substring(0, query);
        }
        if (scheme.isEmpty()) {
            int slash = rest.indexOf('/');
            String first = slash < 0 ? rest : rest.substring(0, slash);
            if (first.contains(":")) {
                return "first path segment in URL cannot contain colon";
            }
        }
        if (!scheme.isEmpty() && !rest.startsWith("/")) {
            return null; // an opaque URL such as data:...: Go does not unescape it
        }
        String path = rest;
        if (rest.startsWith("//")) {
            int stop = 2;
            while (stop < rest.length() && rest.charAt(stop) != '/') {
                stop++;
            }
            String authority = rest.substring(2, stop);
            path = rest.substring(stop);
            String hostError = authorityError(authority);
            if (hostError != null) {
                return hostError;
            }
        }
        return escapesOk(path) ? null : "invalid URL escape";
    }

    private static String authorityError(String authority) {
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userinfo = authority.substring(0, at);
            for (int i = 0; i < userinfo.length(); i++) {
                char c = userinfo.charAt(i);
                if (!(Character.isLetterOrDigit(c) || "-._:~!$&'()*+,;=%@".indexOf(c) >= 0)) {
                    return "net/url: invalid userinfo";
                }
            }
            if (!escapesOk(userinfo)) {
                return "invalid URL escape";
            }
            authority = authority.substring(at + 1);
        }
        String host = authority;
        String port = "";
        if (authority.startsWith("[")) {
            int close = authority.lastIndexOf(']');
            if (close < 0) {
                return "missing ']' in host";
            }
            host = authority.substring(0, close + 1);
            port = authority.substring(close + 1);
            if (!port.isEmpty() && !port.startsWith(":")) {
                return "invalid port";
            }
        } else {
            int colon = authority.lastIndexOf(':');
            if (colon >= 0) {
                host = authority.substring(0, colon);
                port = authority.substring(colon);
            }
        }
        for (int i = 1; i < port.length(); i++) {
            if (port.charAt(i) < '0' || port.charAt(i) > '9') {
                return "invalid port";
            }
        }
        // RFC 6874: in an IPv6 literal, %25 starts a zone identifier, where escapes are freer than in the host.
        int zone = host.startsWith("[") ? host.indexOf("%25") : -1;
        if (zone >= 0) {
            String hostError = hostError(host.substring(0, zone), false);
            return hostError != null ? hostError : hostError(host.substring(zone, host.length() - 1), true);
        }
        return hostError(host, false);
    }

    /** Go's unescape of a host (or of a zone identifier) for url.Parse: the error, or null. */
    private static String hostError(String host, boolean zone) {
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c == '%') {
                if (i + 2 >= host.length() || hex(host.charAt(i + 1)) < 0 || hex(host.charAt(i + 2)) < 0) {
                    return "invalid URL escape";
                }
                boolean percent = host.startsWith("%25", i);
                if (!zone && hex(host.charAt(i + 1)) < 8 && !percent) {
                    // In a host, escapes are for non-ASCII bytes only.
                    return "invalid URL escape";
                }
                int escaped = hex(host.charAt(i + 1)) << 4 | hex(host.charAt(i + 2));
                if (zone && !percent && escaped != ' ' && !allowedInHost(escaped)) {
                    // In a zone, only what could be written unescaped (and spaces, for Windows).
                    return "invalid URL escape";
                }
                i += 2;
            } else if (c < 0x80 && !allowedInHost(c)) {
                return "invalid character in host name";
            }
        }
        return null;
    }

    /** The ASCII characters Go's shouldEscape leaves in a host. */
    private static boolean allowedInHost(int c) {
        return c < 0x80 && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || "-._~!$&'()*+,;=:[]<>\"".indexOf(c) >= 0);
    }

    private static boolean escapesOk(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '%') {
                if (i + 2 >= s.length() || hex(s.charAt(i + 1)) < 0 || hex(s.charAt(i + 2)) < 0) {
                    return false;
                }
                i += 2;
            }
        }
        return true;
    }

    private static boolean s3VersionIdOk(String url) {
        int q = url.indexOf('?');
        if (q < 0) {
            return true;
        }
        String query = url.substring(q + 1);
        int hash = query.indexOf('#');
        if (hash >= 0) {
            query = query.substring(0, hash);
        }
        for (String pair : query.split("&", -1)) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (key.equals("versionId")) {
                // Go's Query() keeps the first value; an empty one is refused.
                return eq >= 0 && eq < pair.length() - 1;
            }
        }
        return true;
    }

    /** Why the dataurl package refuses the URL, or null. */
    static String dataUrlError(String url) {
        return DataUrlGrammar.error(url);
    }

    private static int hex(char c) {
        return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }
}
