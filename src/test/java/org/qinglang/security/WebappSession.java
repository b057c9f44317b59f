package org.qinglang.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A login to the Camunda webapps as staff make it: the staff login page's session, and the CSRF token
 * the webapps hand out, sent with every call to their API ({@code /camunda/api/engine/...}) as
 * Tasklist and Cockpit send them.
 */
public final class WebappSession {

    private final TestRestTemplate http;
    private final String session;
    private final String token;

    private WebappSession(TestRestTemplate http, String session, String token) {
        this.http = http;
        this.session = session;
        this.token = token;
    }

    public static WebappSession login(TestRestTemplate http, String app, String user) {
        StaffLogin staff = StaffLogin.as(http, user, user);
        // The webapp takes the staff login's session; its first page hands out the webapps' CSRF token.
        HttpHeaders sessionHeaders = new HttpHeaders();
        sessionHeaders.add(HttpHeaders.COOKIE, "JSESSIONID=" + staff.session());
        ResponseEntity<String> page = http.exchange("/camunda/app/" + app + "/default/", HttpMethod.GET,
                new HttpEntity<>(sessionHeaders), String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        return new WebappSession(http, staff.session(), page.getHeaders().getFirst("X-XSRF-TOKEN"));
    }

    /** Calls the webapps' API with this session; the body's own headers (content type) are kept. */
    public ResponseEntity<String> call(HttpMethod method, String path, HttpEntity<?> request) {
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(request.getHeaders());
        headers.add(HttpHeaders.COOKIE, "JSESSIONID=" + session + "; XSRF-TOKEN=" + token);
        headers.add("X-XSRF-TOKEN", token);
        return http.exchange(path, method, new HttpEntity<>(request.getBody(), headers), String.class);
    }

    private static String cookie(ResponseEntity<?> response, String name) {
        List<String> cookies = response.getHeaders().get(HttpHeaders.SET_COOKIE);
        if (cookies == null) {
            return null;
        }
        return cookies.stream().filter(c -> c.startsWith(name + "=")).map(c -> c.substring(name.length() + 1,
                c.indexOf(';') > 0 ? c.indexOf(';') : c.length())).reduce((a, b) -> b).orElse(null);
    }
}
