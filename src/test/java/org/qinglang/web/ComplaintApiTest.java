package org.qinglang.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.qinglang.CaseDriver;
import org.qinglang.QinglangTest;
import org.qinglang.TestMail;
import org.qinglang.announcement.Announcement;
import org.qinglang.announcement.AnnouncementRepository;
import org.qinglang.common.EngineClock;
import org.qinglang.casefile.ComplaintRepository;
import org.qinglang.security.AccessTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The REST contract others build on, over HTTP against the running application. */
@QinglangTest
class ComplaintApiTest {

    @RegisterExtension
    static GreenMailExtension mail = TestMail.server();

    @Autowired
    org.camunda.bpm.engine.IdentityService identityService;
    @Autowired
    TestRestTemplate http;
    @Autowired
    ComplaintRepository complaints;
    @Autowired
    AnnouncementRepository announcements;
    @Autowired
    CaseDriver cases;
    @Autowired
    AccessTokens tokens;
    @Autowired
    ObjectMapper json;

    static final String VALID = """
            {"category": "IMPERSONATION", "platform": "shortvideo",
             "url": "https://shortvideo.example/@fake_official",
             "accountName": "@fake_official", "description": "该账号假冒官方机构发布虚假通知。",
             "reporterType": "CITIZEN",
             "complainant": {"name": "张先生", "email": "zhang@mail.example", "phone": "+86 138 0000 0000"},
             "evidence": [{"fileName": "shot.png", "contentType": "image/png", "contentBase64": "%s"}]}
            """.formatted(Base64.getEncoder().encodeToString(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}));

    private static final java.util.concurrent.atomic.AtomicInteger UNIQUE = new java.util.concurrent.atomic.AtomicInteger();

    /** Each complaint about its own content, so that none is linked to another as a duplicate. */
    private ResponseEntity<String> post(String body) {
        body = body.replace("@fake_official\"", "@fake_official_" + UNIQUE.incrementAndGet() + "\"");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity("/api/complaints", new HttpEntity<>(body, headers), String.class);
    }

    private JsonNode parse(ResponseEntity<String> response) throws Exception {
        return json.readTree(response.getBody());
    }

    @Test
    void acceptedComplaintGetsCaseNumberAndPrivateStatusLink() throws Exception {
        ResponseEntity<String> created = post(VALID);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode body = parse(created);
        String caseNumber = body.get("caseNumber").asText();
        assertThat(caseNumber).matches("QL-\\d{4}-\\d{6}");
        assertThat(created.getHeaders().getLocation().toString())
                .startsWith("/api/complaints/" + caseNumber + "?token=");

        ResponseEntity<String> status = http.getForEntity(created.getHeaders().getLocation(), String.class);
        assertThat(status.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode view = parse(status);
        // Registered, triaged and checked for duplicates in the intake transaction: it waits for a case worker.
        assertThat(view.get("stage").asText()).isEqualTo("UNDER_VERIFICATION");
        assertThat(view.get("stageLabel").asText()).contains("核实中").contains("Under verification");
        assertThat(status.getBody()).doesNotContain("zhang@mail.example").doesNotContain("张先生");

        cases.runDueJobs(caseNumber);
        assertThat(parse(http.getForEntity(created.getHeaders().getLocation(), String.class)).get("stage").asText())
                .isEqualTo("UNDER_VERIFICATION");
    }

    @Test
    void statusWithoutOrWithWrongTokenIsNotFound() throws Exception {
        String caseNumber = parse(post(VALID)).get("caseNumber").asText();
        for (String url : new String[] {"/api/complaints/" + caseNumber,
            "/api/complaints/" + caseNumber + "?token=forged",
            "/api/complaints/" + caseNumber + "?token=" + tokens.issue(AccessTokens.Purpose.PLATFORM_RESPONSE,
                    caseNumber),
            "/api/complaints/QL-2026-999999?token=" + tokens.issue(AccessTokens.Purpose.COMPLAINANT_STATUS,
                    "QL-2026-999999")}) {
            ResponseEntity<String> response = http.getForEntity(url, String.class);
            assertThat(response.getStatusCode()).as(url).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(response.getHeaders().getContentType().toString()).contains("application/problem+json");
        }
    }

    @Test
    void invalidComplaintsAreRefusedNamingTheFieldAndNothingIsStored() throws Exception {
        long before = complaints.count();
        Map<String, String[]> cases = Map.of(
                "category", new String[] {VALID.replace("\"category\": \"IMPERSONATION\", ", ""), "422"},
                "category ", new String[] {VALID.replace("IMPERSONATION", "GOSSIP"), "400"},
                "platform", new String[] {VALID.replace("\"shortvideo\"", "\"no-such-platform\""), "422"},
                "url", new String[] {VALID.replace("https://shortvideo.example/@fake_official", "javascript:alert(1)"),
                    "422"},
                "complainant.email", new String[] {VALID.replace("zhang@mail.example", "not-an-email"), "422"},
                "description", new String[] {VALID.replace("该账号假冒官方机构发布虚假通知。", ""), "422"},
                "evidence[0].contentBase64", new String[] {VALID.replaceAll("\"contentBase64\": \"[^\"]*\"",
                        "\"contentBase64\": \"@@@not base64@@@\""), "422"},
                "evidence[0].contentType", new String[] {VALID.replace("image/png", "application/x-msdownload"),
                    "422"},
                "evidence[0].content", new String[] {VALID.replace("image/png", "application/pdf"), "422"},
                "body", new String[] {"{\"category\": ", "400"});
        for (Map.Entry<String, String[]> c : cases.entrySet()) {
            ResponseEntity<String> response = post(c.getValue()[0]);
            assertThat(response.getStatusCode().value()).as(c.getKey()).isEqualTo(Integer.parseInt(c.getValue()[1]));
            assertThat(response.getHeaders().getContentType().toString()).contains("application/problem+json");
            JsonNode problem = parse(response);
            assertThat(problem.get("errors").findValuesAsText("field")).as(c.getKey()).contains(c.getKey().strip());
            assertThat(response.getBody()).doesNotContain("Exception").doesNotContain("at org.");
        }
        assertThat(complaints.count()).isEqualTo(before);
    }

    @Test
    void caseListIsForStaffOnly() throws Exception {
        post(VALID);
        assertThat(http.getForEntity("/api/complaints", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<String> list = http.withBasicAuth("caseworker", "caseworker")
                .getForEntity("/api/complaints?source=API&status=UNDER_VERIFICATION&page=0", String.class);
        assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode page = parse(list);
        assertThat(page.get("content").size()).isPositive();
        page.get("content").forEach(c -> {
            assertThat(c.get("source").asText()).isEqualTo("API");
            assertThat(c.get("stage").asText()).isEqualTo("UNDER_VERIFICATION");
        });
        assertThat(page.get("content").get(0).get("evidence").findValuesAsText("sha256"))
                .allMatch(hash -> hash.matches("[0-9a-f]{64}"));

        ResponseEntity<String> badFilter = http.withBasicAuth("caseworker", "caseworker")
                .getForEntity("/api/complaints?status=NOPE", String.class);
        assertThat(badFilter.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(parse(badFilter).get("errors").findValuesAsText("field")).contains("status");

        // Last: a failed login makes the engine hold the account back for a few seconds, which the
        // classes after this one, in the same application, are spared.
        assertThat(http.withBasicAuth("caseworker", "wrong").getForEntity("/api/complaints", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        identityService.unlockUser("caseworker");
    }

    @Test
    void complainantDetailsAreShownOnlyToStaffOfTheResponsibleOffice() throws Exception {
        String shanghai = parse(post(VALID)).get("caseNumber").asText(); // shortvideo: Shanghai office
        String beijing = parse(post(VALID.replace("\"shortvideo\"", "\"kuaikan-toutiao\"")
                .replace("https://shortvideo.example/", "https://kuaikan-toutiao.example/"))).get("caseNumber")
                .asText();
        cases.runDueJobs(shanghai);
        cases.runDueJobs(beijing);

        JsonNode local = parse(http.withBasicAuth("caseworker-sh", "caseworker-sh")
                .getForEntity("/api/complaints?size=100", String.class));
        java.util.Map<String, JsonNode> byCase = new java.util.HashMap<>();
        local.get("content").forEach(c -> byCase.put(c.get("caseNumber").asText(), c));
        assertThat(byCase.get(shanghai).get("complainantEmail").asText()).isEqualTo("zhang@mail.example");
        assertThat(byCase.get(beijing).has("complainantEmail")).isFalse();
        assertThat(byCase.get(beijing).has("complainantName")).isFalse();

        JsonNode all = parse(http.withBasicAuth("caseworker", "caseworker")
                .getForEntity("/api/complaints?size=100", String.class));
        all.get("content").forEach(c -> {
            if (c.get("caseNumber").asText().equals(beijing)) {
                assertThat(c.get("complainantEmail").asText()).isEqualTo("zhang@mail.example");
            }
        });
    }

    @Test
    void operatorsReadMetricsWithTheirLogin() {
        post(VALID);
        assertThat(http.getForEntity("/actuator/prometheus", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        String metrics = http.withBasicAuth("manager", "manager").getForObject("/actuator/prometheus", String.class);
        assertThat(metrics).contains("qinglang_complaints_received_total{source=\"API\"}")
                .contains("qinglang_deadlines_overdue").contains("qinglang_incidents_open")
                .contains("qinglang_mail_send_failures_total");
    }

    @Test
    void engineRestApiNeverAnswersAnonymously() {
        assertThat(http.getForEntity("/engine-rest/task", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("demo", "demo").getForEntity("/engine-rest/task", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.withBasicAuth("demo", "wrong").getForEntity("/engine-rest/task", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        identityService.unlockUser("demo");
        assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.getForEntity("/actuator/metrics", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Autowired
    org.qinglang.casework.CaseReplies replies;

    @Test
    void platformRespondsThroughItsSignedLinkOnlyWhileTheCaseWaits() throws Exception {
        String caseNumber = parse(post(VALID.replace("@fake_official", "@fake_official_2"))).get("caseNumber")
                .asText();
        cases.runDueJobs(caseNumber);
        String platformToken = tokens.issue(AccessTokens.Purpose.PLATFORM_RESPONSE, caseNumber);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        HttpEntity<String> report = new HttpEntity<>("{\"text\": \"已删除 deleted\"}", headers);

        ResponseEntity<String> tooEarly = http.exchange("/api/complaints/" + caseNumber + "/platform-response?token="
                + platformToken, HttpMethod.POST, report, String.class);
        assertThat(tooEarly.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        cases.complete(caseNumber, "Task_VerifyComplaint", "caseworker",
                Map.of("verificationOutcome", "SUBSTANTIATED", "verificationNote", "属实 substantiated"));
        ResponseEntity<String> withStatusToken = http.exchange("/api/complaints/" + caseNumber
                + "/platform-response?token=" + tokens.issue(AccessTokens.Purpose.COMPLAINANT_STATUS, caseNumber),
                HttpMethod.POST, report, String.class);
        assertThat(withStatusToken.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        // Measure by measure: only the measures ordered, each once, carried out when or not why.
        for (String bad : new String[] {
            "{\"text\": \"x\", \"measures\": [{\"measure\": \"CLOSE_PLATFORM\", \"executed\": true, "
                    + "\"executedAt\": \"2026-01-02T09:30\"}]}",
            "{\"text\": \"x\", \"measures\": [{\"measure\": \"DELETE_CONTENT\", \"executed\": false}]}",
            "{\"text\": \"x\", \"measures\": [{\"measure\": \"DELETE_CONTENT\", \"executed\": true, "
                    + "\"executedAt\": \"2099-01-02T09:30\"}]}"}) {
            ResponseEntity<String> refused = http.exchange("/api/complaints/" + caseNumber
                    + "/platform-response?token=" + platformToken, HttpMethod.POST, new HttpEntity<>(bad, headers),
                    String.class);
            assertThat(refused.getStatusCode()).as(bad).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
            assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
            assertThat(refused.getBody()).contains("measures[0]");
        }
        assertThat(cases.task(caseNumber, "Task_ReviewRectification")).isNull();
        java.util.List<String> ordered = replies.orderedMeasures(caseNumber);
        assertThat(ordered).contains("DELETE_CONTENT");
        String entries = String.join(", ", ordered.stream().map(code -> "{\"measure\": \"" + code
                + "\", \"executed\": true, \"executedAt\": \"2026-01-02T01:30:00Z\"}").toList());
        HttpEntity<String> measured = new HttpEntity<>("{\"text\": \"已删除 deleted\", \"measures\": [" + entries + "]}",
                headers);
        ResponseEntity<String> accepted = http.exchange("/api/complaints/" + caseNumber + "/platform-response?token="
                + platformToken, HttpMethod.POST, measured, String.class);
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(replies.confirmationsOf(caseNumber)).hasSize(ordered.size())
                .allSatisfy(c -> assertThat(c.getExecutedAt()).isEqualTo(java.time.Instant.parse("2026-01-02T01:30:00Z")));
        assertThat(cases.task(caseNumber, "Task_ReviewRectification")).isNotNull();
    }

    @Test
    void exposureBoardAndFeedShowAnnouncementsAsText() {
        announcements.save(new Announcement("QL-2026-900001", "RUMOUR", "weiyu-social", "<b>rumour_king</b>",
                "发布<script>alert('x')</script>虚假灾情", "DELETE_CONTENT,CLOSE_ACCOUNT", "supervisor2",
                EngineClock.now()));

        ResponseEntity<String> board = http.getForEntity("/announcements", String.class);
        assertThat(board.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(board.getBody()).contains("微语社区").contains("&lt;script&gt;").doesNotContain("<script>alert")
                .contains("&lt;b&gt;rumour_king").contains("关闭账号");

        ResponseEntity<String> feed = http.getForEntity("/announcements.atom", String.class);
        assertThat(feed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(feed.getHeaders().getContentType().toString()).startsWith("application/atom+xml");
        assertThat(feed.getBody()).contains("<feed").contains("&lt;script&gt;").doesNotContain("<script>");
    }
}
