package org.qinglang.workflow;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaScript;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.qinglang.casework.TriageTableCheck;
import org.qinglang.process.ProcessIds;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.stereotype.Component;

/**
 * Checks a set of models before it is deployed. Deploying a model is deploying code that runs
 * inside the application, so a model may only call our own beans, never scripts, and must say how
 * long its history is kept. Each problem is a message key with its arguments, so that it can be
 * shown in the manager's language.
 */
@Component
public class ModelValidator {

    public record Problem(String model, String key, List<String> arguments) {
    }

    private static final Pattern BEAN_EXPRESSION = Pattern.compile("^\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}$");

    private final ListableBeanFactory beans;
    private final TriageTableCheck triageTables;
    private final ModelBeans modelBeans;
    private final ExpressionRules expressions;

    public ModelValidator(ListableBeanFactory beans, TriageTableCheck triageTables) {
        this.beans = beans;
        this.triageTables = triageTables;
        this.modelBeans = new ModelBeans(beans);
        this.expressions = new ExpressionRules(modelBeans);
    }

    /** The steps of ours a delegate expression may name, by bean name. */
    public List<String> steps() {
        return java.util.Arrays.stream(beans.getBeanDefinitionNames()).filter(modelBeans::isDelegate).sorted().toList();
    }

    public List<Problem> validate(Collection<ModelDeployment.Model> models) {
        List<Problem> problems = new ArrayList<>();
        Set<String> formIds = new java.util.HashSet<>();
        for (ModelDeployment.Model model : models) {
            if (model.name().endsWith(".form")) {
                String id = formId(model);
                if (id == null) {
                    problems.add(new Problem(model.name(), "model.problem.form-unreadable", List.of()));
                } else {
                    formIds.add(id);
                }
            }
        }
        Set<String> calledBeans = new java.util.HashSet<>();
        for (ModelDeployment.Model model : models) {
            if (model.name().endsWith(".bpmn")) {
                calledBeans.addAll(calledBeans(model));
            }
        }
        for (ModelDeployment.Model model : models) {
            if (model.name().endsWith(".form")) {
                // A form field named like a bean would shadow it in ${bean} expressions of the process.
                formKeys(model).stream().filter(calledBeans::contains).forEach(key -> problems.add(
                        new Problem(model.name(), "model.problem.form-key-shadows-bean", List.of(key))));
            }
        }
        for (ModelDeployment.Model model : models) {
            if (model.name().endsWith(".bpmn")) {
                validateBpmn(model, formIds, problems);
            } else if (model.name().endsWith(".dmn")) {
                validateDmn(model, problems);
            } else if (!model.name().endsWith(".form")) {
                problems.add(new Problem(model.name(), "model.problem.unknown-type", List.of()));
            }
        }
        return problems;
    }

    private void validateBpmn(ModelDeployment.Model model, Set<String> formIds, List<Problem> problems) {
        BpmnModelInstance bpmn;
        try {
            bpmn = Bpmn.readModelFromStream(new ByteArrayInputStream(model.content()));
        } catch (RuntimeException e) {
            problems.add(new Problem(model.name(), "model.problem.unparsable", List.of(firstLine(e))));
            return;
        }
        for (Process process : bpmn.getModelElementsByType(Process.class)) {
            if (process.isExecutable() && process.getCamundaHistoryTimeToLiveString() == null) {
                problems.add(new Problem(model.name(), "model.problem.no-history-ttl", List.of(process.getId())));
            }
            for (String id : ProcessIds.REQUIRED_ELEMENTS.getOrDefault(process.getId(), Set.of())) {
                if (bpmn.getModelElementById(id) == null) {
                    problems.add(new Problem(model.name(), "model.problem.missing-id", List.of(process.getId(), id)));
                }
            }
            Set<String> messages = new java.util.HashSet<>();
            bpmn.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Message.class)
                    .forEach(message -> messages.add(message.getName()));
            for (String name : ProcessIds.REQUIRED_MESSAGES.getOrDefault(process.getId(), Set.of())) {
                if (!messages.contains(name)) {
                    problems.add(new Problem(model.name(), "model.problem.missing-message",
                            List.of(process.getId(), name)));
                }
            }
        }
        for (ScriptTask script : bpmn.getModelElementsByType(ScriptTask.class)) {
            problems.add(new Problem(model.name(), "model.problem.script-task", List.of(script.getId())));
        }
        for (CamundaScript script : bpmn.getModelElementsByType(CamundaScript.class)) {
            problems.add(new Problem(model.name(), "model.problem.script-listener",
                    List.of(owner(script))));
        }
        for (CamundaExecutionListener listener : bpmn.getModelElementsByType(CamundaExecutionListener.class)) {
            checkListener(model, owner(listener), listener.getCamundaClass(), listener.getCamundaExpression(),
                    listener.getCamundaDelegateExpression(), problems);
        }
        for (CamundaTaskListener listener : bpmn.getModelElementsByType(CamundaTaskListener.class)) {
            checkListener(model, owner(listener), listener.getCamundaClass(), listener.getCamundaExpression(),
                    listener.getCamundaDelegateExpression(), problems);
        }
        for (BaseElement element : bpmn.getModelElementsByType(BaseElement.class)) {
            String delegate = element.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "delegateExpression");
            if (delegate != null) {
                checkBean(model, element.getId(), delegate, problems);
            }
            if (element.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "class") != null) {
                problems.add(new Problem(model.name(), "model.problem.java-class", List.of(element.getId())));
            }
        }
        List<Problem> sandbox = new ArrayList<>();
        try {
            ModelXml.scan(model.content(), new BpmnSandboxCheck(model, sandbox));
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(model.name(), "model.problem.unparsable", List.of(firstLine(e))));
        }
        // A script or class already reported as such needs no second line for its attributes and elements.
        Set<String> scripted = problems.stream().filter(p -> p.key().startsWith("model.problem.script-")
                        || p.key().equals("model.problem.java-class"))
                .map(p -> p.arguments().get(0)).collect(java.util.stream.Collectors.toSet());
        sandbox.stream().filter(p -> !(p.key().startsWith("model.problem.forbidden-")
                && scripted.contains(p.arguments().get(0)))).forEach(problems::add);
        for (UserTask task : bpmn.getModelElementsByType(UserTask.class)) {
            String formRef = task.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef");
            if (formRef != null && !formRef.contains("${") && !formIds.contains(formRef)) {
                problems.add(new Problem(model.name(), "model.problem.missing-form", List.of(task.getId(), formRef)));
            }
        }
    }

    private void checkListener(ModelDeployment.Model model, String owner, String className, String expression,
            String delegateExpression, List<Problem> problems) {
        if (className != null) {
            problems.add(new Problem(model.name(), "model.problem.java-class", List.of(owner)));
        }
        if (delegateExpression != null) {
            checkBean(model, owner, delegateExpression, problems);
        }
    }

    private void checkBean(ModelDeployment.Model model, String elementId, String expression, List<Problem> problems) {
        Matcher matcher = BEAN_EXPRESSION.matcher(expression.strip());
        if (!matcher.matches()) {
            problems.add(new Problem(model.name(), "model.problem.delegate-expression",
                    List.of(elementId, expression)));
        } else if (!beans.containsBean(matcher.group(1))) {
            problems.add(new Problem(model.name(), "model.problem.unknown-bean", List.of(elementId, matcher.group(1))));
        } else if (!modelBeans.isDelegate(matcher.group(1))) {
            problems.add(new Problem(model.name(), "model.problem.not-a-step", List.of(elementId, matcher.group(1))));
        }
    }

    private void validateDmn(ModelDeployment.Model model, List<Problem> problems) {
        DmnModelInstance dmn;
        try {
            dmn = Dmn.readModelFromStream(new ByteArrayInputStream(model.content()));
        } catch (RuntimeException e) {
            problems.add(new Problem(model.name(), "model.problem.unparsable", List.of(firstLine(e))));
            return;
        }
        for (Decision decision : dmn.getModelElementsByType(Decision.class)) {
            if (decision.getCamundaHistoryTimeToLiveString() == null) {
                problems.add(new Problem(model.name(), "model.problem.no-history-ttl", List.of(decision.getId())));
            }
        }
        int before = problems.size();
        try {
            ModelXml.scan(model.content(), (element, attribute, value) -> {
                if (attribute != null && attribute.equals("expressionLanguage") && !isFeel(value)) {
                    problems.add(new Problem(model.name(), "model.problem.dmn-language", List.of(element, value)));
                } else if (attribute == null && FEEL_EXTERNAL.matcher(value).find()) {
                    problems.add(new Problem(model.name(), "model.problem.dmn-external", List.of(element)));
                }
            });
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(model.name(), "model.problem.unparsable", List.of(firstLine(e))));
        }
        if (problems.size() > before) {
            // Only tables in FEEL are evaluated here: FEEL cannot reach Java.
            return;
        }
        try {
            triageTables.gaps(model.content()).forEach(gap -> problems.add(new Problem(model.name(),
                    "model.problem.triage-gap", List.of(gap.decision(), gap.inputs()))));
        } catch (RuntimeException e) {
            problems.add(new Problem(model.name(), "model.problem.unparsable", List.of(firstLine(e))));
        }
    }

    /** A FEEL function bound to Java ({@code function(x) external {java: …}}). */
    private static final Pattern FEEL_EXTERNAL = Pattern.compile("\\bexternal\\s*\\{");

    /** FEEL under any of the names DMN gives it. */
    static boolean isFeel(String language) {
        String normalized = language.strip().toLowerCase(java.util.Locale.ROOT);
        return normalized.equals("feel") || normalized.matches("https?://www\\.omg\\.org/spec/dmn/\\d+/feel/?");
    }

    /**
     * Everything in a process model the engine would evaluate or load: expressions in any attribute
     * or text, and the attributes and elements that name classes, scripts or connectors.
     */
    private final class BpmnSandboxCheck implements ModelXml.Visitor {

        private static final Set<String> FORBIDDEN_ATTRIBUTES = Set.of("class", "variableMappingClass",
                "formHandlerClass", "scriptFormat", "language", "resource");
        private static final Set<String> BEAN_ATTRIBUTES = Set.of("delegateExpression",
                "variableMappingDelegateExpression");
        private static final Set<String> FORBIDDEN_ELEMENTS = Set.of("script", "connector");

        private final ModelDeployment.Model model;
        private final List<Problem> problems;

        BpmnSandboxCheck(ModelDeployment.Model model, List<Problem> problems) {
            this.model = model;
            this.problems = problems;
        }

        @Override
        public void visit(String elementId, String attribute, String value) {
            if (attribute != null && FORBIDDEN_ATTRIBUTES.contains(attribute)) {
                problems.add(new Problem(model.name(), "model.problem.forbidden-attribute",
                        List.of(elementId, attribute)));
                return;
            }
            if (attribute != null && BEAN_ATTRIBUTES.contains(attribute)) {
                if (attribute.equals("variableMappingDelegateExpression")) {
                    checkBean(model, elementId, value, problems);
                }
                return;
            }
            if (ExpressionRules.isExpression(value)) {
                for (ExpressionRules.Violation violation : expressions.check(value)) {
                    problems.add(new Problem(model.name(), violation.key(),
                            List.of(elementId, value.strip(), violation.detail())));
                }
            }
        }

        @Override
        public void element(String elementId, String localName, java.util.Map<String, String> attributes) {
            if (FORBIDDEN_ELEMENTS.contains(localName)) {
                problems.add(new Problem(model.name(), "model.problem.forbidden-element", List.of(elementId, localName)));
            } else if (localName.equals("constraint") && "validator".equals(attributes.get("name"))) {
                problems.add(new Problem(model.name(), "model.problem.forbidden-element",
                        List.of(elementId, "constraint validator")));
            }
        }
    }

    private static Set<String> calledBeans(ModelDeployment.Model model) {
        Set<String> names = new java.util.HashSet<>();
        Matcher matcher = Pattern.compile("delegateExpression=\"\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}\"")
                .matcher(new String(model.content(), StandardCharsets.UTF_8));
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static List<String> formKeys(ModelDeployment.Model model) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(new String(model.content(), StandardCharsets.UTF_8)).findValuesAsText("key");
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    private static String formId(ModelDeployment.Model model) {
        try {
            com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(new String(model.content(), StandardCharsets.UTF_8));
            return json.hasNonNull("id") && json.has("components") ? json.get("id").asText() : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static String owner(org.camunda.bpm.model.xml.instance.ModelElementInstance element) {
        org.camunda.bpm.model.xml.instance.ModelElementInstance current = element;
        while (current != null && !(current instanceof BaseElement)) {
            current = current.getParentElement();
        }
        return current == null ? "?" : ((BaseElement) current).getId();
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        return message.lines().findFirst().orElse(message);
    }
}
