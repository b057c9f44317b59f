package org.qinglang.casefile;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.qinglang.common.EngineClock;
import org.qinglang.common.Sha256;

/** One preserved piece of evidence; its SHA-256 is taken when it is received and never changes. */
@Entity
@Table(name = "evidence")
public class Evidence {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "complaint_id")
    private Complaint complaint;

    @Enumerated(EnumType.STRING)
    private EvidenceKind kind;

    private String fileName;
    private String contentType;

    @Column(name = "size_bytes")
    private long sizeBytes;

    private String sha256;

    @Basic(fetch = FetchType.LAZY)
    private byte[] content;

    private String sourceUrl;
    private Instant createdAt;

    protected Evidence() {
    }

    Evidence(Complaint complaint, EvidenceKind kind, String fileName, String contentType, byte[] content,
            String sourceUrl) {
        this.complaint = complaint;
        this.kind = kind;
        this.fileName = fileName;
        this.contentType = contentType;
        this.content = content;
        this.sizeBytes = content.length;
        this.sha256 = Sha256.hex(content);
        this.sourceUrl = sourceUrl;
        this.createdAt = EngineClock.now();
    }

    public Long getId() {
        return id;
    }

    public EvidenceKind getKind() {
        return kind;
    }

    public String getFileName() {
        return fileName;
    }

    public String getContentType() {
        return contentType;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public String getSha256() {
        return sha256;
    }

    public byte[] getContent() {
        return content;
    }

    public String getSourceUrl() {
        return sourceUrl;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Complaint getComplaint() {
        return complaint;
    }
}
