package org.qinglang.escalation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
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
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (measures.isEmpty()) {
            problems.add("choose at least one measure 请至少选择一项处置措施");
        }
        measures.stream().filter(m -> !MEASURES.contains(m))
                .forEach(m -> problems.add("unknown measure 未知措施: " + m));
        if (furtherDeadline != null) {
            if (!Deadline.isValid(furtherDeadline)) {
                problems.add("further deadline is not a period 再次限期格式错误: " + furtherDeadline);
            }
        }
        if (measures.contains("FINE") && (fineAmount == null || fineAmount.signum() <= 0
                || fineAmount.compareTo(HIGHEST_FINE) > 0)) {
            problems.add("a fine needs its amount, 1 to 10,000,000 yuan 罚款须填写金额（1 至 10,000,000 元）");
        }
        if (!measures.contains("FINE") && fineAmount != null) {
            problems.add("an amount without the fine measure 未选择罚款却填写了金额");
        }
        if (note == null || note.isBlank()) {
            problems.add("a decision note is required 请填写处置意见");
        }
        return problems;
    }

    static List<String> measureCodes(Object value) {
        return MeasureCodes.parse(value);
    }
}
