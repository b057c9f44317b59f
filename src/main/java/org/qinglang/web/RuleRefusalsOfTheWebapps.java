package org.qinglang.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.qinglang.common.CaseRuleViolation;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The webapps' copy of the engine API (Tasklist, Cockpit) answers a refusal by a rule of the case
 * as a server error, and has no place to map exceptions. This filter answers it as the engine REST
 * API does ({@link EngineApiRefusals}): 403 or 422 problem+json with the reason, which Tasklist
 * shows. Any other answer passes unchanged.
 */
public class RuleRefusalsOfTheWebapps extends OncePerRequestFilter {

    private final ObjectMapper json = new ObjectMapper();

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
                Map<String, Object> problem = new LinkedHashMap<>();
                problem.put("type", "about:blank");
                problem.put("title", "Refused by a rule of the case 违反案件规则");
                problem.put("status", refusal.status());
                problem.put("detail", refusal.getMessage());
                problem.put("message", refusal.getMessage());
                response.setStatus(refusal.status());
                response.setContentType("application/problem+json;charset=UTF-8");
                json.writeValue(response.getOutputStream(), problem);
            } else {
                answer.copyBodyToResponse();
            }
        }
    }
}
