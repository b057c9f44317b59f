package org.qinglang.casework;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.qinglang.common.Sha256;
import org.qinglang.intake.CaseFiles;
import org.qinglang.intake.Complaint;
import org.qinglang.intake.Evidence;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.qinglang.registry.PlatformRepository;
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
    private final PlatformRepository platforms;

    public RegisterComplaint(CaseFiles caseFiles, ViolationRegister violationRegister, PlatformRepository platforms) {
        this.caseFiles = caseFiles;
        this.violationRegister = violationRegister;
        this.platforms = platforms;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Complaint complaint = caseFiles.get(execution.getProcessBusinessKey());
        for (Evidence evidence : complaint.getEvidence()) {
            if (!Sha256.hex(evidence.getContent()).equals(evidence.getSha256())) {
                throw new IllegalStateException("evidence " + evidence.getId() + " of " + complaint.getCaseNumber()
                        + " no longer matches its SHA-256");
            }
        }
        execution.setVariable(CaseVariables.EVIDENCE_SUMMARY, CaseFiles.evidenceSummary(complaint));
        execution.setVariable(CaseVariables.EVIDENCE_LINKS, caseFiles.evidenceLinks(complaint));
        execution.setVariable(CaseVariables.ACCOUNT_HISTORY, violationRegister.historySummary(complaint));
        execution.setVariable(CaseVariables.PLATFORM_OPTIONS, platformOptions());
    }

    /** The choices of the platform field in the verify form (a Camunda Forms select by valuesKey). */
    private JsonValue platformOptions() {
        ArrayNode options = JsonNodeFactory.instance.arrayNode();
        platforms.allOrderedByCode().forEach(p -> options.addObject()
                .put("label", p.displayName()).put("value", p.getCode()));
        return SpinValues.jsonValue(options.toString()).create();
    }
}
