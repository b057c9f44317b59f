package org.qinglang.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The mailbox complaints and replies arrive in, and how it is watched. */
@ConfigurationProperties("qinglang.mail.intake")
public record MailIntakeSettings(boolean enabled, boolean watch, String protocol, String host, int port,
        String username, String password, String address, String folder, Duration pollInterval,
        long maxMessageBytes) {
}
