package org.qinglang.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.qinglang.common.BilingualTexts;
import org.qinglang.common.Labels;
import org.qinglang.common.ProblemJson;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A task's form is the only input the task accepts, through the engine REST API and the webapps'
 * copy of it alike. Completing a task (complete, submit-form, resolve) may carry the fields its
 * form lets the user edit, and a read-only field only with the value it shows; anything else is
 * refused with 400 before the engine sees it. A read-only field is never written: Tasklist sends it
 * back as it showed it (in the reader's language), and it is dropped before the engine sees the
 * submission. Variables cannot be written to a task directly: the
 * facts later steps trust come from the decision tables and the case file, not from a caller.
 */
public class TaskFormInput extends OncePerRequestFilter {

    /** The engine API's task paths under both servlets and any engine name. */
    static final Pattern TASK_CALL = Pattern.compile(
            "^(?:/engine-rest(?:/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)/task/([^/]+)/"
                    + "(complete|submit-form|resolve|variables|localVariables)(?:/.*)?$");
    static final int MAX_BYTES = 2 * 1024 * 1024;
    static final int MAX_TEXT = 4000;

    private final TaskForms forms;
    private final BilingualTexts shown;
    private final ObjectMapper json = new ObjectMapper();

    public TaskFormInput(TaskForms forms, BilingualTexts shown) {
        this.forms = forms;
        this.shown = shown;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher call = TASK_CALL.matcher(canonicalPath(request));
        if (!call.matches() || "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())
                || "OPTIONS".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        String taskId = call.group(1);
        String action = call.group(2);
        if (action.equals("variables") || action.equals("localVariables")) {
            refuse(request, response, 403, "Task variables are set through the task's form only.",
                    "任务变量只能通过任务表单提交。", List.of());
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BYTES + 1);
        if (body.length > MAX_BYTES) {
            refuse(request, response, 413, "The form submission is too large.", "表单提交内容过大。", List.of());
            return;
        }
        JsonNode submitted;
        try {
            submitted = body.length == 0 ? json.createObjectNode() : json.readTree(body);
        } catch (IOException e) {
            refuse(request, response, 400, "The body is not JSON.", "请求内容不是 JSON。", List.of());
            return;
        }
        JsonNode variables = submitted == null ? null : submitted.get("variables");
        if (variables != null && !variables.isNull()) {
            TaskForms.Fields fields = forms.fieldsOf(taskId);
            if (fields != null) {
                List<String> tooLong = tooLong(variables);
                if (!tooLong.isEmpty()) {
                    refuse(request, response, 400, "These fields are longer than " + MAX_TEXT + " characters: "
                            + String.join(", ", tooLong), "以下字段超过 " + MAX_TEXT + " 个字符：" + String.join("、", tooLong),
                            tooLong);
                    return;
                }
                List<String> refused = refusedFields(taskId, variables, fields);
                if (!refused.isEmpty()) {
                    refuse(request, response, 400, "These fields are not on the task's form or may not be changed: "
                            + String.join(", ", refused), "以下字段不在任务表单中或不可修改：" + String.join("、", refused),
                            refused);
                    return;
                }
                if (variables instanceof ObjectNode sent && fields.readOnly().stream().anyMatch(sent::has)) {
                    sent.remove(fields.readOnly());
                    body = json.writeValueAsBytes(submitted);
                }
            }
        }
        chain.doFilter(new CachedBody(request, body), response);
    }

    /** Text fields the engine could not keep in a string variable (4,000 characters). */
    private static List<String> tooLong(JsonNode variables) {
        List<String> tooLong = new ArrayList<>();
        variables.fields().forEachRemaining(field -> {
            JsonNode value = valueOf(field.getValue());
            if (value != null && value.isTextual() && value.asText().length() > MAX_TEXT) {
                tooLong.add(field.getKey());
            }
        });
        return tooLong;
    }

    private List<String> refusedFields(String taskId, JsonNode variables, TaskForms.Fields fields) {
        List<String> refused = new ArrayList<>();
        if (!variables.isObject()) {
            refused.add("variables");
            return refused;
        }
        List<String> readOnlySent = new ArrayList<>();
        variables.fieldNames().forEachRemaining(name -> {
            if (fields.readOnly().contains(name)) {
                readOnlySent.add(name);
            }
        });
        Map<String, Object> current = readOnlySent.isEmpty() ? Map.of() : forms.currentValues(taskId, readOnlySent);
        for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            if (fields.editable().contains(name)) {
                if (!offered(taskId, name, field.getValue(), fields)) {
                    refused.add(name);
                }
                continue;
            }
            // Tasklist sends the read-only fields back as they were shown; a changed value is an attack.
            if (!fields.readOnly().contains(name) || !shownValue(name, field.getValue(), current.get(name))) {
                refused.add(name);
            }
        }
        return refused;
    }

    /** A choice's value must be one it offers (a checklist's every value); other fields take any. */
    private boolean offered(String taskId, String name, JsonNode submitted, TaskForms.Fields fields) {
        java.util.Set<String> offered = fields.options().get(name);
        if (offered == null && fields.optionsFrom().containsKey(name)) {
            offered = forms.optionsIn(taskId, fields.optionsFrom().get(name));
        }
        if (offered == null) {
            return true;
        }
        JsonNode value = valueOf(submitted);
        if (value == null || value.isNull()) {
            return true;
        }
        if (value.isTextual() && value.asText().startsWith("[")) {
            // Tasklist sends a checklist as JSON text.
            try {
                value = json.readTree(value.asText());
            } catch (IOException e) {
                return false;
            }
        }
        if (value.isArray()) {
            for (JsonNode item : value) {
                if (!offered.contains(item.asText())) {
                    return false;
                }
            }
            return true;
        }
        return offered.contains(value.asText());
    }

    /** A submitted variable's value: the engine API's {"value": …, "type": …}, or the bare value. */
    private static JsonNode valueOf(JsonNode submitted) {
        return submitted != null && submitted.isObject() ? submitted.get("value") : submitted;
    }

    /** Whether the value is the field's current one as Tasklist showed it, in either language. */
    private boolean shownValue(String name, JsonNode submitted, Object current) {
        JsonNode value = valueOf(submitted);
        String text = value == null || value.isNull() ? "" : value.isTextual() ? value.asText() : value.toString();
        String stored = current == null ? "" : String.valueOf(current);
        return text.equals(stored) || text.equals(shown.in(Labels.CHINESE, name, stored))
                || text.equals(shown.in(Labels.ENGLISH, name, stored));
    }

    /** The path as the servlet container maps it: decoded, without parameters, duplicate or trailing slashes. */
    static String canonicalPath(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        path = path.replaceAll(";[^/]*", "");
        path = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        path = path.replaceAll("/{2,}", "/");
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path;
    }

    /**
     * Refuses the submission: on the webapps' copy of the API in the language Tasklist shows its
     * reader, on the engine REST API for clients in both.
     */
    private void refuse(HttpServletRequest request, HttpServletResponse response, int status, String english,
            String chinese, List<String> fields) throws IOException {
        boolean webapps = canonicalPath(request).startsWith("/camunda/");
        boolean inChinese = "zh".equals(org.qinglang.common.ReaderLanguage.ofTheWebapps(request).getLanguage());
        String title = !webapps ? "Task input refused 任务输入被拒绝" : inChinese ? "任务输入被拒绝" : "Task input refused";
        String detail = !webapps ? english + " " + chinese : inChinese ? chinese : english;
        Map<String, Object> problem = ProblemJson.of(status, title, detail);
        problem.put("message", detail); // what Tasklist shows
        if (!fields.isEmpty()) {
            problem.put("fields", fields);
        }
        ProblemJson.write(response, problem);
    }

    /** The request again, with the body already read. */
    private static final class CachedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
