package org.qinglang.announcement;

import org.qinglang.common.EngineClock;
import org.qinglang.casefile.Complaint;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Publishes approved typical cases and lists them for the public, newest first. */
@Service
public class AnnouncementService {

    public static final int PAGE_SIZE = 20;

    private final AnnouncementRepository announcements;

    public AnnouncementService(AnnouncementRepository announcements) {
        this.announcements = announcements;
    }

    /** Publishes once per case; a retried step finds the announcement already there. */
    @Transactional
    public Announcement publish(Complaint complaint, String summary, String measures, String approvedBy,
            String summaryEditedBy) {
        return announcements.findByCaseNumber(complaint.getCaseNumber()).orElseGet(() -> announcements.save(
                new Announcement(complaint.getCaseNumber(), complaint.getCategory().name(),
                        complaint.getPlatformCode(), complaint.getAccountName(), summary, measures, approvedBy,
                        EngineClock.now()).proposedAs(complaint.getProposedSummary(), summaryEditedBy)));
    }

    /** The case's typical case, if published, leaves the board: the decision it reported was revoked. */
    @Transactional
    public void withdraw(String caseNumber, String reason) {
        announcements.findByCaseNumber(caseNumber).ifPresent(a -> a.withdraw(reason, EngineClock.now()));
    }

    /** The case's typical case reports the measures as changed on objection, where it reported the old ones. */
    @Transactional
    public void measuresChanged(String caseNumber, String before, String after) {
        announcements.findByCaseNumber(caseNumber).filter(a -> before.equals(a.getMeasures()))
                .ifPresent(a -> a.measuresChanged(after));
    }

    @Transactional(readOnly = true)
    public Page<Announcement> newestFirst(String category, String platform, int page) {
        return announcements.newestFirst(blankToNull(category), blankToNull(platform),
                PageRequest.of(Math.max(page, 0), PAGE_SIZE));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
