package org.qinglang.security;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings.Redirects;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The staff login page used as a browser uses it: its form, its CSRF token, the session it gives. */
record StaffLogin(String session, String location) {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    static StaffLogin as(TestRestTemplate http, String user, String password) {
        TestRestTemplate noRedirects = http.withRedirects(Redirects.DONT_FOLLOW);
        ResponseEntity<String> page = noRedirects.getForEntity("/login", String.class);
        Matcher csrf = CSRF.matcher(page.getBody());
        if (!csrf.find()) {
            throw new AssertionError("no CSRF token on the login page");
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add(HttpHeaders.COOKIE, "JSESSIONID=" + cookie(page, "JSESSIONID"));
        ResponseEntity<String> login = noRedirects.exchange("/login", HttpMethod.POST, new HttpEntity<>(
                "username=" + user + "&password=" + password + "&_csrf=" + csrf.group(1), headers), String.class);
        String location = login.getHeaders().getLocation() == null ? null : login.getHeaders().getLocation().toString();
        return new StaffLogin(cookie(login, "JSESSIONID"), location);
    }

    boolean succeeded() {
        return session != null && location != null && !location.contains("error");
    }

    static String cookie(ResponseEntity<?> response, String name) {
        List<String> cookies = response.getHeaders().get(HttpHeaders.SET_COOKIE);
        if (cookies == null) {
            return null;
        }
        return cookies.stream().filter(c -> c.startsWith(name + "=")).map(c -> c.substring(name.length() + 1,
                c.indexOf(';') > 0 ? c.indexOf(';') : c.length())).reduce((a, b) -> b).orElse(null);
    }
}
