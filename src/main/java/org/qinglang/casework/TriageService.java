package org.qinglang.casework;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.qinglang.intake.Complaint;
import org.springframework.stereotype.Service;

/**
 * Asks the triage decision tables (bpmn/triage.dmn), which managers maintain: severity and
 * criminal lead by category and reporter, deadlines by severity, the office by platform.
 */
@Service
public class TriageService {

    private final DecisionService decisionService;

    public TriageService(DecisionService decisionService) {
        this.decisionService = decisionService;
    }

    public Triage triage(Complaint complaint) {
        DmnDecisionRuleResult severity = decisionService.evaluateDecisionTableByKey("triage-severity",
                Map.of("category", complaint.getCategory().name(), "reporterType",
                        complaint.getReporterType().name()))
                .getSingleResult();
        String severityLevel = severity.getEntry("severity");
        DmnDecisionRuleResult deadline = decisionService.evaluateDecisionTableByKey("triage-deadline",
                Map.of("severity", severityLevel)).getSingleResult();
        DmnDecisionRuleResult office = decisionService.evaluateDecisionTableByKey("triage-office",
                Map.of("platformCode", complaint.getPlatformCode())).getSingleResult();
        return new Triage(severityLevel, Boolean.TRUE.equals(severity.getEntry("criminalLead")),
                office.getEntry("responsibleOffice"), deadline.getEntry("rectificationDeadline"),
                deadline.getEntry("reminderBefore"), deadline.getEntry("verificationSla"));
    }
}
