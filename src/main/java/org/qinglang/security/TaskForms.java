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

    /**
     * The form's fields: those the user may edit, those shown read-only, and for a choice (select,
     * radio, checklist) the values it offers, or the variable its options come from.
     */
    public record Fields(Set<String> editable, Set<String> readOnly, Map<String, Set<String>> options,
            Map<String, String> optionsFrom) {
    }

    private static final Fields NO_FORM = new Fields(Set.of(), Set.of(), Map.of(), Map.of());

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

    /** The values the task's form shows for these fields now, read in one call. */
    public Map<String, Object> currentValues(String taskId, java.util.Collection<String> names) {
        return engine.getTaskService().getVariables(taskId, names);
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
                    Map<String, Set<String>> options = new java.util.HashMap<>();
                    Map<String, String> optionsFrom = new java.util.HashMap<>();
                    collect(form, editable, readOnly, options, optionsFrom);
                    return new Fields(Set.copyOf(editable), Set.copyOf(readOnly), Map.copyOf(options),
                            Map.copyOf(optionsFrom));
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + resource + " of deployment " + deploymentId, e);
            }
        }
        return NO_FORM;
    }

    private static void collect(JsonNode node, Set<String> editable, Set<String> readOnly,
            Map<String, Set<String>> options, Map<String, String> optionsFrom) {
        for (JsonNode component : node.path("components")) {
            String key = component.path("key").asText(null);
            if (key != null && !component.path("disabled").asBoolean(false)) {
                (component.path("readonly").asBoolean(false) ? readOnly : editable).add(key);
                if (component.path("values").isArray()) {
                    Set<String> values = new HashSet<>();
                    component.path("values").forEach(value -> values.add(value.path("value").asText()));
                    options.put(key, Set.copyOf(values));
                } else if (component.hasNonNull("valuesKey")) {
                    optionsFrom.put(key, component.get("valuesKey").asText());
                }
            }
            collect(component, editable, readOnly, options, optionsFrom);
        }
    }

    /** The values a choice offers now whose options come from a variable (a list of label and value). */
    public Set<String> optionsIn(String taskId, String variable) {
        org.camunda.bpm.engine.variable.value.TypedValue typed =
                engine.getTaskService().getVariableTyped(taskId, variable, false);
        JsonNode options;
        try {
            if (typed instanceof org.camunda.bpm.engine.variable.value.SerializableValue serializable) {
                options = json.readTree(serializable.getValueSerialized());
            } else if (typed != null && typed.getValue() instanceof String text) {
                options = json.readTree(text);
            } else {
                options = typed == null || typed.getValue() == null ? null : json.valueToTree(typed.getValue());
            }
        } catch (IOException e) {
            return Set.of();
        }
        Set<String> values = new HashSet<>();
        if (options != null) {
            options.forEach(option -> values.add(option.path("value").asText()));
        }
        return values;
    }
}
