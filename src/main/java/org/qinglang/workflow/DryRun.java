package org.qinglang.workflow;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.qinglang.workflow.ModelDeployment.Model;
import org.qinglang.workflow.ModelDeployment.ModelsRefusedException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Try a changed process before deploying it: it runs in an engine of its own (in memory, no job
 * executor, nothing shared with the cases), started on a copy of a case's variables, with stand-ins
 * for our steps that only record that they would run. Decisions run for real (they only decide);
 * the methods a model may call only read. The run goes on through asynchronous steps until the
 * process waits (a task, a timer, a message) or ends, and says where it went and where it waits.
 * The same checks as deployment come first, so nothing refused is ever run.
 */
@Component
public class DryRun implements DisposableBean {

    /** An element the run passed, in order. */
    public record Step(String elementId, String name, String type) {
    }

    /** Where it went, which of our steps it would have called, where it waits now, what stopped it. */
    public record Result(List<Step> passed, List<String> stepsCalled, List<String> waitsAt, boolean ended,
            String error, List<String> variablesLeftOut) {
    }

    /** Asynchronous steps executed in one run at most: a loop in a model must not run for ever. */
    static final int MOST_JOBS = 200;
    private static final Set<ValueType> COPIED = Set.of(ValueType.STRING, ValueType.BOOLEAN, ValueType.INTEGER,
            ValueType.LONG, ValueType.SHORT, ValueType.DOUBLE, ValueType.DATE);

    private final ModelDeployment modelDeployment;
    private final ModelValidator validator;
    private final ModelSandbox sandbox;
    private final List<ProcessEnginePlugin> plugins;
    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final DateTimeFormatter time;
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    private ProcessEngine engine;

    public DryRun(ModelDeployment modelDeployment, ModelValidator validator, ModelSandbox sandbox,
            List<ProcessEnginePlugin> plugins, RuntimeService runtimeService, HistoryService historyService,
            @Value("${qinglang.time-zone:Asia/Shanghai}") String zone) {
        this.modelDeployment = modelDeployment;
        this.validator = validator;
        this.sandbox = sandbox;
        this.plugins = plugins;
        this.runtimeService = runtimeService;
        this.historyService = historyService;
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of(zone));
    }

    /**
     * Runs {@code content} (a process file) on a copy of the variables of {@code caseNumber}.
     *
     * @throws ModelsRefusedException when deployment would refuse the model
     * @throws IllegalArgumentException when there is no such case
     */
    public synchronized Result run(String resource, byte[] content, String caseNumber) {
        List<Model> models = modelDeployment.withInPlace(new Model(resource, content));
        List<ModelValidator.Problem> problems = validator.validate(models);
        if (!problems.isEmpty()) {
            throw new ModelsRefusedException(problems);
        }
        List<String> leftOut = new ArrayList<>();
        VariableMap variables = copyOfVariables(caseNumber, leftOut);

        ProcessEngine sandboxEngine = engine();
        DeploymentBuilder builder = sandboxEngine.getRepositoryService().createDeployment().name("dry-run");
        models.stream().filter(model -> !model.name().endsWith(".bpmn") || model.name().equals(resource))
                .forEach(model -> builder.addString(model.name(), new String(model.content(),
                        java.nio.charset.StandardCharsets.UTF_8)));
        Deployment deployment = builder.deploy();
        calls.clear();
        try {
            ProcessDefinition definition = sandboxEngine.getRepositoryService().createProcessDefinitionQuery()
                    .deploymentId(deployment.getId()).list().stream()
                    .filter(d -> resource.equals(d.getResourceName())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no process in " + resource));
            String error = null;
            ProcessInstance instance = null;
            try {
                instance = sandboxEngine.getRuntimeService()
                        .startProcessInstanceById(definition.getId(), caseNumber, variables);
                for (int executed = 0; executed < MOST_JOBS; executed++) {
                    Job next = sandboxEngine.getManagementService().createJobQuery()
                            .processInstanceId(instance.getId()).messages().listPage(0, 1).stream().findFirst()
                            .orElse(null);
                    if (next == null) {
                        break;
                    }
                    sandboxEngine.getManagementService().executeJob(next.getId());
                }
            } catch (RuntimeException e) {
                error = String.valueOf(e.getMessage());
            }
            String instanceId = instance != null ? instance.getId() : sandboxEngine.getHistoryService()
                    .createHistoricProcessInstanceQuery().processDefinitionId(definition.getId()).list().stream()
                    .map(HistoricProcessInstance::getId).findFirst().orElse(null);
            return describe(sandboxEngine, instanceId, error, leftOut);
        } finally {
            sandboxEngine.getRepositoryService().deleteDeployment(deployment.getId(), true, true, true);
        }
    }

    private Result describe(ProcessEngine sandboxEngine, String instanceId, String error, List<String> leftOut) {
        List<Step> passed = new ArrayList<>();
        List<String> waits = new ArrayList<>();
        boolean ended = false;
        if (instanceId != null) {
            for (HistoricActivityInstance activity : sandboxEngine.getHistoryService()
                    .createHistoricActivityInstanceQuery().processInstanceId(instanceId)
                    .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list()) {
                passed.add(new Step(activity.getActivityId(), activity.getActivityName(), activity.getActivityType()));
                if (activity.getEndTime() == null) {
                    waits.add(activity.getActivityName() == null ? activity.getActivityId()
                            : activity.getActivityName() + " (" + activity.getActivityId() + ")");
                }
            }
            for (Job timer : sandboxEngine.getManagementService().createJobQuery().processInstanceId(instanceId)
                    .timers().list()) {
                String activity = sandboxEngine.getManagementService().createJobDefinitionQuery()
                        .jobDefinitionId(timer.getJobDefinitionId()).singleResult().getActivityId();
                waits.add(activity + " ⏱ " + (timer.getDuedate() == null ? "?"
                        : time.format(timer.getDuedate().toInstant())));
            }
            HistoricProcessInstance historic = sandboxEngine.getHistoryService().createHistoricProcessInstanceQuery()
                    .processInstanceId(instanceId).singleResult();
            ended = historic != null && historic.getEndTime() != null;
        }
        return new Result(passed, List.copyOf(calls), waits, ended, error, leftOut);
    }

    /** The case's variables of plain kinds (text, numbers, dates, yes/no); others are named as left out. */
    private VariableMap copyOfVariables(String caseNumber, List<String> leftOut) {
        VariableMap copy = Variables.createVariables();
        ProcessInstance running = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .processDefinitionKey(org.qinglang.process.CaseVariables.PROCESS_KEY).listPage(0, 1).stream()
                .findFirst().orElse(null);
        Map<String, TypedValue> values = new java.util.HashMap<>();
        if (running != null) {
            runtimeService.getVariablesTyped(running.getId(), false).forEach((name, ignored) ->
                    values.put(name, runtimeService.getVariableTyped(running.getId(), name, false)));
        } else {
            HistoricProcessInstance historic = historyService.createHistoricProcessInstanceQuery()
                    .processInstanceBusinessKey(caseNumber).orderByProcessInstanceStartTime().desc().listPage(0, 1)
                    .stream().findFirst().orElseThrow(() -> new IllegalArgumentException("no case " + caseNumber));
            historyService.createHistoricVariableInstanceQuery().processInstanceId(historic.getId())
                    .disableCustomObjectDeserialization().list()
                    .forEach(variable -> values.put(variable.getName(), variable.getTypedValue()));
        }
        values.forEach((name, value) -> {
            if (value != null && COPIED.contains(value.getType())) {
                copy.putValueTyped(name, value);
            } else {
                leftOut.add(name);
            }
        });
        Collections.sort(leftOut);
        return copy;
    }

    /** Built on first use and kept: an in-memory engine with the sandbox and the working-day calendar. */
    private ProcessEngine engine() {
        if (engine == null) {
            ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl)
                    ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration();
            configuration.setProcessEngineName("qinglang-dry-run-" + UUID.randomUUID());
            configuration.setJdbcUrl("jdbc:h2:mem:qinglang-dry-run-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            configuration.setJobExecutorActivate(false);
            configuration.setHistory(ProcessEngineConfiguration.HISTORY_ACTIVITY);
            configuration.setMetricsEnabled(false);
            List<ProcessEnginePlugin> used = new ArrayList<>();
            used.add(sandbox.withStandIns(new SandboxExpressionManager.StandIns() {
                @Override
                public Object step(String beanName) {
                    return new RecordedStep(beanName, calls);
                }

                /** A fact a step would have set (a flag for the next gateway): taken as "no", and said so. */
                @Override
                public Object unknown(String name) {
                    calls.add(name + " = false (set by a step in a real run)");
                    return Boolean.FALSE;
                }
            }));
            plugins.stream().filter(plugin -> plugin.getClass().getSimpleName().equals("WorkingDaysEnginePlugin"))
                    .forEach(used::add);
            configuration.setProcessEnginePlugins(used);
            engine = configuration.buildProcessEngine();
        }
        return engine;
    }

    @Override
    public synchronized void destroy() {
        if (engine != null) {
            engine.close();
        }
    }

    private record RecordedStep(String name, List<String> calls) implements JavaDelegate, TaskListener,
            ExecutionListener {

        @Override
        public void execute(DelegateExecution execution) {
            calls.add(name + " @ " + execution.getCurrentActivityId());
        }

        @Override
        public void notify(DelegateTask task) {
            calls.add(name + " @ " + task.getTaskDefinitionKey() + " (" + task.getEventName() + ")");
        }

        @Override
        public void notify(DelegateExecution execution) {
            calls.add(name + " @ " + execution.getCurrentActivityId() + " (" + execution.getEventName() + ")");
        }
    }
}
