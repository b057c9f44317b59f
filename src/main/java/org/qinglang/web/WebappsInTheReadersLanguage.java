package org.qinglang.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qinglang.common.BilingualTexts;
import org.qinglang.common.Labels;
import org.qinglang.common.ReaderLanguage;
import org.qinglang.workflow.ModelTexts;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Tasklist and Cockpit in one language: the engine keeps one name per task, filter, form and
 * process, and values written for people in Chinese and English together; what the webapps read
 * through their copy of the engine API is given to each reader in the language the webapps chose
 * for them (the browser's first of Chinese and English, English otherwise). Names, labels, texts and
 * choices come from the models' translations ({@link ModelTexts}), values from
 * {@link BilingualTexts}. The engine REST API for clients ({@code /engine-rest}) is left as it is.
 *
 * <p>Only what is shown changes: a read-only field Tasklist sends back in the reader's language is
 * recognised and never written (see the task input filter).
 */
class WebappsInTheReadersLanguage extends OncePerRequestFilter {

    /** The calls whose answers hold texts for people, after the webapps' engine API prefix. */
    private static final Pattern TRANSLATED = Pattern.compile("^/camunda/api/engine/engine/[^/]+/(?:"
            + "filter(?:/[^/]+(?:/list|/singleResult)?)?|task(?:/[^/]+)?|task/([^/]+)/(deployed-form|form-variables)"
            + "|process-definition(?:/[^/]+)?|process-definition/([^/]+)/xml)$");

    private final ModelTexts models;
    private final BilingualTexts values;
    private final Labels labels;
    private final ObjectMapper json = new ObjectMapper();

    WebappsInTheReadersLanguage(ModelTexts models, BilingualTexts values, Labels labels) {
        this.models = models;
        this.values = values;
        this.labels = labels;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher call = TRANSLATED.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        if (!call.matches()) {
            chain.doFilter(request, response);
            return;
        }
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, answer);
        String type = answer.getContentType();
        if (answer.getStatus() != 200 || type == null || !type.contains("json") || answer.getContentSize() == 0) {
            answer.copyBodyToResponse();
            return;
        }
        JsonNode body;
        try {
            body = json.readTree(answer.getContentInputStream());
        } catch (IOException notJson) {
            answer.copyBodyToResponse();
            return;
        }
        Locale reader = ReaderLanguage.ofTheWebapps(request);
        if ("deployed-form".equals(call.group(2))) {
            models.form(body, reader);
        } else if (call.group(3) != null && body instanceof ObjectNode diagram && diagram.path("bpmn20Xml").isTextual()) {
            diagram.put("bpmn20Xml", models.diagram(call.group(3), diagram.get("bpmn20Xml").asText(), reader));
        } else {
            translate(body, null, reader);
        }
        byte[] translated = json.writeValueAsBytes(body);
        response.setContentLength(translated.length);
        response.getOutputStream().write(translated);
    }

    /** Every task, filter, process definition and variable in the answer, wherever it is embedded. */
    private void translate(JsonNode node, String variableName, Locale reader) {
        if (node instanceof ArrayNode items) {
            items.forEach(item -> translate(item, null, reader));
            return;
        }
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        if (object.has("taskDefinitionKey") && object.path("name").isTextual()) {
            object.put("name", models.name(object.path("processDefinitionId").asText(null),
                    object.get("taskDefinitionKey").asText(), object.get("name").asText(), reader,
                    value -> values.in(reader, null, value)));
        } else if (object.has("deploymentId") && object.has("key") && object.has("version")
                && object.path("name").isTextual()) {
            object.put("name", models.name(object.path("id").asText(), object.get("key").asText(),
                    object.get("name").asText(), reader, value -> values.in(reader, null, value)));
        } else if ("Task".equals(object.path("resourceType").asText()) && object.path("properties").isObject()) {
            filter(object, reader);
        } else if (object.has("valueInfo") && object.has("type")) {
            variable(object, object.has("name") ? object.get("name").asText() : variableName, reader);
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().equals("group") && field.getValue().isArray()) {
                field.getValue().forEach(group -> group(group, reader));
            } else if (!field.getKey().equals("_links")) {
                translate(field.getValue(), field.getKey(), reader);
            }
        }
    }

    /** A group a task is offered to ({@code _embedded.group}): our groups by the bundles' names for them. */
    private void group(JsonNode group, Locale reader) {
        String key = "group." + group.path("id").asText();
        String name = labels.get(key, reader);
        if (group instanceof ObjectNode known && !name.equals(key)) {
            known.put("name", name);
        }
    }

    /** A Tasklist filter: its name, description and the labels of the variables it shows. */
    private void filter(ObjectNode filter, Locale reader) {
        String language = reader.getLanguage() + ".";
        ObjectNode properties = (ObjectNode) filter.get("properties");
        if (properties.path(language + "name").isTextual()) {
            filter.set("name", properties.get(language + "name"));
        }
        if (properties.path(language + "description").isTextual()) {
            properties.set("description", properties.get(language + "description"));
        }
        for (JsonNode shown : properties.path("variables")) {
            if (shown instanceof ObjectNode variable && variable.path(language + "label").isTextual()) {
                variable.set("label", variable.get(language + "label"));
            }
        }
    }

    /** A variable's value as the engine API gives it ({@code {"type": …, "value": …}}). */
    private void variable(ObjectNode variable, String name, Locale reader) {
        JsonNode value = variable.get("value");
        if (value == null || !value.isTextual()) {
            return;
        }
        String type = variable.path("type").asText();
        if (type.equals("String")) {
            variable.put("value", values.in(reader, name, value.asText()));
        } else if (type.equals("Json")) {
            // A choice's options (a list of label and value): only the labels change.
            try {
                JsonNode options = json.readTree(value.asText());
                if (options instanceof ArrayNode list) {
                    list.forEach(option -> {
                        if (option instanceof ObjectNode choice && choice.path("label").isTextual()) {
                            choice.put("label", values.in(reader, null, choice.get("label").asText()));
                        }
                    });
                    variable.set("value", TextNode.valueOf(json.writeValueAsString(list)));
                }
            } catch (IOException notJson) {
                // left as it is
            }
        }
    }
}
