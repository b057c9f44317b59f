package org.qinglang.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Addresses Qinglang sends from and to, and the embedded mail server of the default setup. */
@ConfigurationProperties("qinglang.mail")
public record MailSettings(String from, String domain, String policeLiaison, Embedded embedded) {

    public record Embedded(boolean enabled, int smtpPort, int imapPort) {
    }
}
