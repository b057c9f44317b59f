package org.qinglang.escalation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.qinglang.casefile.CaseFiles;
import org.qinglang.casefile.Complaint;
import org.qinglang.casefile.Evidence;
import org.qinglang.common.EngineClock;
import org.qinglang.common.FileNames;
import org.qinglang.common.Labels;
import org.qinglang.common.Sha256;
import org.qinglang.registry.PlatformRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The referral of a criminal lead as one package (线索通报): the case summary and every piece of
 * evidence as received, with a SHA-256 manifest ({@code sha256sum -c manifest.sha256} checks it), as a
 * ZIP. Every download is recorded (who, when, by which channel, the package's own SHA-256): the chain
 * of custody of what the police received.
 */
@Service
public class ReferralPackages {

    /** A download through the signed link in the referral mail. */
    public static final String POLICE_LINK = "POLICE_LINK";
    public static final String STAFF = "STAFF";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    public record Package(String fileName, byte[] zip, String sha256) {
    }

    private final CaseFiles caseFiles;
    private final PlatformRepository platforms;
    private final ReferralDownloadRepository downloads;
    private final Labels labels;

    public ReferralPackages(CaseFiles caseFiles, PlatformRepository platforms, ReferralDownloadRepository downloads,
            Labels labels) {
        this.caseFiles = caseFiles;
        this.platforms = platforms;
        this.downloads = downloads;
        this.labels = labels;
    }

    /** The package of a referred case, for this downloader, recorded before it is handed out. */
    @Transactional
    public Package download(String caseNumber, String downloadedBy, String channel) {
        Complaint complaint = caseFiles.get(caseNumber);
        if (!complaint.isCriminalLead()) {
            throw new org.qinglang.casefile.CaseNotFoundException(caseNumber);
        }
        Package built = build(complaint);
        downloads.save(new ReferralDownload(caseNumber, downloadedBy, channel, built.sha256(), EngineClock.now()));
        return built;
    }

    public List<ReferralDownload> downloadsOf(String caseNumber) {
        return downloads.findForCase(caseNumber);
    }

    Package build(Complaint complaint) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("summary.txt", summary(complaint).getBytes(StandardCharsets.UTF_8));
        int n = 0;
        for (Evidence evidence : complaint.getEvidence()) {
            String name = FileNames.safe(evidence.getFileName(), "evidence");
            if (evidence.getTimestampToken() != null) {
                // Its RFC 3161 time-stamp token (DER), which any TSP tool verifies against the file's hash.
                files.put("evidence/%02d-%s.tsr".formatted(n + 1, name), evidence.getTimestampToken());
            }
            files.put("evidence/%02d-%s".formatted(++n, name), evidence.getContent() != null ? evidence.getContent()
                    // Erased when its retention period ended: what it was stays on record.
                    : ("erased; sha256 " + evidence.getSha256() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        StringBuilder manifest = new StringBuilder();
        files.forEach((path, bytes) -> manifest.append(Sha256.hex(bytes)).append("  ").append(path).append('\n'));
        files.put("manifest.sha256", manifest.toString().getBytes(StandardCharsets.UTF_8));

        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                ZipEntry entry = new ZipEntry(file.getKey());
                // Fixed times: the same case file gives the same package, byte for byte.
                entry.setTime(complaint.getCreatedAt().toEpochMilli());
                out.putNextEntry(entry);
                out.write(file.getValue());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] bytes = zip.toByteArray();
        return new Package(complaint.getCaseNumber() + "-referral.zip", bytes, Sha256.hex(bytes));
    }

    private String summary(Complaint c) {
        String platform = platforms.findById(c.getPlatformCode()).map(p -> p.displayName()).orElse(c.getPlatformCode());
        StringBuilder text = new StringBuilder();
        text.append("违法犯罪线索通报 Referral of a criminal lead\n\n")
                .append("案件编号 Case: ").append(c.getCaseNumber()).append('\n')
                .append("受理时间 Received (Beijing time): ").append(TIME.format(c.getCreatedAt())).append('\n')
                .append("类别 Category: ").append(labels.category(c.getCategory())).append('\n');
        if (c.getCriminalOffence() != null) {
            text.append("涉嫌罪名 Suspected offence: ").append(labels.bilingual("offence." + c.getCriminalOffence()))
                    .append('\n');
        }
        text.append("平台 Platform: ").append(platform).append('\n')
                .append("账号 Account: ").append(c.getAccountName() == null ? "-" : c.getAccountName()).append('\n')
                .append("内容 Content: ").append(c.getContentUrl()).append('\n')
                .append("属地网信部门 Office: ").append(c.getResponsibleOffice()).append("\n\n")
                .append("举报内容 Complaint:\n").append(c.getDescription()).append("\n\n")
                .append("举报人（保密）Complainant (confidential): ").append(c.getComplainantName()).append(" <")
                .append(c.getComplainantEmail()).append(">")
                .append(c.getComplainantPhone() == null ? "" : ", " + c.getComplainantPhone()).append("\n\n")
                .append("证据 Evidence: evidence/, SHA-256 in manifest.sha256 (sha256sum -c manifest.sha256)\n");
        return text.toString();
    }
}
