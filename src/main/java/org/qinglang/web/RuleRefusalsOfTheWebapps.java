package org.qinglang.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.qinglang.common.CaseRuleViolation;
import org.qinglang.common.ProblemJson;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The webapps' copy of the engine API (Tasklist, Cockpit) answers a refusal by a rule of the case
 * as a server error, and has no place to map exceptions. This filter answers it as the engine REST
 * API does ({@link EngineApiRefusals}): 403 or 422 problem+json with the reason, which Tasklist
 * shows. Any other answer passes unchanged.
 */
public class RuleRefusalsOfTheWebapps extends OncePerRequestFilter {

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
                ProblemJson.write(response, ProblemJson.of(refusal));
            } else {
                answer.copyBodyToResponse();
            }
        }
    }
}
