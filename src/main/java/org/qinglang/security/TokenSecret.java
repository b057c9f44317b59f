package org.qinglang.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.springframework.core.env.Environment;

/**
 * The key that signs complainants' and platforms' links. An installation sets its own
 * ({@code qinglang.security.token-secret}, at least 32 characters). Only the embedded demo (H2 and
 * demo users) may go without: it makes a random one and keeps it beside its database, so links
 * survive a restart. Any other start without a secret, or with a short or published one, fails:
 * a known key would let anyone forge any link.
 */
final class TokenSecret {

    /** Once the documented default; refused everywhere, as anyone can read it. */
    static final String PUBLISHED = "dev-only-secret-change-me-in-production";
    static final int MINIMUM_LENGTH = 32;

    private TokenSecret() {
    }

    /** A secret of the installation's own: long enough, and not the published one. */
    static boolean isOwn(String secret) {
        String stripped = secret == null ? "" : secret.strip();
        return !stripped.equals(PUBLISHED) && stripped.length() >= MINIMUM_LENGTH;
    }

    static String resolve(Environment env) {
        String configured = env.getProperty("qinglang.security.token-secret", "").strip();
        if (isOwn(configured)) {
            return configured;
        }
        if (!configured.isEmpty() || !isEmbeddedDemo(env)) {
            throw new IllegalStateException("qinglang.security.token-secret must be set to a secret of at least "
                    + MINIMUM_LENGTH + " characters of the installation's own (QINGLANG_SECURITY_TOKEN_SECRET)");
        }
        String url = env.getProperty("spring.datasource.url", "");
        if (url.startsWith("jdbc:h2:mem:")) {
            return random();
        }
        return keptBeside(Path.of(env.getProperty("qinglang.security.token-secret-file", "./data/token-secret")));
    }

    static boolean isEmbeddedDemo(Environment env) {
        return env.getProperty("spring.datasource.url", "").startsWith("jdbc:h2:")
                && env.getProperty("qinglang.demo.enabled", Boolean.class, false);
    }

    private static String keptBeside(Path file) {
        try {
            if (Files.isRegularFile(file)) {
                String kept = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (kept.length() >= MINIMUM_LENGTH) {
                    return kept;
                }
            }
            String secret = random();
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, secret, StandardCharsets.UTF_8);
            return secret;
        } catch (IOException e) {
            throw new IllegalStateException("cannot keep the demo's token secret in " + file, e);
        }
    }

    private static String random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
