package org.qinglang.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qinglang.security.AccessTokens.Purpose;

class AccessTokensTest {

    AccessTokens tokens = new AccessTokens("secret-one", Duration.ofDays(365), Duration.ofDays(60));

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void tokenOpensOnlyItsOwnCaseForItsOwnPurpose() {
        String token = tokens.issue(Purpose.COMPLAINANT_STATUS, "QL-2026-000001");
        assertThat(tokens.isValid(Purpose.COMPLAINANT_STATUS, "QL-2026-000001", token)).isTrue();
        assertThat(tokens.isValid(Purpose.COMPLAINANT_STATUS, "QL-2026-000002", token)).isFalse();
        assertThat(tokens.isValid(Purpose.PLATFORM_RESPONSE, "QL-2026-000001", token)).isFalse();
    }

    @Test
    void tokenSignedWithAnotherSecretIsRefused() {
        AccessTokens other = new AccessTokens("secret-two", Duration.ofDays(365), Duration.ofDays(60));
        assertThat(tokens.isValid(Purpose.COMPLAINANT_STATUS, "QL-2026-000001",
                other.issue(Purpose.COMPLAINANT_STATUS, "QL-2026-000001"))).isFalse();
    }

    @Test
    void tokenExpires() {
        String token = tokens.issue(Purpose.PLATFORM_RESPONSE, "QL-2026-000001");
        ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofDays(59).toMillis()));
        assertThat(tokens.isValid(Purpose.PLATFORM_RESPONSE, "QL-2026-000001", token)).isTrue();
        ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofDays(61).toMillis()));
        assertThat(tokens.isValid(Purpose.PLATFORM_RESPONSE, "QL-2026-000001", token)).isFalse();
    }

    @Test
    void tamperedOrMalformedTokensAreRefused() {
        String token = tokens.issue(Purpose.COMPLAINANT_STATUS, "QL-2026-000001");
        String[] parts = token.split("\\.");
        String laterExpiry = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                java.nio.ByteBuffer.allocate(8).putLong(Long.MAX_VALUE / 2).array());
        assertThat(tokens.isValid(Purpose.COMPLAINANT_STATUS, "QL-2026-000001", laterExpiry + "." + parts[1]))
                .isFalse();
        for (String bad : new String[] {null, "", ".", "abc", "a.b.c", "%%%.###", parts[0] + "."}) {
            assertThat(tokens.isValid(Purpose.COMPLAINANT_STATUS, "QL-2026-000001", bad)).isFalse();
        }
    }
}
