package org.qinglang.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.qinglang.QinglangTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Single sign-on by OpenID Connect, with an identity provider started by the test: a person signs on
 * at the office's provider, comes back with one session that opens Tasklist, the webapps' API and our
 * staff pages as the engine user of that name, with that user's groups; someone the provider knows
 * but the engine does not gets no session, whatever the provider says.
 */
@QinglangTest
class SingleSignOnTest {

    static ConfigurableApplicationContext provider;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startTheOfficesIdentityProvider(@LocalServerPort int port) {
        provider = TestIdentityProvider.start("http://127.0.0.1:" + port,
                Map.of("supervisor2", "office-password", "stranger", "office-password"));
    }

    @AfterAll
    static void stopIt() {
        provider.close();
    }

    /** A browser: keeps each host's cookies and follows redirects, across the two servers. */
    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.ALWAYS).build();
    }

    private HttpResponse<String> get(HttpClient browser, String url) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** From our login page's button to the provider's login form, signing on there, and back. */
    private HttpResponse<String> signOn(HttpClient browser, String user, String password) throws Exception {
        String app = "http://127.0.0.1:" + port;
        HttpResponse<String> loginPage = get(browser, app + "/login");
        assertThat(loginPage.body()).contains("/oauth2/authorization/office").contains("Office SSO");
        HttpResponse<String> providerLogin = get(browser, app + "/oauth2/authorization/office");
        assertThat(providerLogin.uri().toString()).as(providerLogin.statusCode() + " " + providerLogin.headers() + providerLogin.body()).startsWith(TestIdentityProvider.ISSUER + "/login");
        Matcher csrf = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"").matcher(providerLogin.body());
        assertThat(csrf.find()).as(providerLogin.body()).isTrue();
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(csrf.group(1),
                        StandardCharsets.UTF_8);
        return browser.send(HttpRequest.newBuilder(URI.create(TestIdentityProvider.ISSUER + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void signingOnAtTheOfficesProviderOpensTasklistTheWebappsAndTheStaffPages() throws Exception {
        HttpClient browser = browser();
        HttpResponse<String> landed = signOn(browser, "supervisor2", "office-password");
        assertThat(landed.uri().getPath()).isEqualTo("/camunda/app/tasklist/default/");
        assertThat(landed.statusCode()).isEqualTo(200);

        String app = "http://127.0.0.1:" + port;
        HttpResponse<String> who = browser.send(HttpRequest.newBuilder(URI.create(app + "/camunda/api/admin/auth/user/default"))
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(who.statusCode()).isEqualTo(200);
        assertThat(who.body()).contains("\"userId\":\"supervisor2\"").contains("tasklist");
        // The engine's groups decide: a supervisor sees the supervisors' lists and our search page.
        HttpResponse<String> filters = browser.send(HttpRequest.newBuilder(
                        URI.create(app + "/camunda/api/engine/engine/default/filter?resourceType=Task"))
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(filters.body()).contains("升级处置");
        HttpResponse<String> search = get(browser, app + "/staff/cases");
        assertThat(search.statusCode()).isEqualTo(200);
        assertThat(search.uri().getPath()).isEqualTo("/staff/cases");
        // ... and not more than they give: the models are for managers.
        assertThat(get(browser, app + "/models").statusCode()).isEqualTo(403);
    }

    @Test
    void someoneTheProviderKnowsButTheEngineDoesNotGetsNoSession() throws Exception {
        HttpClient browser = browser();
        HttpResponse<String> landed = signOn(browser, "stranger", "office-password");
        assertThat(landed.uri().getPath()).isEqualTo("/login");
        assertThat(landed.uri().getQuery()).contains("sso-error");
        assertThat(landed.body()).contains("id=\"sso-error\"");
        HttpResponse<String> staffPage = get(browser, "http://127.0.0.1:" + port + "/staff/cases");
        assertThat(staffPage.uri().getPath()).isEqualTo("/login");
    }

    @Test
    void aWrongPasswordAtTheProviderNeverReachesTheApplication() throws Exception {
        HttpClient browser = browser();
        HttpResponse<String> landed = signOn(browser, "supervisor2", "guessed");
        assertThat(landed.uri().toString()).startsWith(TestIdentityProvider.ISSUER + "/login?error");
        HttpResponse<String> staffPage = get(browser, "http://127.0.0.1:" + port + "/staff/cases");
        assertThat(staffPage.uri().getPath()).isEqualTo("/login");
    }
}
