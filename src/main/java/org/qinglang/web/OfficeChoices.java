package org.qinglang.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.qinglang.process.CaseVariables;
import org.springframework.stereotype.Component;

/**
 * The offices a case can be routed to, for the search page's office filter: the answers of the
 * deployed routing table ({@code triage-office}, the office column's string literals), read once per
 * deployed version. Managers who add an office to the table add it to the filter.
 */
@Component
class OfficeChoices {

    static final String ROUTING_DECISION = "triage-office";

    private final RepositoryService repository;
    private final Map<String, List<String>> byDefinition = new ConcurrentHashMap<>();

    OfficeChoices(RepositoryService repository) {
        this.repository = repository;
    }

    /** The offices as stored on cases, in the table's order. */
    List<String> offices() {
        DecisionDefinition latest = repository.createDecisionDefinitionQuery().decisionDefinitionKey(ROUTING_DECISION)
                .latestVersion().singleResult();
        return latest == null ? List.of() : byDefinition.computeIfAbsent(latest.getId(), this::read);
    }

    private List<String> read(String definitionId) {
        Set<String> offices = new LinkedHashSet<>();
        var decision = repository.getDmnModelInstance(definitionId).getModelElementById(ROUTING_DECISION);
        if (decision == null) {
            return List.of();
        }
        for (DecisionTable table : decision.getChildElementsByType(DecisionTable.class)) {
            List<Output> outputs = new ArrayList<>(table.getOutputs());
            int column = outputs.stream().map(Output::getName).toList().indexOf(CaseVariables.RESPONSIBLE_OFFICE);
            if (column < 0) {
                continue;
            }
            for (Rule rule : table.getRules()) {
                List<OutputEntry> entries = new ArrayList<>(rule.getOutputEntries());
                String text = column < entries.size() && entries.get(column).getText() != null
                        ? entries.get(column).getText().getTextContent().strip() : "";
                // Only plain string literals: an expression's answer is not known without a case.
                if (text.length() > 2 && text.startsWith("\"") && text.endsWith("\"")
                        && text.indexOf('"', 1) == text.length() - 1) {
                    offices.add(text.substring(1, text.length() - 1));
                }
            }
        }
        return List.copyOf(offices);
    }
}
