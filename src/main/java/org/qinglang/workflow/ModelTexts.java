package org.qinglang.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;

/**
 * The texts of the models in the reader's language. A model is written in the office's language;
 * a name, label or text in another language sits beside it, where the model's editor keeps it: a
 * BPMN element's {@code camunda:property} {@code en.name}, a form component's custom property
 * {@code en.label}, {@code en.text}, {@code en.description} or {@code en.option.<value>}. Without
 * one, the reader sees the model's own text.
 *
 * <p>A task's name may hold expressions ({@code 核实举报 ${caseNumber}}) that the engine filled in
 * when it created the task. The values are read back out of the name by the model's own template
 * and put into the translated one; no expression is evaluated here.
 */
@Component
public class ModelTexts {

    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{[^}]*}");
    private static final String NAME = ".name";

    private final RepositoryService repository;
    /** A deployed definition never changes: its translated names by element id, then by language. */
    private final Map<String, Map<String, Names>> namesByDefinition = new ConcurrentHashMap<>();
    private final Map<String, String> diagrams = new ConcurrentHashMap<>();

    public ModelTexts(RepositoryService repository) {
        this.repository = repository;
    }

    /** The model's name of an element and its names in other languages. */
    private record Names(Written written, Map<String, String> byLanguage) {
    }

    /**
     * The name of a process, task, event or other step as this reader reads it.
     *
     * @param shown the name as the engine holds it (a task's with its expressions filled in)
     * @param values how a value filled into the name reads in this language
     */
    public String name(String processDefinitionId, String elementId, String shown, Locale reader,
            UnaryOperator<String> values) {
        if (processDefinitionId == null || elementId == null || shown == null) {
            return shown;
        }
        Names names = namesOf(processDefinitionId).get(elementId);
        if (names == null) {
            return shown;
        }
        String template = names.byLanguage().getOrDefault(reader.getLanguage(), names.written().text());
        return names.written().fill(template, shown, values);
    }

    /** The model's name of an element with its expressions ({@code ${caseNumber}}) left out, in this language. */
    public String stepName(String processDefinitionId, String elementId, String written, Locale reader) {
        Names names = processDefinitionId == null ? null : namesOf(processDefinitionId).get(elementId);
        String name = names == null ? written : names.byLanguage().getOrDefault(reader.getLanguage(), names.written().text());
        return withoutExpressions(name);
    }

    /** A step's name without the expressions a task's name fills in at run time ({@code 核实举报 ${caseNumber} · …}). */
    static String withoutExpressions(String name) {
        return name == null ? null : EXPRESSION.matcher(name).replaceAll("").replaceAll("(\\s*·\\s*)+$", "")
                .replaceAll("\\s{2,}", " ").strip();
    }

    /** The process diagram's XML with every name this reader has a translation for replaced. */
    public String diagram(String processDefinitionId, String xml, Locale reader) {
        String language = reader.getLanguage();
        Map<String, Names> names = namesOf(processDefinitionId);
        if (names.values().stream().noneMatch(n -> n.byLanguage().containsKey(language))) {
            return xml;
        }
        return diagrams.computeIfAbsent(processDefinitionId + "/" + language, key -> {
            BpmnModelInstance model = Bpmn.readModelFromStream(
                    new java.io.ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            names.forEach((id, name) -> {
                String translated = name.byLanguage().get(language);
                ModelElementInstance element = model.getModelElementById(id);
                if (translated != null && element != null) {
                    element.setAttributeValue("name", translated);
                }
            });
            return Bpmn.convertToString(model);
        });
    }

    /**
     * A Camunda Form's components in this reader's language, changed in place: labels, texts,
     * descriptions and the labels of choices.
     */
    public void form(JsonNode form, Locale reader) {
        String language = reader.getLanguage() + ".";
        for (JsonNode component : form.path("components")) {
            JsonNode properties = component.path("properties");
            if (component instanceof ObjectNode node && properties.isObject()) {
                for (String attribute : List.of("label", "text", "description", "placeholder")) {
                    JsonNode translated = properties.get(language + attribute);
                    if (translated != null && translated.isTextual()) {
                        node.put(attribute, translated.asText());
                    }
                }
                for (JsonNode option : component.path("values")) {
                    JsonNode translated = properties.get(language + "option." + option.path("value").asText());
                    if (option instanceof ObjectNode choice && translated != null && translated.isTextual()) {
                        choice.put("label", translated.asText());
                    }
                }
            }
            form(component, reader);
        }
    }

    private Map<String, Names> namesOf(String processDefinitionId) {
        return namesByDefinition.computeIfAbsent(processDefinitionId, id -> read(repository.getBpmnModelInstance(id)));
    }

    private static Map<String, Names> read(BpmnModelInstance model) {
        Map<String, Map<String, String>> translations = new HashMap<>();
        for (CamundaProperty property : model.getModelElementsByType(CamundaProperty.class)) {
            String name = property.getCamundaName();
            ModelElementInstance element = owner(property);
            if (name != null && name.endsWith(NAME) && property.getCamundaValue() != null
                    && element instanceof BaseElement base && base.getId() != null) {
                translations.computeIfAbsent(base.getId(), k -> new HashMap<>())
                        .put(name.substring(0, name.length() - NAME.length()), property.getCamundaValue());
            }
        }
        Map<String, Names> names = new HashMap<>();
        translations.forEach((id, byLanguage) -> {
            ModelElementInstance element = model.getModelElementById(id);
            String written = element.getAttributeValue("name");
            names.put(id, new Names(Written.of(written), Map.copyOf(byLanguage)));
        });
        return Map.copyOf(names);
    }

    /** The element whose {@code extensionElements/camunda:properties} hold this property. */
    private static ModelElementInstance owner(CamundaProperty property) {
        ModelElementInstance properties = property.getParentElement();
        ModelElementInstance extensions = properties == null ? null : properties.getParentElement();
        return extensions == null ? null : extensions.getParentElement();
    }

    /**
     * The name in the reader's template, with the values the engine filled into the written template
     * (read back out of the shown name) carried over. A shown name that does not fit the written
     * template (a model changed since) is left as it is.
     */
    static String fill(String written, String template, String shown, UnaryOperator<String> values) {
        return Written.of(written).fill(template, shown, values);
    }

    /**
     * A name as the model writes it, read once: the pattern a name the engine filled in fits (each
     * expression any text), and the expressions in their order. An element without a name has no
     * pattern: what the engine shows of it is left as it is.
     */
    private record Written(String text, Pattern filled, List<String> expressions) {

        static Written of(String text) {
            if (text == null) {
                return new Written(null, null, List.of());
            }
            List<String> expressions = new ArrayList<>();
            StringBuilder pattern = new StringBuilder("^");
            Matcher expression = EXPRESSION.matcher(text);
            int at = 0;
            while (expression.find()) {
                pattern.append(Pattern.quote(text.substring(at, expression.start()))).append("(.*?)");
                expressions.add(expression.group());
                at = expression.end();
            }
            pattern.append(Pattern.quote(text.substring(at))).append("$");
            return new Written(text, Pattern.compile(pattern.toString(), Pattern.DOTALL), List.copyOf(expressions));
        }

        String fill(String template, String shown, UnaryOperator<String> values) {
            Matcher filled = this.filled == null ? null : this.filled.matcher(shown);
            if (filled == null || !filled.matches()) {
                return shown;
            }
            Map<String, String> byExpression = new HashMap<>();
            for (int i = 0; i < expressions.size(); i++) {
                byExpression.putIfAbsent(expressions.get(i), values.apply(filled.group(i + 1)));
            }
            StringBuilder name = new StringBuilder();
            Matcher wanted = EXPRESSION.matcher(template);
            int at = 0;
            while (wanted.find()) {
                String value = byExpression.get(wanted.group());
                if (value == null) {
                    return shown;
                }
                name.append(template, at, wanted.start()).append(value);
                at = wanted.end();
            }
            return name.append(template.substring(at)).toString();
        }
    }
}
