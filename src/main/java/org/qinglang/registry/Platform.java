package org.qinglang.registry;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** A platform with primary responsibility (主体责任) for the content it hosts. */
@Entity
@Table(name = "platform")
public class Platform {

    /** The platform of links on no registered platform's domains. */
    public static final String UNREGISTERED = "unregistered";

    @Id
    private String code;
    private String nameZh;
    private String nameEn;
    private String contactEmail;
    private String domains;

    protected Platform() {
    }

    public Platform(String code, String nameZh, String nameEn, String contactEmail, String domains) {
        this.code = code;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.contactEmail = contactEmail;
        this.domains = domains;
    }

    public String getCode() {
        return code;
    }

    public String getNameZh() {
        return nameZh;
    }

    public String getNameEn() {
        return nameEn;
    }

    /** Chinese and English name together, as shown in task names and notices. */
    public String displayName() {
        return nameZh + " " + nameEn;
    }

    public String name(Locale locale) {
        return Locale.CHINESE.getLanguage().equals(locale.getLanguage()) ? nameZh : nameEn;
    }

    public String getContactEmail() {
        return contactEmail;
    }

    /** Whether the link lies on one of this platform's domains (any link, for a platform without domains). */
    public boolean hostsLink(String url) {
        List<String> domains = domainList();
        if (domains.isEmpty()) {
            return true;
        }
        String host;
        try {
            host = java.net.URI.create(url.strip()).getHost();
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (host == null) {
            return false;
        }
        String lower = host.toLowerCase(java.util.Locale.ROOT);
        return domains.stream().map(d -> d.toLowerCase(java.util.Locale.ROOT))
                .anyMatch(d -> lower.equals(d) || lower.endsWith("." + d));
    }

    public List<String> domainList() {
        return Arrays.stream(domains.split(",")).map(String::trim).filter(d -> !d.isEmpty()).toList();
    }
}
