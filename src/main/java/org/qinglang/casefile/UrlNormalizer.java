package org.qinglang.casefile;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Brings the many spellings of one web address to one form, so that two complaints about the same
 * content are recognised as one case: scheme and host case, default ports, "www.", trailing
 * slashes, fragments and tracking parameters do not make a different page.
 */
public final class UrlNormalizer {

    private static final Set<String> TRACKING_PARAMETERS = Set.of("spm", "from", "share_source", "share_medium",
            "share_token", "share_from", "share_plat", "fbclid", "gclid", "si", "vd_source", "wfr", "is_from",
            "scene", "clicktime", "enterid", "ref", "ref_src", "xhsshare", "app_platform", "timestamp");

    private UrlNormalizer() {
    }

    /** Checks that the address is an absolute http(s) address and returns it trimmed. */
    public static URI parseWebAddress(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("missing");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a valid web address");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("only http and https addresses are accepted");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("the address has no host");
        }
        return uri;
    }

    public static String normalize(String url) {
        URI uri = parseWebAddress(url);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("www.")) {
            host = host.substring(4);
        }
        int port = uri.getPort();
        String portPart = (port == -1 || port == 80 || port == 443) ? "" : ":" + port;
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String query = uri.getRawQuery() == null ? "" : Arrays.stream(uri.getRawQuery().split("&"))
                .filter(p -> !p.isEmpty())
                .filter(p -> !isTracking(p.split("=", 2)[0]))
                .sorted()
                .collect(Collectors.joining("&"));
        // http and https serve the same content here; one scheme keeps them together.
        return "https://" + host + portPart + path + (query.isEmpty() ? "" : "?" + query);
    }

    private static boolean isTracking(String parameter) {
        String name = parameter.toLowerCase(Locale.ROOT);
        return name.startsWith("utm_") || TRACKING_PARAMETERS.contains(name);
    }
}
