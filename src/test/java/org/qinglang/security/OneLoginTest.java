package org.qinglang.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.qinglang.CaseDriver;
import org.qinglang.QinglangTest;
import org.qinglang.casefile.ComplaintCategory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings.Redirects;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * (Its users are ones other test classes never send a wrong password for: the engine slows a user
 * down for a while after one.)
 *
 * <p>One login for staff: the login page's session opens Tasklist, Cockpit, their API and our staff
 * pages; a browser is sent to the login page and never meets a Basic dialog; API clients keep HTTP
 * Basic on the engine REST API; logging out of a webapp ends the one session.
 */
@QinglangTest
class OneLoginTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    CaseDriver cases;
    @Autowired
    LoginThrottle throttle;

    /** Failed logins of other test classes from this address must not lock these logins out. */
    @org.junit.jupiter.api.BeforeEach
    void forgetFailedLogins() {
        throttle.forgetAll();
    }

    private ResponseEntity<String> get(String path, String session, MediaType accept) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(accept));
        if (session != null) {
            headers.add(HttpHeaders.COOKIE, "JSESSIONID=" + session);
        }
        return http.withRedirects(Redirects.DONT_FOLLOW).exchange(path, HttpMethod.GET, new HttpEntity<>(headers),
                String.class);
    }

    @Test
    void aBrowserIsSentToTheLoginPageAndTheWebappsCallsGetNoBasicChallenge() {
        for (String page : List.of("/camunda/app/tasklist/default/", "/camunda/app/cockpit/default/", "/models")) {
            ResponseEntity<String> answer = get(page, null, MediaType.TEXT_HTML);
            assertThat(answer.getStatusCode().value()).as(page).isEqualTo(302);
            assertThat(answer.getHeaders().getLocation()).hasPath("/login");
            assertThat(answer.getHeaders()).doesNotContainKey(HttpHeaders.WWW_AUTHENTICATE);
        }
        ResponseEntity<String> webappCall = get("/camunda/api/engine/engine/default/task", null, MediaType.APPLICATION_JSON);
        assertThat(webappCall.getStatusCode().value()).isEqualTo(401);
        assertThat(webappCall.getHeaders()).doesNotContainKey(HttpHeaders.WWW_AUTHENTICATE);
        // The login page speaks the reader's language.
        HttpHeaders english = new HttpHeaders();
        english.setAcceptLanguage(java.util.Locale.LanguageRange.parse("en"));
        assertThat(http.exchange("/login?lang=en", HttpMethod.GET, new HttpEntity<>(english), String.class).getBody())
                .contains("Staff login");
        assertThat(http.getForEntity("/login?lang=zh-CN", String.class).getBody()).contains("工作人员登录");
    }

    @Test
    void oneLoginOpensTasklistCockpitTheirApiAndTheStaffPages() {
        // Extortion is a criminal lead: its referral package is a staff download.
        String caseNumber = cases.submit(ComplaintCategory.EXTORTION_PAID_DELETION, "weiyu-social",
                "https://weiyu.example/p/one-login-" + System.nanoTime(), "poster").caseNumber();
        cases.runDueJobs(caseNumber);
        StaffLogin caseworker = StaffLogin.as(http, "caseworker-sh", "caseworker-sh");
        assertThat(caseworker.succeeded()).isTrue();
        assertThat(get("/camunda/app/tasklist/default/", caseworker.session(), MediaType.TEXT_HTML)
                .getStatusCode().value()).isEqualTo(200);
        ResponseEntity<String> who = get("/camunda/api/admin/auth/user/default", caseworker.session(),
                MediaType.APPLICATION_JSON);
        assertThat(who.getStatusCode().value()).isEqualTo(200);
        assertThat(who.getBody()).contains("\"userId\":\"caseworker-sh\"").contains("tasklist");
        assertThat(get("/camunda/api/engine/engine/default/task/count", caseworker.session(), MediaType.APPLICATION_JSON)
                .getStatusCode().value()).isEqualTo(200);
        // Our staff pages take the same session: no second login, no Basic dialog.
        assertThat(get("/staff/cases/" + caseNumber + "/referral.zip", caseworker.session(), MediaType.ALL)
                .getStatusCode().value()).isEqualTo(200);
        // ... and keep their own rules: the models are for managers.
        assertThat(get("/models", caseworker.session(), MediaType.TEXT_HTML).getStatusCode().value()).isEqualTo(403);

        StaffLogin manager = StaffLogin.as(http, "manager", "manager");
        assertThat(get("/models", manager.session(), MediaType.TEXT_HTML).getStatusCode().value()).isEqualTo(200);
        assertThat(get("/camunda/app/cockpit/default/", manager.session(), MediaType.TEXT_HTML).getStatusCode().value())
                .isEqualTo(200);
    }

    @Test
    void aWrongPasswordIsRefusedAndTheEngineApiKeepsHttpBasic() {
        // (Not a demo user: the engine slows a user down after a failed login, which other tests would meet.)
        StaffLogin wrong = StaffLogin.as(http, "no-such-user", "not-the-password");
        assertThat(wrong.location()).contains("/login?error");
        assertThat(get("/camunda/api/engine/engine/default/task/count", wrong.session(), MediaType.APPLICATION_JSON)
                .getStatusCode().value()).isEqualTo(401);

        ResponseEntity<String> anonymous = get("/engine-rest/task/count", null, MediaType.APPLICATION_JSON);
        assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
        assertThat(anonymous.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
        assertThat(http.withBasicAuth("caseworker-sh", "caseworker-sh").getForEntity("/engine-rest/task/count", String.class)
                .getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void tasklistOffersEachGroupItsOwnListsFirstTheTasksItMayWork() {
        String caseworker = WebappSession.login(http, "tasklist", "caseworker-sh")
                .call(HttpMethod.GET, "/camunda/api/engine/engine/default/filter?resourceType=Task", HttpEntity.EMPTY)
                .getBody();
        assertThat(caseworker).contains("可办任务", "核实队列").doesNotContain("升级处置", "已超期");
        String supervisor = WebappSession.login(http, "tasklist", "supervisor")
                .call(HttpMethod.GET, "/camunda/api/engine/engine/default/filter?resourceType=Task", HttpEntity.EMPTY)
                .getBody();
        assertThat(supervisor).contains("可办任务", "升级处置", "已超期");
        assertThat(supervisor).doesNotContain("\"All tasks\"");
    }

    @Test
    void guessingPasswordsOnTheLoginPageIsThrottled() {
        try {
            // As a guesser would: the form's session and CSRF token, then one password after another.
            ResponseEntity<String> page = http.withRedirects(Redirects.DONT_FOLLOW).getForEntity("/login", String.class);
            java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                    .matcher(page.getBody());
            assertThat(csrf.find()).isTrue();
            HttpHeaders headers = formHeaders();
            headers.add(HttpHeaders.COOKIE, "JSESSIONID=" + StaffLogin.cookie(page, "JSESSIONID"));
            int attempts = 0;
            int status = 0;
            while (status != 429 && attempts++ < 30) {
                status = http.withRedirects(Redirects.DONT_FOLLOW).exchange("/login", HttpMethod.POST, new HttpEntity<>(
                        "username=no-such-user&password=guess" + attempts + "&_csrf=" + csrf.group(1), headers),
                        String.class).getStatusCode().value();
            }
            assertThat(status).isEqualTo(429);
            assertThat(attempts).isGreaterThan(1).isLessThanOrEqualTo(21);
        } finally {
            throttle.forgetAll();
        }
    }

    private static HttpHeaders formHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        return headers;
    }

    @Test
    void loggingOutOfAWebappEndsTheOneSessionButAnotherSiteCannotDoIt() {
        WebappSession tasklist = WebappSession.login(http, "tasklist", "supervisor");
        StaffLogin staff = StaffLogin.as(http, "supervisor", "supervisor");
        assertThat(get("/camunda/api/engine/engine/default/task/count", staff.session(), MediaType.APPLICATION_JSON)
                .getStatusCode().value()).isEqualTo(200);
        // Another site's form cannot send the webapps' CSRF header: nothing happens.
        HttpHeaders crossSite = new HttpHeaders();
        crossSite.add(HttpHeaders.COOKIE, "JSESSIONID=" + staff.session());
        assertThat(http.withRedirects(Redirects.DONT_FOLLOW).exchange("/camunda/api/admin/auth/user/default/logout",
                HttpMethod.POST, new HttpEntity<>(crossSite), String.class).getStatusCode().value()).isEqualTo(403);
        assertThat(get("/camunda/api/engine/engine/default/task/count", staff.session(), MediaType.APPLICATION_JSON)
                .getStatusCode().value()).isEqualTo(200);

        tasklist.call(HttpMethod.POST, "/camunda/api/admin/auth/user/default/logout", HttpEntity.EMPTY);
        assertThat(tasklist.call(HttpMethod.GET, "/camunda/api/engine/engine/default/task/count", HttpEntity.EMPTY)
                .getStatusCode().value()).isEqualTo(401);
    }
}
