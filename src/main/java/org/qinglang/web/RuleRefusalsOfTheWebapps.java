package org.qinglang.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.qinglang.common.CaseRuleViolation;
import org.qinglang.common.Labels;
import org.qinglang.common.ProblemJson;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The webapps' copy of the engine API (Tasklist, Cockpit) answers a refusal by a rule of the case
 * as a server error, and has no place to map exceptions. This filter answers it as the engine REST
 * API does ({@link EngineApiRefusals}): 403 or 422 problem+json with the reason, which Tasklist
 * shows. A task the user's groups may not work is refused in words, in the user's language, not with
 * the engine's list of permissions. Any other answer passes unchanged.
 */
public class RuleRefusalsOfTheWebapps extends OncePerRequestFilter {

    /** Claiming, completing or assigning a task through the webapps. */
    private static final java.util.regex.Pattern TASK_WORK = java.util.regex.Pattern.compile(
            ".*/api/engine/engine/[^/]+/task/[^/]+/(claim|complete|submit-form|assignee)");

    private final Labels labels;

    RuleRefusalsOfTheWebapps(Labels labels) {
        this.labels = labels;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        CaseRuleViolation.takeLastOnThisThread();
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, answer);
        } finally {
            CaseRuleViolation refusal = CaseRuleViolation.takeLastOnThisThread();
            if (answer.getStatus() == 500 && refusal != null && !response.isCommitted()) {
                answer.resetBuffer();
                ProblemJson.write(response, ProblemJson.of(refusal, org.qinglang.common.ReaderLanguage.ofTheWebapps(request)));
            } else if (answer.getStatus() == 403 && TASK_WORK.matcher(request.getRequestURI()).matches()
                    && !response.isCommitted() && new String(answer.getContentAsByteArray(),
                            java.nio.charset.StandardCharsets.UTF_8).contains("does not have")) {
                // The engine's refusal names permissions and resources; say what it means, in the user's language.
                answer.resetBuffer();
                java.util.Locale locale = org.qinglang.common.ReaderLanguage.ofTheWebapps(request);
                String reason = labels.get("task.not-yours.detail", locale);
                java.util.Map<String, Object> problem = ProblemJson.of(403, labels.get("task.not-yours.title", locale),
                        reason);
                problem.put("message", reason);
                ProblemJson.write(response, problem);
            } else {
                answer.copyBodyToResponse();
            }
        }
    }
}
