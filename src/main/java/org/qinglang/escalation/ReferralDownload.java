package org.qinglang.escalation;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One download of a case's referral package: the chain of custody of the evidence sent to the police. */
@Entity
@Table(name = "referral_download")
public class ReferralDownload {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String caseNumber;
    private String downloadedBy;
    private String channel;
    private String packageSha256;
    private Instant downloadedAt;

    protected ReferralDownload() {
    }

    public ReferralDownload(String caseNumber, String downloadedBy, String channel, String packageSha256,
            Instant downloadedAt) {
        this.caseNumber = caseNumber;
        this.downloadedBy = downloadedBy;
        this.channel = channel;
        this.packageSha256 = packageSha256;
        this.downloadedAt = downloadedAt;
    }

    public String getCaseNumber() {
        return caseNumber;
    }

    public String getDownloadedBy() {
        return downloadedBy;
    }

    public String getChannel() {
        return channel;
    }

    public String getPackageSha256() {
        return packageSha256;
    }

    public Instant getDownloadedAt() {
        return downloadedAt;
    }
}
