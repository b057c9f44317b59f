package org.qinglang.workflow;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.qinglang.common.Labels;
import org.qinglang.workflow.ModelDeployment.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the browser editor asks while a manager edits (managers only, like all of /models): the
 * deployment rules applied to the model as it stands, problem by problem on the element it concerns,
 * before anything is deployed or evaluated; and how many running cases stand on each element a
 * change touches.
 */
@RestController
public class ModelEditorChecks {

    /** A problem of the edited model, on the element it concerns (null: the model as a whole). */
    public record Finding(String elementId, String message) {
    }

    private final ModelDeployment modelDeployment;
    private final ModelValidator validator;
    private final RepositoryService repositoryService;
    private final RuntimeService runtimeService;
    private final Labels labels;
    private final DryRun dryRun;

    public ModelEditorChecks(ModelDeployment modelDeployment, ModelValidator validator,
            RepositoryService repositoryService, RuntimeService runtimeService, Labels labels, DryRun dryRun) {
        this.dryRun = dryRun;
        this.modelDeployment = modelDeployment;
        this.validator = validator;
        this.repositoryService = repositoryService;
        this.runtimeService = runtimeService;
        this.labels = labels;
    }

    /** The rules deployment applies, to the models that run with this one in place of its old version. */
    @PostMapping("/models/editor/check")
    public List<Finding> check(@RequestParam String resource, @RequestParam String content, Locale locale) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        Set<String> ids = new HashSet<>();
        try {
            ModelXml.scan(bytes, new ModelXml.Visitor() {
                @Override
                public void visit(String elementId, String attribute, String value) {
                    if ("id".equals(attribute)) {
                        ids.add(value);
                    }
                }
            });
        } catch (IllegalArgumentException notXml) {
            // The validator says so below.
        }
        List<Model> models = modelDeployment.withInPlace(new Model(resource, bytes));
        return validator.validate(models).stream()
                .filter(problem -> resource.equals(problem.model()) || problem.model() == null)
                .map(problem -> new Finding(problem.arguments().stream().filter(ids::contains).findFirst().orElse(null),
                        labels.get(problem.key(), locale, problem.arguments().toArray())))
                .toList();
    }

    /**
     * Runs the edited process on a copy of a case's data in an engine of its own, with our steps only
     * recorded (DryRun): where it goes and where it waits. Refused like a deployment when the rules
     * refuse the model.
     */
    @PostMapping("/models/editor/dry-run")
    public org.springframework.http.ResponseEntity<?> dryRun(@RequestParam String resource,
            @RequestParam String content, @RequestParam String caseNumber, Locale locale) {
        if (!resource.endsWith(".bpmn")) {
            return problem(org.springframework.http.HttpStatus.BAD_REQUEST, "only a process can be tried");
        }
        try {
            return org.springframework.http.ResponseEntity.ok(dryRun.run(resource,
                    content.getBytes(StandardCharsets.UTF_8), caseNumber.strip().toUpperCase(Locale.ROOT)));
        } catch (ModelDeployment.ModelsRefusedException refused) {
            return problem(org.springframework.http.HttpStatus.UNPROCESSABLE_ENTITY, refused.problems().stream()
                    .map(p -> labels.get(p.key(), locale, p.arguments().toArray()))
                    .collect(java.util.stream.Collectors.joining("; ")));
        } catch (IllegalArgumentException unknown) {
            return problem(org.springframework.http.HttpStatus.NOT_FOUND, unknown.getMessage());
        }
    }

    private static org.springframework.http.ResponseEntity<org.springframework.http.ProblemDetail> problem(
            org.springframework.http.HttpStatus status, String detail) {
        return org.springframework.http.ResponseEntity.status(status)
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(org.springframework.http.ProblemDetail.forStatusAndDetail(status, detail));
    }

    /** The steps of ours a service task may call: what the editor offers in its list. */
    @GetMapping("/models/editor/steps")
    public List<String> steps() {
        return validator.steps();
    }

    /**
     * Running cases of the processes in this file, in all, and on each of these elements: what a
     * change of them would meet (after deploying, the migration page moves them).
     */
    @GetMapping("/models/editor/running")
    public Map<String, Long> running(@RequestParam String resource,
            @RequestParam(name = "elements", required = false) List<String> elements) {
        Map<String, Long> counts = new LinkedHashMap<>();
        List<String> keys = repositoryService.createProcessDefinitionQuery().latestVersion().list().stream()
                .filter(definition -> resource.equals(definition.getResourceName()))
                .map(ProcessDefinition::getKey).toList();
        long total = 0;
        for (String key : keys) {
            total += runtimeService.createProcessInstanceQuery().processDefinitionKey(key).count();
        }
        counts.put("", total);
        for (String element : elements == null ? List.<String>of() : elements.stream().distinct().limit(200).toList()) {
            long here = 0;
            for (String key : keys) {
                here += runtimeService.createProcessInstanceQuery().processDefinitionKey(key).activityIdIn(element).count();
            }
            counts.put(element, here);
        }
        return counts;
    }
}
