package org.qinglang.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An RFC 9457 problem (application/problem+json), for the answers our servlet filters and the engine
 * API's refusals write themselves, where Spring's ProblemDetail handling does not reach.
 */
public final class ProblemJson {

    public static final String MEDIA_TYPE = "application/problem+json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemJson() {
    }

    /** type, title, status and detail; add members to the map as a problem needs them. */
    public static Map<String, Object> of(int status, String title, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        return problem;
    }

    /** A refusal by a rule of the case, with the reason also as "message", which Tasklist shows. */
    public static Map<String, Object> of(CaseRuleViolation refusal) {
        Map<String, Object> problem = of(refusal.status(), "Refused by a rule of the case 违反案件规则",
                refusal.getMessage());
        problem.put("message", refusal.getMessage());
        return problem;
    }

    /** The same in one language, for a reader of the webapps. */
    public static Map<String, Object> of(CaseRuleViolation refusal, java.util.Locale reader) {
        boolean chinese = "zh".equals(reader.getLanguage());
        String reason = refusal.message(reader);
        Map<String, Object> problem = of(refusal.status(), chinese ? "违反案件规则" : "Refused by a rule of the case", reason);
        problem.put("message", reason);
        return problem;
    }

    public static void write(HttpServletResponse response, Map<String, Object> problem) throws IOException {
        response.setStatus((Integer) problem.get("status"));
        response.setContentType(MEDIA_TYPE + ";charset=UTF-8");
        JSON.writeValue(response.getOutputStream(), problem);
    }
}
