package org.qinglang.registry;

import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.qinglang.common.Labels;
import org.qinglang.common.ModelCallable;
import org.springframework.stereotype.Component;

/**
 * Reads the measures table's result in Task_ChooseMeasures' output mapping, by whom the measures are
 * against (its output {@code target}): {@code ACCOUNT} measures are orders to the platform (the notice),
 * {@code PLATFORM} measures are actions of ours (Task_TakePlatformMeasures).
 */
@Component("measureOutputs")
public class MeasureOutputs {

    private final Labels labels;

    public MeasureOutputs(Labels labels) {
        this.labels = labels;
    }

    /** The codes of the measures against this target, in rule order, each once, comma-separated ("" for none). */
    @ModelCallable
    public String codes(DmnDecisionResult result, String target) {
        return String.join(",", against(result, target));
    }

    /** The same as a list for people, one "- label" a line in both languages. */
    @ModelCallable
    public String text(DmnDecisionResult result, String target) {
        return labels.measureList(against(result, target));
    }

    /** Comma-separated measure codes (e.g. the enforcement ladder's suggestion) as a list for people. */
    @ModelCallable
    public String labelsOf(String codes) {
        return labels.measureList(MeasureCodes.parse(codes));
    }

    private static Set<String> against(DmnDecisionResult result, String target) {
        Set<String> codes = new LinkedHashSet<>();
        if (result != null) {
            result.getResultList().stream().filter(rule -> target.equals(rule.get("target")))
                    .forEach(rule -> codes.add((String) rule.get("measure")));
        }
        return codes;
    }
}
