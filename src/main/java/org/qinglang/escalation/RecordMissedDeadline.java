package org.qinglang.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.qinglang.process.CaseVariables;
import org.qinglang.common.Labels;
import org.qinglang.casefile.CaseFiles;
import org.springframework.stereotype.Component;

/** The deadline passed without a response: the case goes to the supervisors. */
@Component("recordMissedDeadline")
public class RecordMissedDeadline implements JavaDelegate {

    private final CaseFiles caseFiles;
    private final Labels labels;

    public RecordMissedDeadline(CaseFiles caseFiles, Labels labels) {
        this.caseFiles = caseFiles;
        this.labels = labels;
    }

    @Override
    public void execute(DelegateExecution execution) {
        caseFiles.recordDeadlineMissed(execution.getProcessBusinessKey());
        execution.setVariable(CaseVariables.ESCALATION_REASON, labels.bilingual("escalation.deadline-missed"));
    }
}
