package org.qinglang.casework;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.qinglang.common.ModelCallable;
import org.springframework.stereotype.Component;

/**
 * Reads a business rule task's result in its output mapping: the engine offers the result there as
 * {@code decisionResult}, and the model sandbox allows no property access, so
 * {@code ${decisionOutputs.single(decisionResult, 'severity')}} names the output instead.
 */
@Component("decisionOutputs")
public class DecisionOutputs {

    /** One output of the single rule that matched; a table that matched no rule is an error of the table. */
    @ModelCallable
    public Object single(DmnDecisionResult result, String output) {
        if (result == null || result.isEmpty()) {
            throw new IllegalStateException("no rule of the decision table matched, so it gave no " + output);
        }
        DmnDecisionResultEntries entries = result.getSingleResult();
        Map<String, Object> values = entries.getEntryMap();
        if (!values.containsKey(output)) {
            throw new IllegalStateException("the decision table has no output " + output + " (it has " + values.keySet() + ")");
        }
        return values.get(output);
    }
}
