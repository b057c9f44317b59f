package org.qinglang.registry;

import java.util.List;
import java.util.Map;
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

    /** A measure the table requires, and whom it is against (its output {@code target}). */
    public record RequiredMeasure(String code, String target) {

        public static final String ACCOUNT = "ACCOUNT";
        public static final String PLATFORM = "PLATFORM";

        /** An order to the platform, about its user's account or content (the rest are actions of ours). */
        public boolean isOrderToThePlatform() {
            return !PLATFORM.equals(target);
        }
    }

    /** The measures in the table's rule order, each once. */
    public List<RequiredMeasure> requiredMeasures(String category, String severity, PriorViolations prior) {
        Map<String, RequiredMeasure> measures = new java.util.LinkedHashMap<>();
        decisionService.evaluateDecisionTableByKey("measures", Map.of(
                        "category", category,
                        "severity", severity,
                        "priorAccountViolations", prior.ofAccount(),
                        "priorPlatformViolations", prior.ofPlatform()))
                .forEach(rule -> measures.putIfAbsent((String) rule.get("measure"),
                        new RequiredMeasure((String) rule.get("measure"), (String) rule.get("target"))));
        return List.copyOf(measures.values());
    }
}
