package org.qinglang.workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.management.ActivityStatistics;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstructionBuilder;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.ConditionalEventDefinition;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.SignalEventDefinition;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.qinglang.common.EngineClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves running cases of an older process version to the latest one, so that a change to the flow
 * also reaches the cases already under way. Camunda generates the plan from the activities both
 * versions share (same id); timers and messages whose definition changed are re-created from the
 * new version.
 * Cases are migrated one by one: a case waiting somewhere the new version has no place for stays on
 * its version and is listed with the reason, and the others move.
 */
@Service
public class CaseMigration {

    private static final Logger log = LoggerFactory.getLogger(CaseMigration.class);

    private final RepositoryService repositoryService;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final IdentityService identityService;
    private final ModelAuditRepository audit;
    private final TransactionTemplate transaction;

    public CaseMigration(RepositoryService repositoryService, RuntimeService runtimeService,
            ManagementService managementService, IdentityService identityService, ModelAuditRepository audit,
            TransactionTemplate transaction) {
        this.repositoryService = repositoryService;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.identityService = identityService;
        this.audit = audit;
        this.transaction = transaction;
    }

    /** A reason as a message key with its arguments, shown in the manager's language. */
    public record Reason(String key, List<String> arguments) {
    }

    /** Running cases in one activity of the old version, and where the plan puts them. */
    public record Waiting(String activityId, String activityName, long cases, String targetActivityId,
            String targetActivityName) {

        public boolean mapped() {
            return targetActivityId != null;
        }
    }

    /**
     * What a migration would do: the generated plan's problems (none when it can run) and, per
     * activity cases wait in, where they go or that they stay.
     */
    public record Proposal(ProcessDefinition source, ProcessDefinition target, long runningCases,
            List<Waiting> waiting, List<Reason> planProblems) {

        public boolean executable() {
            return planProblems.isEmpty() && runningCases > 0;
        }
    }

    public record StayedCase(String processInstanceId, String caseNumber, List<Reason> reasons) {
    }

    public record Result(ProcessDefinition source, ProcessDefinition target, List<String> migratedCases,
            List<StayedCase> stayed, List<Reason> planProblems) {
    }

    /** Thrown for a version that has nothing newer to move to. */
    public static class NothingToMigrateException extends RuntimeException {
        public NothingToMigrateException(String message) {
            super(message);
        }
    }

    public Proposal propose(String sourceDefinitionId) {
        ProcessDefinition source = repositoryService.getProcessDefinition(sourceDefinitionId);
        ProcessDefinition target = latestOtherVersion(source);
        List<Reason> planProblems = new ArrayList<>();
        MigrationPlan plan = plan(source, target, planProblems);
        Map<String, String> targets = new LinkedHashMap<>();
        if (plan != null) {
            plan.getInstructions().forEach(i -> targets.put(i.getSourceActivityId(), i.getTargetActivityId()));
        }
        BpmnModelInstance sourceModel = repositoryService.getBpmnModelInstance(source.getId());
        BpmnModelInstance targetModel = repositoryService.getBpmnModelInstance(target.getId());
        List<Waiting> waiting = new ArrayList<>();
        for (ActivityStatistics statistics : managementService.createActivityStatisticsQuery(source.getId()).list()) {
            String targetId = targets.get(statistics.getId());
            waiting.add(new Waiting(statistics.getId(), name(sourceModel, statistics.getId()),
                    statistics.getInstances(), targetId, targetId == null ? null : name(targetModel, targetId)));
        }
        long running = runtimeService.createProcessInstanceQuery().processDefinitionId(source.getId()).count();
        return new Proposal(source, target, running, waiting, planProblems);
    }

    /**
     * Migrates every running case of the version to the latest version, case by case, and records
     * who did it and what stayed.
     */
    public Result migrate(String sourceDefinitionId, String actor) {
        ProcessDefinition source = repositoryService.getProcessDefinition(sourceDefinitionId);
        ProcessDefinition target = latestOtherVersion(source);
        List<Reason> planProblems = new ArrayList<>();
        MigrationPlan plan = plan(source, target, planProblems);
        if (plan == null) {
            return new Result(source, target, List.of(), List.of(), planProblems);
        }
        List<String> migrated = new ArrayList<>();
        List<StayedCase> stayed = new ArrayList<>();
        List<ProcessInstance> instances = runtimeService.createProcessInstanceQuery()
                .processDefinitionId(source.getId()).orderByProcessInstanceId().asc().list();
        BpmnModelInstance sourceModel = repositoryService.getBpmnModelInstance(source.getId());
        ActingUser.run(identityService, actor, () -> {
            for (ProcessInstance instance : instances) {
                try {
                    runtimeService.newMigration(plan).processInstanceIds(instance.getId()).execute();
                    migrated.add(caseNumber(instance));
                } catch (MigratingProcessInstanceValidationException e) {
                    stayed.add(new StayedCase(instance.getId(), caseNumber(instance),
                            reasons(e.getValidationReport(), sourceModel)));
                } catch (ProcessEngineException e) {
                    stayed.add(new StayedCase(instance.getId(), caseNumber(instance), List.of(
                            new Reason("model.migration.reason.engine", List.of("—", firstLine(e))))));
                }
            }
            return null;
        });
        String details = stayed.stream().map(s -> s.caseNumber() + ": " + s.reasons().stream()
                .map(r -> r.key() + " " + String.join(" | ", r.arguments())).collect(Collectors.joining("; ")))
                .collect(Collectors.joining("\n"));
        transaction.executeWithoutResult(status -> audit.save(ModelAudit.migrated(EngineClock.now(), actor,
                source.getId(), target.getId(), migrated.size(), stayed.size(),
                details.length() <= 8000 ? details : details.substring(0, 7999) + "…")));
        log.info("{} migrated {} cases from {} to {}; {} stayed", actor, migrated.size(), source.getId(),
                target.getId(), stayed.size());
        return new Result(source, target, migrated, stayed, planProblems);
    }

    private ProcessDefinition latestOtherVersion(ProcessDefinition source) {
        ProcessDefinition latest = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(source.getKey()).latestVersion().singleResult();
        if (latest == null || latest.getId().equals(source.getId())) {
            throw new NothingToMigrateException(source.getId() + " is the latest version");
        }
        return latest;
    }

    /**
     * The plan Camunda generates from the activities both versions share, or null with the reasons
     * when Camunda finds it invalid. A timer or message whose definition changed is re-created from
     * the new version; an unchanged one keeps its job, because re-creating a timer such as "P1D"
     * would start its time again from the migration.
     */
    private MigrationPlan plan(ProcessDefinition source, ProcessDefinition target, List<Reason> problems) {
        try {
            MigrationPlan generated = runtimeService.createMigrationPlan(source.getId(), target.getId())
                    .mapEqualActivities().build();
            BpmnModelInstance sourceModel = repositoryService.getBpmnModelInstance(source.getId());
            BpmnModelInstance targetModel = repositoryService.getBpmnModelInstance(target.getId());
            MigrationPlanBuilder plan = runtimeService.createMigrationPlan(source.getId(), target.getId());
            for (MigrationInstruction instruction : generated.getInstructions()) {
                MigrationInstructionBuilder mapping = plan.mapActivities(instruction.getSourceActivityId(),
                        instruction.getTargetActivityId());
                String before = trigger(sourceModel, instruction.getSourceActivityId());
                if (before != null && !before.equals(trigger(targetModel, instruction.getTargetActivityId()))) {
                    mapping.updateEventTrigger();
                }
            }
            return plan.build();
        } catch (MigrationPlanValidationException e) {
            for (MigrationInstructionValidationReport report : e.getValidationReport().getInstructionReports()) {
                MigrationInstruction instruction = report.getMigrationInstruction();
                report.getFailures().forEach(failure -> problems.add(new Reason("model.migration.reason.plan",
                        List.of(instruction.getSourceActivityId(), instruction.getTargetActivityId(), failure))));
            }
            e.getValidationReport().getVariableReports().forEach((name, report) -> report.getFailures()
                    .forEach(failure -> problems.add(new Reason("model.migration.reason.engine",
                            List.of(name, failure)))));
            if (problems.isEmpty()) {
                problems.add(new Reason("model.migration.reason.engine", List.of("—", firstLine(e))));
            }
            return null;
        }
    }

    /** What makes an event fire (timer expressions, message or signal name); null for other activities. */
    private static String trigger(BpmnModelInstance model, String activityId) {
        ModelElementInstance element = model.getModelElementById(activityId);
        if (element instanceof ReceiveTask receive) {
            return "message:" + (receive.getMessage() == null ? "" : receive.getMessage().getName());
        }
        if (!(element instanceof CatchEvent event)) {
            return null;
        }
        StringBuilder trigger = new StringBuilder();
        for (EventDefinition definition : event.getEventDefinitions()) {
            if (definition instanceof TimerEventDefinition timer) {
                trigger.append("timer:").append(text(timer.getTimeDate())).append('|')
                        .append(text(timer.getTimeDuration())).append('|').append(text(timer.getTimeCycle()));
            } else if (definition instanceof MessageEventDefinition message) {
                trigger.append("message:").append(message.getMessage() == null ? "" : message.getMessage().getName());
            } else if (definition instanceof SignalEventDefinition signal) {
                trigger.append("signal:").append(signal.getSignal() == null ? "" : signal.getSignal().getName());
            } else if (definition instanceof ConditionalEventDefinition conditional) {
                trigger.append("condition:").append(text(conditional.getCondition()));
            } else {
                trigger.append(definition.getElementType().getTypeName());
            }
            trigger.append(';');
        }
        return trigger.toString();
    }

    private static String text(ModelElementInstance element) {
        return element == null ? "" : element.getTextContent().strip();
    }

    private List<Reason> reasons(MigratingProcessInstanceValidationReport report, BpmnModelInstance model) {
        List<Reason> reasons = new ArrayList<>();
        Set<String> unmapped = new java.util.LinkedHashSet<>();
        for (MigratingActivityInstanceValidationReport activity : report.getActivityInstanceReports()) {
            if (!activity.hasFailures()) {
                continue;
            }
            if (activity.getMigrationInstruction() == null) {
                unmapped.add(activity.getSourceScopeId());
            } else {
                activity.getFailures().forEach(failure -> reasons.add(new Reason("model.migration.reason.engine",
                        List.of(name(model, activity.getSourceScopeId()), failure))));
            }
        }
        for (MigratingTransitionInstanceValidationReport transition : report.getTransitionInstanceReports()) {
            if (!transition.hasFailures()) {
                continue;
            }
            if (transition.getMigrationInstruction() == null) {
                unmapped.add(transition.getSourceScopeId());
            } else {
                transition.getFailures().forEach(failure -> reasons.add(new Reason("model.migration.reason.engine",
                        List.of(name(model, transition.getSourceScopeId()), failure))));
            }
        }
        unmapped.forEach(activityId -> reasons.add(0, new Reason("model.migration.reason.no-mapping",
                List.of(name(model, activityId)))));
        report.getFailures().forEach(failure -> reasons.add(new Reason("model.migration.reason.engine",
                List.of("—", failure))));
        return reasons;
    }

    /** The activity's name and id, the way managers see it in the modeler. */
    private static String name(BpmnModelInstance model, String activityId) {
        if (model.getModelElementById(activityId) instanceof FlowElement element && element.getName() != null
                && !element.getName().isBlank()) {
            return ModelTexts.withoutExpressions(element.getName()) + " (" + activityId + ")";
        }
        return activityId;
    }

    private static String caseNumber(ProcessInstance instance) {
        return instance.getBusinessKey() != null ? instance.getBusinessKey() : instance.getId();
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        return message.lines().findFirst().orElse(message);
    }
}
