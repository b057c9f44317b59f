package org.qinglang.casefile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes evidence hold up: every piece's hash gets an RFC 3161 time-stamp, every image its capture
 * date, camera, software and perceptual hash. A sweep does it shortly after the evidence arrives, in
 * a transaction of its own, so that intake never waits for a time-stamping authority; and it answers
 * where a picture appeared before.
 */
@Service
public class EvidenceExamination {

    private static final Logger log = LoggerFactory.getLogger(EvidenceExamination.class);

    /** An earlier appearance of the same picture: in which case, when received, how close. */
    public record EarlierPicture(String caseNumber, long evidenceId, Instant receivedAt, int distance) {
    }

    private final ComplaintRepository complaints;
    private final EvidenceTimestamps timestamps;
    private final JdbcTemplate jdbc;
    private final org.springframework.transaction.support.TransactionTemplate transaction;

    public EvidenceExamination(ComplaintRepository complaints, EvidenceTimestamps timestamps, JdbcTemplate jdbc,
            org.springframework.transaction.support.TransactionTemplate transaction) {
        this.complaints = complaints;
        this.timestamps = timestamps;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /** Within the caller's transaction: the case's evidence not yet examined. */
    public void examine(Complaint complaint) {
        for (Evidence evidence : complaint.getEvidence()) {
            if (evidence.getContent() == null) {
                continue;
            }
            if (evidence.getTimestampToken() == null) {
                EvidenceTimestamps.Stamp stamp = timestamps.stamp(evidence.getSha256());
                evidence.timestamped(stamp.token(), stamp.at(), stamp.authority());
            }
            String type = evidence.getContentType() == null ? "" : evidence.getContentType().toLowerCase(java.util.Locale.ROOT);
            if (type.startsWith("image/") && evidence.getPerceptualHash() == null) {
                ImageEvidence.Description image = ImageEvidence.describe(evidence.getContent());
                evidence.describedImage(image.takenAt(), image.camera(), image.software(), image.hasLocation(),
                        image.perceptualHash());
            }
        }
    }

    /** Evidence not yet examined, of any case, whenever it arrived: within a minute. */
    @Scheduled(fixedDelayString = "${qinglang.evidence.examine-every:PT1M}",
            initialDelayString = "${qinglang.evidence.examine-every:PT1M}")
    public void sweep() {
        List<String> pending = jdbc.queryForList("""
                SELECT DISTINCT c.case_number FROM evidence e JOIN complaint c ON c.id = e.complaint_id
                WHERE e.timestamp_token IS NULL AND e.content IS NOT NULL FETCH FIRST 200 ROWS ONLY""", String.class);
        for (String caseNumber : pending) {
            try {
                transaction.executeWithoutResult(status -> complaints.findByCaseNumber(caseNumber).ifPresent(this::examine));
            } catch (RuntimeException e) {
                log.warn("Evidence of {} not examined yet: {}", caseNumber, e.getMessage());
            }
        }
    }

    /** Where the same or a near-identical picture appeared in other cases, oldest first. */
    @Transactional(readOnly = true)
    public List<EarlierPicture> earlierAppearances(Evidence evidence) {
        if (evidence.getPerceptualHash() == null) {
            return List.of();
        }
        long hash = evidence.getPerceptualHash();
        List<EarlierPicture> found = new ArrayList<>();
        jdbc.query("""
                SELECT c.case_number, e.id, e.created_at, e.perceptual_hash FROM evidence e
                JOIN complaint c ON c.id = e.complaint_id
                WHERE e.perceptual_hash IS NOT NULL AND e.id <> ? AND c.case_number <> ?
                ORDER BY e.created_at""", row -> {
                    int distance = ImageEvidence.distance(hash, row.getLong(4));
                    if (distance <= ImageEvidence.SAME_PICTURE) {
                        found.add(new EarlierPicture(row.getString(1), row.getLong(2), row.getTimestamp(3).toInstant(),
                                distance));
                    }
                }, evidence.getId(), evidence.getComplaint().getCaseNumber());
        return found;
    }
}
