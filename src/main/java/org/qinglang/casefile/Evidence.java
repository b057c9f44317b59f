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

    /** An RFC 3161 time-stamp token over the SHA-256: proof the bytes existed then. */
    @Basic(fetch = FetchType.LAZY)
    private byte[] timestampToken;
    private Instant timestampedAt;
    private String timestampAuthority;
    /** What an image says of itself (EXIF/XMP): when it was taken, by what, edited with what. */
    private String imageTakenAt;
    private String imageCamera;
    private String imageSoftware;
    private Boolean imageHasLocation;
    /** A 64-bit perceptual hash: the same picture, resized or recompressed, hashes nearly the same. */
    private Long perceptualHash;

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

    public void timestamped(byte[] token, Instant at, String authority) {
        this.timestampToken = token;
        this.timestampedAt = at;
        this.timestampAuthority = authority;
    }

    public void describedImage(String takenAt, String camera, String software, boolean hasLocation, Long perceptualHash) {
        this.imageTakenAt = takenAt;
        this.imageCamera = camera;
        this.imageSoftware = software;
        this.imageHasLocation = hasLocation;
        this.perceptualHash = perceptualHash;
    }

    /** Whether the bytes still are what was received (null when erased under the retention rules). */
    public Boolean intact() {
        return content == null ? null : Sha256.hex(content).equals(sha256);
    }

    public byte[] getTimestampToken() {
        return timestampToken;
    }

    public Instant getTimestampedAt() {
        return timestampedAt;
    }

    public String getTimestampAuthority() {
        return timestampAuthority;
    }

    public String getImageTakenAt() {
        return imageTakenAt;
    }

    public String getImageCamera() {
        return imageCamera;
    }

    public String getImageSoftware() {
        return imageSoftware;
    }

    public Boolean getImageHasLocation() {
        return imageHasLocation;
    }

    public Long getPerceptualHash() {
        return perceptualHash;
    }
}
