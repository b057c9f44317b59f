package org.qinglang.intake;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.qinglang.casefile.CaseFiles;
import org.qinglang.casefile.CaseOrigin;
import org.qinglang.casefile.ComplaintCategory;
import org.qinglang.casefile.ComplaintSource;
import org.qinglang.casefile.Complaint;
import org.qinglang.casefile.ComplaintRepository;
import org.qinglang.casefile.Evidence;
import org.qinglang.casefile.EvidenceKind;
import org.qinglang.casefile.EvidenceTypes;
import org.qinglang.casefile.UrlNormalizer;
import org.qinglang.common.FormCopy;
import org.qinglang.common.Labels;
import org.qinglang.operations.CaseMetrics;
import org.qinglang.process.CaseVariables;
import org.qinglang.registry.Platform;
import org.qinglang.registry.PlatformChoices;
import org.qinglang.security.AccessTokens;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way a complaint becomes a case, whatever channel it came by: checks it, stores it with
 * its evidence, assigns the case number and starts complaint-handling, all in one transaction so
 * that a complaint is either fully accepted or not at all.
 */
@Service
public class IntakeService {


    private final ComplaintRepository complaints;
    private final CaseFiles caseFiles;
    private final PlatformChoices platforms;
    private final CaseNumbers caseNumbers;
    private final RuntimeService runtimeService;
    private final AccessTokens accessTokens;
    private final Labels labels;
    private final CaseMetrics metrics;

    public IntakeService(ComplaintRepository complaints, CaseFiles caseFiles, PlatformChoices platforms,
            CaseNumbers caseNumbers, RuntimeService runtimeService, AccessTokens accessTokens, Labels labels,
            CaseMetrics metrics) {
        this.metrics = metrics;
        this.complaints = complaints;
        this.caseFiles = caseFiles;
        this.platforms = platforms;
        this.caseNumbers = caseNumbers;
        this.runtimeService = runtimeService;
        this.accessTokens = accessTokens;
        this.labels = labels;
    }

    @Transactional
    public AcceptedComplaint submit(NewComplaint submission) {
        if (submission.externalMessageId() != null) {
            Optional<Complaint> earlier = complaints.findByExternalMessageId(submission.externalMessageId());
            if (earlier.isPresent()) {
                String caseNumber = earlier.get().getCaseNumber();
                return new AcceptedComplaint(caseNumber,
                        accessTokens.issue(AccessTokens.Purpose.COMPLAINANT_STATUS, caseNumber), true);
            }
        }
        Platform platform = platformOf(submission.platformCode());
        String normalizedUrl = normalized(submission.url());
        checkAttachments(submission);

        String caseNumber = caseNumbers.next();
        Complaint complaint = new Complaint(caseNumber, submission.source(), submission.category(),
                submission.reporterType(), platform.getCode(), submission.url().strip(), normalizedUrl,
                blankToNull(submission.accountName()), submission.description().strip(),
                submission.complainantName().strip(), submission.complainantEmail().strip(),
                blankToNull(submission.complainantPhone()));
        Evidence text = complaint.addEvidence(EvidenceKind.SUBMITTED_TEXT, "complaint.txt", "text/plain; charset=UTF-8",
                complaint.getDescription().getBytes(StandardCharsets.UTF_8), complaint.getContentUrl());
        complaint.preserveText(text.getSha256());
        for (NewComplaint.Attachment attachment : submission.attachments()) {
            complaint.addEvidence(EvidenceKind.ATTACHMENT, attachment.fileName(), attachment.contentType(),
                    attachment.content(), attachment.sourceUrl());
        }
        if (submission.externalMessageId() != null) {
            complaint.receivedAs(submission.externalMessageId());
        }
        complaint.reportedObject(submission.objectType(), submission.groupAdmin());
        complaint.rebuttal(submission.rebuttal());
        complaints.save(complaint);
        caseFiles.opened(complaint);

        runtimeService.createProcessInstanceByKey(CaseVariables.PROCESS_KEY)
                .businessKey(caseNumber)
                .setVariables(startVariables(complaint, platform))
                .execute();
        metrics.received(submission.source(), 1);
        return new AcceptedComplaint(caseNumber, accessTokens.issue(AccessTokens.Purpose.COMPLAINANT_STATUS, caseNumber),
                false);
    }

    /**
     * A lead without a complainant: opened by staff (media investigation, proactive screening) or
     * reported by a platform from its own inspection. It runs the same process as a complaint, from
     * registration and triage to verification and on; nobody is acknowledged or informed.
     */
    @Transactional
    public String openLead(Lead lead) {
        if (lead.origin() == null || lead.origin() == CaseOrigin.COMPLAINT) {
            throw new InvalidComplaintException("origin", "a lead comes from a media investigation, a screening or a platform");
        }
        if (lead.description() == null || lead.description().isBlank() || lead.category() == null) {
            throw new InvalidComplaintException(lead.category() == null ? "category" : "description", "required");
        }
        Platform platform = platformOf(lead.platformCode());
        String normalizedUrl = normalized(lead.url());
        String caseNumber = caseNumbers.next();
        Complaint complaint = Complaint.lead(caseNumber, lead.source(), lead.origin(), lead.category(), platform.getCode(),
                lead.url().strip(), normalizedUrl, blankToNull(lead.accountName()), lead.description().strip(),
                blankToNull(lead.sourceNote()), lead.openedBy());
        Evidence text = complaint.addEvidence(EvidenceKind.SUBMITTED_TEXT, "lead.txt", "text/plain; charset=UTF-8",
                complaint.getDescription().getBytes(StandardCharsets.UTF_8), complaint.getContentUrl());
        complaint.preserveText(text.getSha256());
        complaints.save(complaint);
        caseFiles.opened(complaint);
        Map<String, Object> variables = startVariables(complaint, platform);
        variables.put(CaseVariables.CASE_ORIGIN, lead.origin().name());
        runtimeService.createProcessInstanceByKey(CaseVariables.PROCESS_KEY).businessKey(caseNumber)
                .setVariables(variables).execute();
        metrics.received(lead.source(), 1);
        return caseNumber;
    }

    private Platform platformOf(String code) {
        return platforms.find(code == null ? "" : code)
                .orElseThrow(() -> new InvalidComplaintException("platform", "unknown platform"));
    }

    private static String normalized(String url) {
        try {
            return UrlNormalizer.normalize(url);
        } catch (IllegalArgumentException e) {
            throw new InvalidComplaintException("url", e.getMessage());
        }
    }

    /** What staff or a platform say about a lead. */
    public record Lead(ComplaintSource source, CaseOrigin origin, ComplaintCategory category, String platformCode,
            String url, String accountName, String description, String sourceNote, String openedBy) {
    }

    private void checkAttachments(NewComplaint submission) {
        if (submission.attachments().size() > EvidenceTypes.MAX_ATTACHMENTS) {
            throw new InvalidComplaintException("evidence", "at most " + EvidenceTypes.MAX_ATTACHMENTS + " attachments");
        }
        for (int i = 0; i < submission.attachments().size(); i++) {
            NewComplaint.Attachment attachment = submission.attachments().get(i);
            String field = "evidence[" + i + "]";
            if (attachment.content() == null || attachment.content().length == 0) {
                throw new InvalidComplaintException(field + ".content", "empty attachment");
            }
            if (attachment.content().length > EvidenceTypes.MAX_BYTES) {
                throw new InvalidComplaintException(field + ".content", "larger than 10 MB");
            }
            String type = attachment.contentType() == null ? "" : attachment.contentType().split(";")[0].strip();
            if (!EvidenceTypes.ACCEPTED.contains(type)) {
                throw new InvalidComplaintException(field + ".contentType",
                        "accepted types are " + String.join(", ", EvidenceTypes.ACCEPTED.stream().sorted().toList()));
            }
            // The declared type must be what the one rule makes of the bytes, so no file passes as an image.
            if (!type.equals(EvidenceTypes.accepted(type, attachment.content()))) {
                throw new InvalidComplaintException(field + ".content", "the content is not a " + type + " file");
            }
        }
    }

    /** The variables a case's process starts with, from its case file (also when a review reopens it). */
    public Map<String, Object> startVariables(Complaint complaint, Platform platform) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(CaseVariables.CASE_NUMBER, complaint.getCaseNumber());
        variables.put(CaseVariables.CATEGORY, complaint.getCategory().name());
        variables.put(CaseVariables.CATEGORY_LABEL, labels.category(complaint.getCategory()));
        variables.put(CaseVariables.PLATFORM_CODE, platform.getCode());
        variables.put(CaseVariables.PLATFORM_NAME, platform.displayName());
        variables.put(CaseVariables.ACCOUNT_NAME, complaint.getAccountName());
        variables.put(CaseVariables.CONTENT_URL, complaint.getContentUrl());
        variables.put(CaseVariables.DESCRIPTION, FormCopy.of(complaint.getDescription()));
        variables.put(CaseVariables.ANNOUNCE, false);
        variables.put(CaseVariables.OBJECT_TYPE, complaint.getObjectType().name());
        variables.put(CaseVariables.GROUP_ADMIN, complaint.getGroupAdmin());
        variables.put(CaseVariables.HAS_REBUTTAL, complaint.getRebuttal() != null);
        if (complaint.getRebuttal() != null) {
            variables.put(CaseVariables.REBUTTAL_TEXT, FormCopy.of(complaint.getRebuttal()));
        }
        return variables;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
