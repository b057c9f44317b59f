package org.qinglang.escalation;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.qinglang.process.CaseVariables;
import org.qinglang.common.EngineClock;
import org.qinglang.common.Labels;
import org.qinglang.casefile.CaseFiles;
import org.qinglang.casefile.Complaint;
import org.qinglang.registry.MeasureCodes;
import org.springframework.stereotype.Component;

/**
 * Records the supervisor's enforcement decision as the next escalation level and sets what follows:
 * a referral to the police, and a further notice with a new deadline (only up to the second level).
 */
@Component("applyEnforcement")
public class ApplyEnforcement implements JavaDelegate {

    /** For cases that reached the decision before the enforcement ladder decided it (enforcement-ladder.dmn). */
    static final int HIGHEST_LEVEL_WITH_FURTHER_NOTICE = 1;

    private final CaseFiles caseFiles;
    private final EnforcementActionRepository actions;
    private final Labels labels;

    public ApplyEnforcement(CaseFiles caseFiles, EnforcementActionRepository actions, Labels labels) {
        this.caseFiles = caseFiles;
        this.actions = actions;
        this.labels = labels;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Complaint complaint = caseFiles.get(execution.getProcessBusinessKey());
        EnforcementDecision decision = EnforcementDecision.from(execution);
        int level = complaint.getEscalationLevel() + 1;
        if (!actions.existsByCaseNumberAndEscalationLevel(complaint.getCaseNumber(), level)) {
            actions.save(new EnforcementAction(complaint.getCaseNumber(), level, String.join(",", decision.measures()),
                    decision.referToPolice(), decision.furtherDeadline(), decision.note(),
                    complaint.getEnforcementDecidedBy(), EngineClock.now()).withFine(decision.fineAmount()));
        }
        complaint.enforcementApplied(level);

        Object allowed = execution.getVariable(CaseVariables.FURTHER_NOTICE_ALLOWED);
        boolean ladderAllows = allowed instanceof Boolean ladder ? ladder : level <= HIGHEST_LEVEL_WITH_FURTHER_NOTICE;
        // Orders about the account are the platform's to carry out: it confirms them, measure by measure, by
        // the time the decision document gives, at every level; a refusal or silence climbs the ladder again.
        boolean ordersToPlatform = decision.measures().stream().anyMatch(MeasureCodes.ACCOUNT_ENFORCEMENT::contains);
        boolean furtherNotice = ordersToPlatform || (decision.furtherDeadline() != null && ladderAllows);
        String noticeDeadline = decision.furtherDeadline() != null ? decision.furtherDeadline()
                : DecisionDocuments.DEFAULT_TIME_TO_COMPLY;
        List<String> allMeasures = new ArrayList<>(decision.measures());
        execution.setVariable(CaseVariables.ESCALATION_LEVEL, level);
        execution.setVariable(CaseVariables.POLICE_REFERRAL_REQUESTED, decision.referToPolice());
        execution.setVariable(CaseVariables.FURTHER_NOTICE_REQUIRED, furtherNotice);
        if (furtherNotice) {
            execution.setVariable(CaseVariables.NOTICE_DEADLINE, noticeDeadline);
        }
        execution.setVariable(CaseVariables.ENFORCEMENT_MEASURES_CODES, String.join(",", allMeasures));
        execution.setVariable(CaseVariables.ENFORCEMENT_MEASURES_TEXT, labels.measureList(allMeasures));
        // The supervisor's note is internal: it stays in the enforcement record and on the staff forms, and
        // never reaches the complainant's mail or status page, which show the measures text.
    }
}
