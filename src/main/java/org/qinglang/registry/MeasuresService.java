package org.qinglang.registry;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Service;

/**
 * Asks the measures table (bpmn/measures.dmn) which measures a violation requires; prior
 * violations of the account and of the platform make them stricter.
 */
@Service
public class MeasuresService {

    private final DecisionService decisionService;

    public MeasuresService(DecisionService decisionService) {
        this.decisionService = decisionService;
    }

    /** Measure codes in the table's rule order, each once. */
    public List<String> requiredMeasures(String category, String severity, PriorViolations prior) {
        Set<String> measures = new LinkedHashSet<>();
        decisionService.evaluateDecisionTableByKey("measures", Map.of(
                        "category", category,
                        "severity", severity,
                        "priorAccountViolations", prior.ofAccount(),
                        "priorPlatformViolations", prior.ofPlatform()))
                .forEach(rule -> measures.add((String) rule.get("measure")));
        return List.copyOf(measures);
    }
}
