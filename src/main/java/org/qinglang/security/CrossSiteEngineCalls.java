package org.qinglang.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Set;
import org.qinglang.common.ProblemJson;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Cross-site request forgery on the engine REST API: a page on another site could make a staff
 * member's browser post a deployment or complete a task with the Basic credentials it has cached.
 * Browsers say where a request comes from (Origin, Sec-Fetch-Site); API clients such as Camunda
 * Modeler or curl send neither. A request that changes something and comes from another site, by
 * the browser's own account, is refused; everything else passes unchanged.
 */
public class CrossSiteEngineCalls extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final String publicOrigin;

    public CrossSiteEngineCalls(String publicBaseUrl) {
        this.publicOrigin = origin(publicBaseUrl);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SAFE_METHODS.contains(request.getMethod()) || !fromAnotherSite(request)) {
            chain.doFilter(request, response);
            return;
        }
        ProblemJson.write(response, ProblemJson.of(HttpServletResponse.SC_FORBIDDEN, "Cross-site request refused",
                "The engine API does not accept changes sent by a page of another site."));
    }

    private boolean fromAnotherSite(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            return true;
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return false;
        }
        String own = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort();
        String normalized = origin(origin);
        return normalized == null || !(normalized.equals(origin(own)) || normalized.equals(publicOrigin));
    }

    /** scheme://host:port with the default port made explicit, or null when it is no origin ("null"). */
    static String origin(String url) {
        try {
            URI uri = URI.create(url.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return null;
            }
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            return uri.getScheme().toLowerCase() + "://" + uri.getHost().toLowerCase() + ":" + port;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
