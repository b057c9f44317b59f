package org.qinglang.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ProductionSafetyTest {

    private static MockEnvironment safe() {
        return new MockEnvironment()
                .withProperty("qinglang.demo.enabled", "false")
                .withProperty("qinglang.security.token-secret", "a-real-secret-of-more-than-32-characters!")
                .withProperty("camunda.bpm.admin-user.id", "admin")
                .withProperty("camunda.bpm.admin-user.password", "Long-and-unknown-42")
                .withProperty("spring.datasource.url", "jdbc:postgresql://db/qinglang")
                .withProperty("spring.datasource.password", "another-long-secret-7")
                .withProperty("qinglang.mail.intake.password", "mailbox-secret-12345");
    }

    @Test
    void startsWithRealSecrets() {
        assertThat(ProductionSafety.problems(safe())).isEmpty();
    }

    @Test
    void refusesEveryDefault() {
        MockEnvironment defaults = safe()
                .withProperty("qinglang.demo.enabled", "true")
                .withProperty("qinglang.security.token-secret", TokenSecret.PUBLISHED)
                .withProperty("camunda.bpm.admin-user.password", "admin")
                .withProperty("spring.datasource.password", "qinglang")
                .withProperty("qinglang.mail.intake.password", "complaints");
        assertThat(ProductionSafety.problems(defaults)).hasSize(5);
        assertThatThrownBy(() -> new ProductionSafety(defaults)).hasMessageContaining("Refusing to start");
    }

    @Test
    void adminPasswordEqualToItsIdIsRefused() {
        assertThat(ProductionSafety.problems(safe().withProperty("camunda.bpm.admin-user.id", "superadministrator")
                .withProperty("camunda.bpm.admin-user.password", "superadministrator"))).hasSize(1);
    }
}
