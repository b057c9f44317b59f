package org.qinglang.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** In production the application does not start with a password or secret anyone could know. */
@Component
@Profile("prod")
public class ProductionSafety {

    static final Set<String> KNOWN_PASSWORDS = Set.of("", "demo", "admin", "password", "qinglang", "complaints",
            "changeme", "secret", "123456");

    public ProductionSafety(Environment environment) {
        List<String> problems = problems(environment);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start in production: " + String.join("; ", problems));
        }
    }

    static List<String> problems(Environment env) {
        List<String> problems = new ArrayList<>();
        if (env.getProperty("qinglang.demo.enabled", Boolean.class, false)) {
            problems.add("demo users are enabled (qinglang.demo.enabled)");
        }
        if (!TokenSecret.isOwn(env.getProperty("qinglang.security.token-secret", ""))) {
            problems.add("qinglang.security.token-secret must be set to a secret of at least 32 characters");
        }
        String adminId = env.getProperty("camunda.bpm.admin-user.id", "");
        String adminPassword = env.getProperty("camunda.bpm.admin-user.password", "");
        if (!adminId.isBlank() && (weak(adminPassword) || adminPassword.equals(adminId))) {
            problems.add("camunda.bpm.admin-user.password is missing, a default, or shorter than 12 characters");
        }
        if (weak(env.getProperty("spring.datasource.password", ""))
                && !env.getProperty("spring.datasource.url", "").startsWith("jdbc:h2:")) {
            problems.add("spring.datasource.password is missing or a default");
        }
        if (env.getProperty("qinglang.mail.intake.enabled", Boolean.class, true)
                && weak(env.getProperty("qinglang.mail.intake.password", ""))) {
            problems.add("qinglang.mail.intake.password is missing or a default");
        }
        return problems;
    }

    private static boolean weak(String password) {
        return password == null || KNOWN_PASSWORDS.contains(password.toLowerCase()) || password.length() < 12;
    }
}
