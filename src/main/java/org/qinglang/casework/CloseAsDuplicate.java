package org.qinglang.casework;

import java.util.Locale;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.qinglang.casefile.CaseFiles;
import org.qinglang.casefile.CaseStage;
import org.qinglang.casefile.Complaint;
import org.qinglang.casefile.ComplaintRepository;
import org.qinglang.common.CaseRuleViolation;
import org.qinglang.process.CaseVariables;
import org.springframework.stereotype.Component;

/**
 * On completing Task_VerifyComplaint as a duplicate: the case it duplicates must be another case that
 * is still open; the link is recorded in the case file there and then (the model goes on to
 * Task_LinkToExistingCase, which tells the complainant), so nothing later trusts a task variable.
 */
@Component("closeAsDuplicate")
public class CloseAsDuplicate implements TaskListener {

    public static final String OUTCOME = "DUPLICATE";
    private static final Pattern CASE_NUMBER = Pattern.compile("QL-\\d{4}-\\d{6}");

    private final CaseFiles caseFiles;
    private final ComplaintRepository complaints;

    public CloseAsDuplicate(CaseFiles caseFiles, ComplaintRepository complaints) {
        this.caseFiles = caseFiles;
        this.complaints = complaints;
    }

    @Override
    public void notify(DelegateTask task) {
        if (!OUTCOME.equals(task.getVariable(CaseVariables.VERIFICATION_OUTCOME))) {
            return;
        }
        Complaint complaint = caseFiles.get(task.getExecution().getProcessBusinessKey());
        Object given = task.getVariable(CaseVariables.DUPLICATE_OF);
        String openCase = given == null ? "" : given.toString().strip().toUpperCase(Locale.ROOT);
        if (!CASE_NUMBER.matcher(openCase).matches()) {
            throw CaseRuleViolation.invalid("rule.duplicate-needs-case");
        }
        if (openCase.equals(complaint.getCaseNumber())) {
            throw CaseRuleViolation.invalid("rule.duplicate-itself", openCase);
        }
        Complaint open = complaints.findByCaseNumber(openCase).orElseThrow(() -> CaseRuleViolation.invalid(
                "rule.no-such-case", openCase));
        if (open.getStage() == CaseStage.CLOSED) {
            throw CaseRuleViolation.invalid("rule.duplicate-closed", openCase);
        }
        complaint.linkTo(openCase);
        task.setVariable(CaseVariables.DUPLICATE_OF, openCase);
    }
}
