package org.qinglang.registry;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.qinglang.process.CaseVariables;
import org.qinglang.common.FormCopy;
import org.qinglang.casefile.CaseFiles;
import org.qinglang.casefile.Complaint;
import org.springframework.stereotype.Component;

/** Enters the substantiated case in the register and notes how often account and platform offended before. */
@Component("recordViolation")
public class RecordViolation implements JavaDelegate {

    private final CaseFiles caseFiles;
    private final ViolationRegister register;

    public RecordViolation(CaseFiles caseFiles, ViolationRegister register) {
        this.caseFiles = caseFiles;
        this.register = register;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Complaint complaint = caseFiles.get(execution.getProcessBusinessKey());
        PriorViolations prior = register.record(complaint);
        execution.setVariable(CaseVariables.PRIOR_ACCOUNT_VIOLATIONS, prior.ofAccount());
        execution.setVariable(CaseVariables.PRIOR_PLATFORM_VIOLATIONS, prior.ofPlatform());
        // The measures table judges the platform by its own failures, not by what its users did.
        execution.setVariable(CaseVariables.PLATFORM_FAILURES, register.platformFailures(complaint));
        execution.setVariable(CaseVariables.OBJECT_TYPE, complaint.getObjectType().name());
        execution.setVariable(CaseVariables.ACCOUNT_HISTORY, FormCopy.of(register.historySummary(complaint, prior)));
    }
}
