package org.qinglang.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.qinglang.CaseDriver;
import org.qinglang.QinglangTest;
import org.qinglang.TestMail;
import org.qinglang.casefile.ComplaintCategory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.mock.env.MockEnvironment;

/** Links signed with the once-published development secret are forgeries; nothing starts on it outside the demo. */
@QinglangTest
class ForgedLinkAttackTest {

    @RegisterExtension
    static GreenMailExtension mail = TestMail.server();

    @Autowired
    TestRestTemplate http;
    @Autowired
    CaseDriver cases;
    @Autowired
    AccessTokens tokens;

    @Test
    void aLinkSignedWithThePublishedSecretIsRefused() {
        String caseNumber = cases.submit(ComplaintCategory.RUMOUR, "shortvideo", "https://shortvideo.example/v/forged",
                "@forged").caseNumber();
        AccessTokens published = new AccessTokens(TokenSecret.PUBLISHED, Duration.ofDays(365), Duration.ofDays(60));
        String forged = published.issue(AccessTokens.Purpose.COMPLAINANT_STATUS, caseNumber);
        assertThat(http.getForEntity("/complaints/" + caseNumber + "?token=" + forged, String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        String platformForged = published.issue(AccessTokens.Purpose.PLATFORM_RESPONSE, caseNumber);
        assertThat(http.getForEntity("/platform/respond/" + caseNumber + "?token=" + platformForged, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        // The installation's own links work.
        assertThat(http.getForEntity("/complaints/" + caseNumber + "?token="
                + tokens.issue(AccessTokens.Purpose.COMPLAINANT_STATUS, caseNumber), String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void aDuplicatesComplainantGetsALinkToTheirOwnCaseOnly() throws Exception {
        String url = "https://shortvideo.example/v/dup-" + System.nanoTime();
        String first = cases.submit(ComplaintCategory.RUMOUR, "shortvideo", url, "@dup").caseNumber();
        cases.runDueJobs(first);
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        String second = new com.fasterxml.jackson.databind.ObjectMapper().readTree(http.postForEntity("/api/complaints",
                new org.springframework.http.HttpEntity<>("""
                        {"category": "RUMOUR", "platform": "shortvideo", "url": "%s", "accountName": "@dup",
                         "description": "同一条谣言，我也举报。", "reporterType": "CITIZEN",
                         "complainant": {"name": "刘先生", "email": "liu@mail.example"}}""".formatted(url), headers),
                String.class).getBody()).get("caseNumber").asText();
        cases.runDueJobs(second);

        String linked = TestMail.to(mail, "liu@mail.example").stream().map(TestMail::body)
                .filter(body -> body.contains(first)).findFirst().orElseThrow();
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("/complaints/(QL-\\d{4}-\\d{6})\\?token=([\\w.-]+)")
                .matcher(linked);
        assertThat(link.find()).isTrue();
        assertThat(link.group(1)).isEqualTo(second);
        // The second complainant's token opens their own case, never the first complainant's.
        assertThat(http.getForEntity("/complaints/" + second + "?token=" + link.group(2), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.getForEntity("/complaints/" + first + "?token=" + link.group(2), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void onlyTheEmbeddedDemoStartsWithoutASecretOfItsOwn() {
        MockEnvironment postgres = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://127.0.0.1:5432/qinglang")
                .withProperty("qinglang.demo.enabled", "true");
        assertThatThrownBy(() -> TokenSecret.resolve(postgres)).hasMessageContaining("token-secret");
        assertThatThrownBy(() -> TokenSecret.resolve(postgres.withProperty("qinglang.security.token-secret",
                TokenSecret.PUBLISHED))).hasMessageContaining("token-secret");
        assertThatThrownBy(() -> TokenSecret.resolve(new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:h2:mem:x").withProperty("qinglang.demo.enabled", "true")
                .withProperty("qinglang.security.token-secret", TokenSecret.PUBLISHED)))
                .hasMessageContaining("token-secret");
        assertThat(TokenSecret.resolve(new MockEnvironment().withProperty("spring.datasource.url", "jdbc:h2:mem:x")
                .withProperty("qinglang.demo.enabled", "true"))).hasSizeGreaterThanOrEqualTo(32);
    }
}
