package org.qinglang.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.qinglang.common.EngineClock;
import org.qinglang.common.ProblemJson;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guessing passwords from one client address: after too many failed logins in a while (HTTP Basic
 * on any path, the staff login page, or the webapps' login form), that address may not try again until a lock ends by
 * itself; it gets 429 with Retry-After. Each account is protected by the engine's own growing delay
 * between failed attempts, which also ends by itself (camunda.bpm generic property loginMaxAttempts
 * is set so high that no account is ever locked for good by strangers).
 */
public class LoginThrottle extends OncePerRequestFilter {

    /** Every POST passes here, the complaint intake's too: the pattern is compiled once. */
    private static final java.util.regex.Pattern WEBAPP_LOGIN = java.util.regex.Pattern.compile(
            ".*/api/admin/auth/user/[^/]+/login/.*");

    private final int maxFailures;
    private final Duration window;
    private final Duration lock;
    private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();

    public LoginThrottle(int maxFailures, Duration window, Duration lock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.lock = lock;
    }

    /** Failed attempts of one address in the current window, and until when it is locked. */
    private record Failures(Instant windowStart, int count, Instant lockedUntil) {
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!isLoginAttempt(request)) {
            chain.doFilter(request, response);
            return;
        }
        String address = request.getRemoteAddr();
        Instant now = EngineClock.now();
        Failures failures = byAddress.get(address);
        if (failures != null && failures.lockedUntil() != null && now.isBefore(failures.lockedUntil())) {
            long seconds = Math.max(1, Duration.between(now, failures.lockedUntil()).toSeconds());
            response.setHeader("Retry-After", String.valueOf(seconds));
            ProblemJson.write(response, ProblemJson.of(429, "Too many failed logins", "Too many failed logins from this"
                    + " address; try again in " + seconds + " seconds. 此地址登录失败次数过多，请于 " + seconds + " 秒后再试。"));
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == 401 || isWebappLogin(request) && response.getStatus() >= 400
                || isStaffLogin(request) && String.valueOf(response.getHeader("Location")).contains("/login?error")) {
            recordFailure(address, now);
        }
    }

    private void recordFailure(String address, Instant now) {
        byAddress.compute(address, (key, old) -> {
            Failures current = old == null || old.windowStart().plus(window).isBefore(now)
                    ? new Failures(now, 0, null) : old;
            int count = current.count() + 1;
            return new Failures(current.windowStart(), count, count >= maxFailures ? now.plus(lock) : null);
        });
        if (byAddress.size() > 100_000) {
            byAddress.entrySet().removeIf(e -> e.getValue().windowStart().plus(window).plus(lock).isBefore(now));
        }
    }

    /** Forgets every address (operators, and tests). */
    public void forgetAll() {
        byAddress.clear();
    }

    private static boolean isLoginAttempt(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6) || isWebappLogin(request)
                || isStaffLogin(request);
    }

    /** The staff login page's form, which answers a failure by sending the browser back to it. */
    private static boolean isStaffLogin(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && "/login".equals(request.getRequestURI());
    }

    private static boolean isWebappLogin(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && WEBAPP_LOGIN.matcher(request.getRequestURI()).matches();
    }
}
