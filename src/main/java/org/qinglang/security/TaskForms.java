package org.qinglang.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** The fields of a task's Camunda Form: which the user may edit and which are shown read-only. */
@Component
public class TaskForms {

    public record Fields(Set<String> editable, Set<String> readOnly) {
    }

    private static final Fields NO_FORM = new Fields(Set.of(), Set.of());

    private final ProcessEngine engine;
    private final ObjectMapper json = new ObjectMapper();
    /** Forms of a deployment never change: by deployment id and form id. */
    private final Map<String, Fields> byDeploymentAndForm = new ConcurrentHashMap<>();

    public TaskForms(ProcessEngine engine) {
        this.engine = engine;
    }

    /** The task's form fields, none for a task without a form, or null when there is no such task. */
    public Fields fieldsOf(String taskId) {
        Task task = engine.getTaskService().createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
        if (task == null) {
            return null;
        }
        CamundaFormRef formRef = task.getCamundaFormRef();
        if (formRef == null || task.getProcessDefinitionId() == null) {
            return NO_FORM;
        }
        ProcessDefinition definition = engine.getRepositoryService().getProcessDefinition(task.getProcessDefinitionId());
        String deploymentId = definition.getDeploymentId();
        return byDeploymentAndForm.computeIfAbsent(deploymentId + "/" + formRef.getKey(),
                k -> read(deploymentId, formRef.getKey()));
    }

    public Object currentValue(String taskId, String name) {
        return engine.getTaskService().getVariable(taskId, name);
    }

    private Fields read(String deploymentId, String formId) {
        for (String resource : engine.getRepositoryService().getDeploymentResourceNames(deploymentId)) {
            if (!resource.endsWith(".form")) {
                continue;
            }
            try (InputStream in = engine.getRepositoryService().getResourceAsStream(deploymentId, resource)) {
                JsonNode form = json.readTree(in);
                if (formId.equals(form.path("id").asText())) {
                    Set<String> editable = new HashSet<>();
                    Set<String> readOnly = new HashSet<>();
                    collect(form, editable, readOnly);
                    return new Fields(Set.copyOf(editable), Set.copyOf(readOnly));
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + resource + " of deployment " + deploymentId, e);
            }
        }
        return NO_FORM;
    }

    private static void collect(JsonNode node, Set<String> editable, Set<String> readOnly) {
        for (JsonNode component : node.path("components")) {
            String key = component.path("key").asText(null);
            if (key != null && !component.path("disabled").asBoolean(false)) {
                (component.path("readonly").asBoolean(false) ? readOnly : editable).add(key);
            }
            collect(component, editable, readOnly);
        }
    }
}
