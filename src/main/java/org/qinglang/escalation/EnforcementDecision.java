package org.qinglang.escalation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.qinglang.common.CaseRuleViolation;
import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.qinglang.calendar.Deadline;
import org.qinglang.process.CaseVariables;
import org.qinglang.registry.MeasureCodes;

/**
 * A supervisor's decision as the decide-enforcement form leaves it in the variables. The checklist
 * arrives as a list, a JSON array or a comma-separated string depending on the client.
 */
public record EnforcementDecision(List<String> measures, boolean referToPolice, String furtherDeadline, String note,
        BigDecimal fineAmount) {

    /** The highest fine a decision may name (yuan): a typing error of a few zeros is caught. */
    static final BigDecimal HIGHEST_FINE = new BigDecimal("10000000");

    public static final Set<String> MEASURES = Set.of("INTERVIEW", "RECTIFICATION_ORDER", "FINE",
            "SUSPEND_FUNCTIONS", "TAKEDOWN", "CLOSE_ACCOUNT", "CLEAR_FOLLOWERS", "SUSPEND_MONETISATION");

    public static EnforcementDecision from(VariableScope variables) {
        List<String> measures = measureCodes(variables.getVariable(CaseVariables.ENFORCEMENT_MEASURES));
        String further = (String) variables.getVariable(CaseVariables.FURTHER_DEADLINE);
        return new EnforcementDecision(measures,
                Boolean.TRUE.equals(variables.getVariable(CaseVariables.REFER_TO_POLICE)),
                further == null || further.isBlank() || further.equals("NONE") ? null : further,
                (String) variables.getVariable(CaseVariables.ENFORCEMENT_NOTE),
                amount(variables.getVariable(CaseVariables.FINE_AMOUNT)));
    }

    private static BigDecimal amount(Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.toString().strip());
        } catch (NumberFormatException e) {
            return BigDecimal.valueOf(-1); // refused by problems()
        }
    }

    /** Names what is wrong with the decision, or returns an empty list. */
    public List<CaseRuleViolation.Reason> problems() {
        List<CaseRuleViolation.Reason> problems = new ArrayList<>();
        if (measures.isEmpty()) {
            problems.add(new CaseRuleViolation.Reason("rule.choose-a-measure"));
        }
        measures.stream().filter(m -> !MEASURES.contains(m))
                .forEach(m -> problems.add(new CaseRuleViolation.Reason("rule.unknown-measure", m)));
        if (furtherDeadline != null) {
            if (!Deadline.isValid(furtherDeadline)) {
                problems.add(new CaseRuleViolation.Reason("rule.further-deadline", furtherDeadline));
            }
        }
        if (measures.contains("FINE") && (fineAmount == null || fineAmount.signum() <= 0
                || fineAmount.compareTo(HIGHEST_FINE) > 0)) {
            problems.add(new CaseRuleViolation.Reason("rule.fine-amount"));
        }
        if (!measures.contains("FINE") && fineAmount != null) {
            problems.add(new CaseRuleViolation.Reason("rule.amount-without-fine"));
        }
        if (note == null || note.isBlank()) {
            problems.add(new CaseRuleViolation.Reason("rule.decision-note"));
        }
        return problems;
    }

    static List<String> measureCodes(Object value) {
        return MeasureCodes.parse(value);
    }
}
