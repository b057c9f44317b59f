package org.qinglang.casework;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.qinglang.casefile.CaseFiles;
import org.qinglang.casefile.Complaint;
import org.qinglang.common.FormCopy;
import org.qinglang.intake.IntakeService;
import org.qinglang.process.CaseVariables;
import org.qinglang.registry.Platform;
import org.qinglang.registry.PlatformRepository;
import org.springframework.stereotype.Component;

/**
 * Task_ReopenCase (outcome review): the review found the outcome wrong, so the case is handled again.
 * The case file is reopened with the reviewer's reason, and the case's process starts anew at
 * StartEvent_CaseReopened: its evidence checked again, triaged, and verified with that reason in view.
 */
@Component("reopenCase")
public class ReopenCase implements JavaDelegate {

    private final CaseFiles caseFiles;
    private final PlatformRepository platforms;
    private final IntakeService intake;

    public ReopenCase(CaseFiles caseFiles, PlatformRepository platforms, IntakeService intake) {
        this.caseFiles = caseFiles;
        this.platforms = platforms;
        this.intake = intake;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Complaint complaint = caseFiles.get(execution.getProcessBusinessKey());
        String reason = (String) execution.getVariable(CaseVariables.REVIEW_NOTE);
        complaint.reopen(reason);
        Platform platform = platforms.findById(complaint.getPlatformCode()).orElseThrow();
        Map<String, Object> variables = intake.startVariables(complaint, platform);
        variables.put(CaseVariables.REOPEN_REASON, FormCopy.of(reason));
        execution.getProcessEngineServices().getRuntimeService().createMessageCorrelation(
                        CaseVariables.MESSAGE_CASE_REOPENED)
                .processInstanceBusinessKey(complaint.getCaseNumber()).setVariables(variables).correlateStartMessage();
    }
}
