package org.qinglang.casework;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.qinglang.casefile.CaseFiles;
import org.qinglang.casefile.CaseStage;
import org.qinglang.casefile.Complaint;
import org.qinglang.process.CaseVariables;
import org.springframework.stereotype.Component;

/** Sets {@code duplicate} (transient) and, for a duplicate, {@code duplicateOf}; a new case goes on to verification. */
@Component("checkDuplicate")
public class CheckDuplicate implements JavaDelegate {

    private final CaseFiles caseFiles;
    private final DuplicateFinder duplicateFinder;

    public CheckDuplicate(CaseFiles caseFiles, DuplicateFinder duplicateFinder) {
        this.caseFiles = caseFiles;
        this.duplicateFinder = duplicateFinder;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Complaint complaint = caseFiles.get(execution.getProcessBusinessKey());
        Optional<String> openCase = duplicateFinder.openCaseCovering(complaint);
        // Only the gateway right after reads the flag, in this transaction: nothing to store.
        execution.setVariable(CaseVariables.DUPLICATE, Variables.booleanValue(openCase.isPresent(), true));
        if (openCase.isPresent()) {
            execution.setVariable(CaseVariables.DUPLICATE_OF, openCase.get());
        } else {
            complaint.moveTo(CaseStage.UNDER_VERIFICATION);
        }
    }
}
