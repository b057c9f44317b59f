package org.qinglang.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.qinglang.TestMail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * Behind the documented proxy (here: 127.0.0.1 trusted as the proxy) every citizen has a rate limit
 * of their own, and password guessing is slowed per address and per account without locking anyone
 * out for good.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1",
    "qinglang.intake.complaints-per-hour-per-address=2",
    "qinglang.security.login.failures-per-address=5"})
@ActiveProfiles("test")
@ContextConfiguration(initializers = TestMail.Ports.class)
class ClientAddressAttackTest {

    @RegisterExtension
    static GreenMailExtension mail = TestMail.server();

    @Autowired
    TestRestTemplate http;
    @Autowired
    LoginThrottle throttle;

    private static int unique;

    @AfterEach
    void reset() {
        ClockUtil.reset();
        throttle.forgetAll();
    }

    private ResponseEntity<String> complain(String clientAddress) {
        String body = """
                {"category": "IMPERSONATION", "platform": "shortvideo",
                 "url": "https://shortvideo.example/@fake_%1$d", "accountName": "@fake_%1$d",
                 "description": "该账号假冒官方机构发布虚假通知。", "reporterType": "CITIZEN",
                 "complainant": {"name": "张先生", "email": "zhang@mail.example"},
                 "evidence": [{"fileName": "shot.png", "contentType": "image/png", "contentBase64": "%2$s"}]}
                """.formatted(++unique, Base64.getEncoder().encodeToString(new byte[] {(byte) 0x89, 'P', 'N', 'G'}));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.add("X-Forwarded-For", clientAddress);
        return http.postForEntity("/api/complaints", new HttpEntity<>(body, headers), String.class);
    }

    private ResponseEntity<String> login(String clientAddress, String user, String password) {
        HttpHeaders headers = new HttpHeaders();
        headers.add("X-Forwarded-For", clientAddress);
        headers.setBasicAuth(user, password);
        return http.exchange("/engine-rest/user/" + user + "/profile", HttpMethod.GET, new HttpEntity<>(headers),
                String.class);
    }

    @Test
    void citizensBehindTheProxyDoNotShareOneRateLimit() {
        assertThat(complain("203.0.113.1").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(complain("203.0.113.1").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<String> third = complain("203.0.113.1");
        assertThat(third.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(third.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
        assertThat(complain("203.0.113.2").getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void anAddressGuessingPasswordsWaitsAndOthersDoNot() {
        for (int i = 0; i < 5; i++) {
            assertThat(login("198.51.100.7", "caseworker", "guess-" + i).getStatusCode())
                    .isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        ResponseEntity<String> locked = login("198.51.100.7", "supervisor", "supervisor");
        assertThat(locked.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(Long.parseLong(locked.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isPositive();
        assertThat(login("198.51.100.8", "supervisor", "supervisor").getStatusCode()).isEqualTo(HttpStatus.OK);

        // The lock ends by itself.
        ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofMinutes(16).toMillis()));
        assertThat(login("198.51.100.7", "supervisor", "supervisor").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void strangersCannotLockAnAccountForGood() {
        // Twelve wrong passwords from twelve addresses: more than the engine's old permanent-lock limit.
        for (int i = 0; i < 12; i++) {
            login("192.0.2." + (i + 1), "supervisor2", "wrong-" + i);
        }
        ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofMinutes(2).toMillis()));
        assertThat(login("192.0.2.100", "supervisor2", "supervisor2").getStatusCode()).isEqualTo(HttpStatus.OK);
    }
}
