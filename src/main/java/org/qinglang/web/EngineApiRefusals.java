package org.qinglang.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.qinglang.common.CaseRuleViolation;
import org.qinglang.common.ProblemJson;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * The engine REST API answers a refusal by one of our rules (four eyes, an incomplete decision) as
 * what it is: 403 or 422 problem+json with the reason, not a server error. The engine wraps what a
 * listener throws, so the rule is found in the causes; every other engine exception is answered as
 * the engine would.
 */
@Component
class EngineApiRefusals implements ResourceConfigCustomizer {

    @Override
    public void customize(org.glassfish.jersey.server.ResourceConfig config) {
        config.register(RefusalMapper.class);
    }

    /** The same answers on the webapps' copy of the engine API, which maps no exceptions of ours. */
    @org.springframework.context.annotation.Bean
    static org.springframework.boot.web.servlet.FilterRegistrationBean<RuleRefusalsOfTheWebapps> ruleRefusalsOfTheWebapps(
            org.qinglang.common.Labels labels) {
        org.springframework.boot.web.servlet.FilterRegistrationBean<RuleRefusalsOfTheWebapps> registration =
                new org.springframework.boot.web.servlet.FilterRegistrationBean<>(new RuleRefusalsOfTheWebapps(labels));
        registration.setName("qinglang-rule-refusals-of-the-webapps");
        registration.addUrlPatterns("/camunda/api/engine/*");
        registration.setOrder(1);
        return registration;
    }

    @Priority(1)
    public static class RefusalMapper implements ExceptionMapper<ProcessEngineException> {

        private final ProcessEngineExceptionHandler engine = new ProcessEngineExceptionHandler();

        @Override
        public Response toResponse(ProcessEngineException exception) {
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                if (cause instanceof CaseRuleViolation refusal) {
                    return Response.status(refusal.status()).type(ProblemJson.MEDIA_TYPE)
                            .entity(ProblemJson.of(refusal)).build();
                }
                if (cause.getCause() == cause) {
                    break;
                }
            }
            return engine.toResponse(exception);
        }
    }
}
