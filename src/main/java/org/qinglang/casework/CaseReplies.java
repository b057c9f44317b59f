package org.qinglang.casework;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.qinglang.casefile.CaseFiles;
import org.qinglang.casefile.CaseStage;
import org.qinglang.casefile.Complaint;
import org.qinglang.casefile.EvidenceKind;
import org.qinglang.common.FormCopy;
import org.qinglang.intake.NewComplaint.Attachment;
import org.qinglang.process.CaseNotAwaitingException;
import org.qinglang.process.CaseVariables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Brings answers into their waiting case, from whatever channel: the complainant's additional
 * information ({@code ComplainantReplied}) and the platform's rectification report
 * ({@code PlatformResponded}). The text and attachments are preserved as evidence first.
 */
@Service
public class CaseReplies {

    private final CaseFiles caseFiles;
    private final RuntimeService runtimeService;

    public CaseReplies(CaseFiles caseFiles, RuntimeService runtimeService) {
        this.caseFiles = caseFiles;
        this.runtimeService = runtimeService;
    }

    @Transactional
    public void complainantReplied(String caseNumber, String text, List<Attachment> attachments) {
        Complaint complaint = caseFiles.get(caseNumber);
        if (complaint.getStage() != CaseStage.AWAITING_INFORMATION) {
            throw new CaseNotAwaitingException(caseNumber, "information from the complainant");
        }
        preserve(complaint, EvidenceKind.COMPLAINANT_REPLY, text, attachments);
        complaint.moveTo(CaseStage.UNDER_VERIFICATION);
        correlate(caseNumber, CaseVariables.MESSAGE_COMPLAINANT_REPLIED, CaseVariables.COMPLAINANT_REPLY_TEXT, text,
                complaint);
    }

    @Transactional
    public void platformResponded(String caseNumber, String text, List<Attachment> attachments) {
        Complaint complaint = caseFiles.get(caseNumber);
        if (complaint.getStage() != CaseStage.PLATFORM_NOTIFIED) {
            throw new CaseNotAwaitingException(caseNumber, "a platform response");
        }
        preserve(complaint, EvidenceKind.PLATFORM_RESPONSE, text, attachments);
        complaint.platformResponded();
        correlate(caseNumber, CaseVariables.MESSAGE_PLATFORM_RESPONDED, CaseVariables.PLATFORM_RESPONSE_TEXT, text,
                complaint);
    }

    private void preserve(Complaint complaint, EvidenceKind kind, String text, List<Attachment> attachments) {
        complaint.addEvidence(kind, kind.name().toLowerCase() + ".txt", "text/plain; charset=UTF-8",
                text.getBytes(StandardCharsets.UTF_8), null);
        for (Attachment attachment : attachments) {
            complaint.addEvidence(kind, attachment.fileName(), attachment.contentType(), attachment.content(),
                    attachment.sourceUrl());
        }
    }

    private void correlate(String caseNumber, String message, String variable, String text, Complaint complaint) {
        try {
            runtimeService.createMessageCorrelation(message)
                    .processInstanceBusinessKey(caseNumber)
                    .setVariables(Map.of(variable, FormCopy.of(text), CaseVariables.EVIDENCE_SUMMARY,
                            FormCopy.of(CaseFiles.evidenceSummary(complaint)), CaseVariables.EVIDENCE_LINKS,
                            FormCopy.of(caseFiles.evidenceLinks(complaint))))
                    .correlate();
        } catch (MismatchingMessageCorrelationException e) {
            throw new CaseNotAwaitingException(caseNumber, message);
        }
    }
}
