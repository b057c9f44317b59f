package org.qinglang.workflow;

import java.util.Set;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.qinglang.process.CaseVariables;

/**
 * The engine's {@code audit} history, except for the variables that only copy the case file onto
 * the task for the forms (description, evidence list, account history, platform choices, the
 * reason for an escalation…). Their source is the case file itself (tables {@code complaint},
 * {@code evidence}, {@code violation}) or a decision that keeps its own history,
 * so a history row of each would only double every complaint's variable writes
 * (docs/performance.md). Every decision and outcome variable keeps its history.
 *
 * <p>It keeps audit's id and name, so a database created with plain {@code audit} starts with it
 * unchanged. It is a custom history level, the engine's documented extension point for this (the
 * {@link HistoryLevel} interface, registered by EngineTuning), and asks the engine's own audit level
 * about everything else; {@code HistoryCleanupTest} shows the engine takes it for {@code audit}.
 */
public class CaseHistoryLevel implements HistoryLevel {

    private static final HistoryLevel AUDIT = HistoryLevel.HISTORY_LEVEL_AUDIT;

    static final Set<String> FORM_COPIES = Set.of(CaseVariables.CATEGORY_LABEL, CaseVariables.PLATFORM_NAME,
            CaseVariables.PLATFORM_OPTIONS, CaseVariables.ACCOUNT_NAME, CaseVariables.CONTENT_URL,
            CaseVariables.DESCRIPTION, CaseVariables.EVIDENCE_SUMMARY, CaseVariables.EVIDENCE_LINKS,
            CaseVariables.ACCOUNT_HISTORY, CaseVariables.ESCALATION_REASON);

    private static final Set<HistoryEventType> VARIABLE_EVENTS = Set.of(HistoryEventTypes.VARIABLE_INSTANCE_CREATE,
            HistoryEventTypes.VARIABLE_INSTANCE_UPDATE, HistoryEventTypes.VARIABLE_INSTANCE_MIGRATE,
            HistoryEventTypes.VARIABLE_INSTANCE_DELETE, HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL);

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
        // Create, update and delete alike, so no event ever refers to a history row that was not written.
        if (entity instanceof VariableInstance variable && VARIABLE_EVENTS.contains(eventType)
                && FORM_COPIES.contains(variable.getName())) {
            return false;
        }
        return AUDIT.isHistoryEventProduced(eventType, entity);
    }

    @Override
    public int getId() {
        return AUDIT.getId();
    }

    @Override
    public String getName() {
        return AUDIT.getName();
    }
}
