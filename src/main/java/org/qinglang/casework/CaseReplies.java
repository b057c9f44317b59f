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

    private final MeasureConfirmationRepository confirmations;
    private final org.qinglang.common.Labels labels;

    public CaseReplies(CaseFiles caseFiles, RuntimeService runtimeService, MeasureConfirmationRepository confirmations,
            org.qinglang.common.Labels labels) {
        this.caseFiles = caseFiles;
        this.runtimeService = runtimeService;
        this.confirmations = confirmations;
        this.labels = labels;
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
        platformResponded(caseNumber, text, attachments, List.of());
    }

    /**
     * The platform's report, with what it says of each measure it was ordered to take (kept one by one,
     * and put before its text for the case worker who reviews it).
     */
    @Transactional
    public void platformResponded(String caseNumber, String text, List<Attachment> attachments,
            List<MeasureConfirmation.Report> measures) {
        Complaint complaint = caseFiles.get(caseNumber);
        if (complaint.getStage() != CaseStage.PLATFORM_NOTIFIED) {
            throw new CaseNotAwaitingException(caseNumber, "a platform response");
        }
        java.time.Instant now = org.qinglang.common.EngineClock.now();
        StringBuilder report = new StringBuilder();
        List<Attachment> files = new java.util.ArrayList<>(attachments);
        for (MeasureConfirmation.Report measure : measures) {
            // Each file given for a measure is evidence of the case, named after the measure it proves.
            List<String> proofNames = new java.util.ArrayList<>();
            for (Attachment proof : measure.proofs()) {
                String name = measure.measure() + "-" + proof.fileName();
                files.add(new Attachment(name, proof.contentType(), proof.content(), proof.sourceUrl()));
                proofNames.add(name);
            }
            confirmations.save(new MeasureConfirmation(caseNumber, measure, now, proofNames));
            report.append(measure.executed() ? "✓ " : "✗ ").append(labels.measure(measure.measure()))
                    .append(measure.executedAt() == null ? "" : " · " + org.qinglang.mail.CaseMail.formatTime(
                            measure.executedAt()))
                    .append(measure.note() == null ? "" : " · " + measure.note())
                    .append(proofNames.isEmpty() ? "" : " · " + labels.bilingual("casefile.evidence") + ": "
                            + String.join(", ", proofNames))
                    .append('\n');
        }
        String full = report.isEmpty() ? text : labels.bilingual("platform-report.measures") + ":\n" + report + "\n" + text;
        preserve(complaint, EvidenceKind.PLATFORM_RESPONSE, full, files);
        complaint.platformResponded();
        correlate(caseNumber, CaseVariables.MESSAGE_PLATFORM_RESPONDED, CaseVariables.PLATFORM_RESPONSE_TEXT, full,
                complaint);
    }

    /** What the case worker asked the complainant for, while the case waits for it. */
    public java.util.Optional<String> informationRequest(String caseNumber) {
        Object note = variablesOfCase(caseNumber, CaseVariables.VERIFICATION_NOTE).get(CaseVariables.VERIFICATION_NOTE);
        return java.util.Optional.ofNullable(note).map(String::valueOf);
    }

    /** The measures the platform was ordered to take, which its report answers one by one. */
    public List<String> orderedMeasures(String caseNumber) {
        // The latest notice's orders; cases noticed before those were kept answer the triage's measures.
        Map<String, Object> values = variablesOfCase(caseNumber, CaseVariables.ORDERED_MEASURES,
                CaseVariables.REQUIRED_MEASURES);
        return org.qinglang.registry.MeasureCodes.parse(values.getOrDefault(CaseVariables.ORDERED_MEASURES,
                values.get(CaseVariables.REQUIRED_MEASURES)));
    }

    /** These variables of the case's running complaint-handling process, by name (none while it runs not). */
    private Map<String, Object> variablesOfCase(String caseNumber, String... names) {
        String[] instances = runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(caseNumber, CaseVariables.PROCESS_KEY).list().stream()
                .map(p -> p.getId()).toArray(String[]::new);
        Map<String, Object> values = new java.util.HashMap<>();
        if (instances.length > 0) {
            runtimeService.createVariableInstanceQuery().processInstanceIdIn(instances).variableNameIn(names).list()
                    .forEach(v -> values.putIfAbsent(v.getName(), v.getValue()));
        }
        return values;
    }

    /**
     * The ordered measures (as people read them) that the platform's latest report says were not
     * carried out; empty when it carried out all or reported without per-measure entries (by mail).
     */
    public List<String> measuresNotCarriedOut(String caseNumber) {
        List<MeasureConfirmation> all = confirmations.findForCase(caseNumber);
        if (all.isEmpty()) {
            return List.of();
        }
        java.time.Instant latest = all.get(all.size() - 1).getReportedAt();
        return all.stream().filter(c -> c.getReportedAt().equals(latest) && !c.isExecuted())
                .map(c -> labels.measure(c.getMeasure())).toList();
    }

    public List<MeasureConfirmation> confirmationsOf(String caseNumber) {
        return confirmations.findForCase(caseNumber);
    }

    private void preserve(Complaint complaint, EvidenceKind kind, String text, List<Attachment> attachments) {
        complaint.addEvidence(kind, kind.textFileName(), "text/plain; charset=UTF-8",
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
                            FormCopy.of(CaseFiles.evidenceSummary(complaint, labels))))
                    .correlate();
        } catch (MismatchingMessageCorrelationException e) {
            throw new CaseNotAwaitingException(caseNumber, message);
        }
    }
}
