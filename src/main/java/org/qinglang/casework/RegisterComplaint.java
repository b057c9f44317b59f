package org.qinglang.casework;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.qinglang.casefile.CaseFiles;
import org.qinglang.casefile.Complaint;
import org.qinglang.casefile.Evidence;
import org.qinglang.common.FormCopy;
import org.qinglang.common.Sha256;
import org.qinglang.process.CaseVariables;
import org.qinglang.registry.PlatformChoices;
import org.qinglang.registry.ViolationRegister;
import org.springframework.stereotype.Component;

/**
 * Seals the case file: every piece of evidence must still match the SHA-256 taken when it was
 * received (a mismatch stops the case with an incident rather than working on altered evidence),
 * and the case worker gets the evidence list and the account's history on the task.
 */
@Component("registerComplaint")
public class RegisterComplaint implements JavaDelegate {

    private final CaseFiles caseFiles;
    private final ViolationRegister violationRegister;
    private final PlatformChoices platforms;

    private final org.qinglang.common.Labels labels;

    public RegisterComplaint(CaseFiles caseFiles, ViolationRegister violationRegister, PlatformChoices platforms,
            org.qinglang.common.Labels labels) {
        this.labels = labels;
        this.caseFiles = caseFiles;
        this.violationRegister = violationRegister;
        this.platforms = platforms;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Complaint complaint = caseFiles.get(execution.getProcessBusinessKey());
        for (Evidence evidence : complaint.getEvidence()) {
            if (evidence.getContent() != null && !Sha256.hex(evidence.getContent()).equals(evidence.getSha256())) {
                throw new IllegalStateException("evidence " + evidence.getId() + " of " + complaint.getCaseNumber()
                        + " no longer matches its SHA-256");
            }
        }
        execution.setVariable(CaseVariables.EVIDENCE_SUMMARY, FormCopy.of(CaseFiles.evidenceSummary(complaint, labels)));
        execution.setVariable(CaseVariables.ACCOUNT_HISTORY, FormCopy.of(violationRegister.historySummary(complaint)));
        execution.setVariable(CaseVariables.PLATFORM_OPTIONS, platformOptions());
    }

    /** The choices of the platform field in the verify form (a Camunda Forms select by valuesKey). */
    private JsonValue platformOptions() {
        return SpinValues.jsonValue(platforms.asJson()).create();
    }
}
