package org.qinglang.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.qinglang.common.EngineClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Signed, expiring tokens for the private links sent to complainants and platforms. Nothing is
 * stored: the token carries its expiry and an HMAC over purpose, case and expiry.
 */
@Component
public class AccessTokens {

    public enum Purpose {
        COMPLAINANT_STATUS,
        PLATFORM_RESPONSE,
        /** The police liaison's link to a referral package. */
        POLICE_REFERRAL,
        /** The account holder's link to object to an enforcement decision. */
        ACCOUNT_OBJECTION,
        /** A platform's link to report what its own inspection found (自查自纠); the subject is the platform. */
        PLATFORM_SELF_INSPECTION
    }

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);
    private final Duration statusValidity;
    private final Duration platformValidity;

    @Autowired
    public AccessTokens(Environment environment,
            @Value("${qinglang.security.status-token-validity}") Duration statusValidity,
            @Value("${qinglang.security.platform-token-validity}") Duration platformValidity) {
        this(TokenSecret.resolve(environment), statusValidity, platformValidity);
    }

    AccessTokens(String secret, Duration statusValidity, Duration platformValidity) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.statusValidity = statusValidity;
        this.platformValidity = platformValidity;
    }

    public String issue(Purpose purpose, String caseNumber) {
        Duration validity = purpose == Purpose.COMPLAINANT_STATUS ? statusValidity : platformValidity;
        long expiresAt = EngineClock.now().plus(validity).getEpochSecond();
        byte[] expiry = ByteBuffer.allocate(Long.BYTES).putLong(expiresAt).array();
        return ENCODER.encodeToString(expiry) + "." + ENCODER.encodeToString(sign(purpose, caseNumber, expiresAt));
    }

    public boolean isValid(Purpose purpose, String caseNumber, String token) {
        if (token == null || caseNumber == null) {
            return false;
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 2) {
            return false;
        }
        try {
            byte[] expiry = DECODER.decode(parts[0]);
            if (expiry.length != Long.BYTES) {
                return false;
            }
            long expiresAt = ByteBuffer.wrap(expiry).getLong();
            boolean signatureMatches = MessageDigest.isEqual(sign(purpose, caseNumber, expiresAt),
                    DECODER.decode(parts[1]));
            return signatureMatches && Instant.ofEpochSecond(expiresAt).isAfter(EngineClock.now());
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    /**
     * The secret part of the Message-ID of a message about a case: only its recipient has seen it, and
     * mail clients quote it in In-Reply-To and References, so a reply carrying it answers our message.
     */
    public String mailReference(String kind, String caseNumber) {
        byte[] mac = macs.get().doFinal(("MAIL|" + kind + "|" + caseNumber).getBytes(StandardCharsets.UTF_8));
        return java.util.HexFormat.of().formatHex(mac, 0, 12);
    }

    public boolean isValidMailReference(String kind, String caseNumber, String reference) {
        return reference != null && MessageDigest.isEqual(mailReference(kind, caseNumber)
                .getBytes(StandardCharsets.US_ASCII), reference.toLowerCase(java.util.Locale.ROOT)
                .getBytes(StandardCharsets.US_ASCII));
    }

    private byte[] sign(Purpose purpose, String caseNumber, long expiresAt) {
        // doFinal leaves the Mac ready for the next message with the same key.
        return macs.get().doFinal((purpose + "|" + caseNumber + "|" + expiresAt).getBytes(StandardCharsets.UTF_8));
    }

    /** One Mac per thread: looking the algorithm up through the security providers every time costs more. */
    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }
}
