package org.qinglang.casework;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.qinglang.calendar.Deadline;
import org.qinglang.casefile.ComplaintCategory;
import org.qinglang.casefile.ReporterType;
import org.qinglang.common.FeelOnly;
import org.qinglang.registry.Platform;
import org.qinglang.registry.PlatformRepository;
import org.springframework.stereotype.Component;

/**
 * Tries the triage tables of a model before it is deployed with every input a complaint can bring:
 * each category and reporter type, each severity they lead to, each registered platform and one
 * nobody registered. Triage runs while a complaint is taken in, so a table without an answer for
 * some complaint would refuse those complaints; here it is refused instead, before it is deployed.
 */
@Component
public class TriageTableCheck {

    /** The keys of the triage tables in bpmn/triage.dmn, which SubProcess_Triage evaluates. */
    static final String SEVERITY = "triage-severity";
    static final String DEADLINE = "triage-deadline";
    static final String OFFICE = "triage-office";

    private static final Set<String> KNOWN_SEVERITIES = Set.of("CRITICAL", "HIGH", "MEDIUM", "LOW");

    private final DmnEngine dmn = feelOnlyEngine();
    private final PlatformRepository platforms;

    public TriageTableCheck(PlatformRepository platforms) {
        this.platforms = platforms;
    }

    /**
     * A decision engine that evaluates FEEL and nothing else: the tables tried here are not deployed
     * yet, so no JUEL (which could reach Java) and no script may run, even if a check before missed it.
     */
    private static DmnEngine feelOnlyEngine() {
        DefaultDmnEngineConfiguration configuration = FeelOnly.configure(
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration());
        configuration.setElProvider(expression -> {
            throw new IllegalArgumentException("only FEEL is evaluated in decision tables");
        });
        configuration.setScriptEngineResolver(language -> null);
        return configuration.buildEngine();
    }

    /** A decision of the model and the inputs for which it gives no usable answer. */
    public record Gap(String decision, String inputs) {
    }

    /** The gaps of the triage tables in this DMN model (none if it holds no triage table). */
    public List<Gap> gaps(byte[] model) {
        Map<String, DmnDecision> decisions = new LinkedHashMap<>();
        dmn.parseDecisions(new ByteArrayInputStream(model)).forEach(d -> decisions.put(d.getKey(), d));
        List<Gap> gaps = new ArrayList<>();
        Set<String> severities = new TreeSet<>(KNOWN_SEVERITIES);
        DmnDecision severity = decisions.get(SEVERITY);
        if (severity != null) {
            severities.clear();
            for (ComplaintCategory category : ComplaintCategory.values()) {
                for (ReporterType reporter : ReporterType.values()) {
                    Map<String, Object> inputs = Map.of("category", category.name(), "reporterType", reporter.name());
                    Object level = answer(severity, inputs, gaps).get("severity");
                    if (level instanceof String s && !s.isBlank()) {
                        severities.add(s);
                    } else {
                        gaps.add(new Gap(SEVERITY, inputs.toString()));
                    }
                }
            }
        }
        DmnDecision deadline = decisions.get(DEADLINE);
        if (deadline != null) {
            for (String level : severities) {
                Map<String, Object> inputs = Map.of("severity", level);
                Map<String, Object> answer = answer(deadline, inputs, gaps);
                for (String output : List.of("rectificationDeadline", "reminderBefore", "verificationSla")) {
                    if (!isDuration(answer.get(output))) {
                        gaps.add(new Gap(DEADLINE, inputs + " → " + output));
                    }
                }
            }
        }
        DmnDecision office = decisions.get(OFFICE);
        if (office != null) {
            List<String> codes = new ArrayList<>(platforms.findAll().stream().map(Platform::getCode).toList());
            codes.add("not-registered");
            for (String code : codes) {
                Map<String, Object> inputs = Map.of("platformCode", code);
                Object answer = answer(office, inputs, gaps).get("responsibleOffice");
                if (!(answer instanceof String s) || s.isBlank()) {
                    gaps.add(new Gap(OFFICE, inputs.toString()));
                }
            }
        }
        return gaps.stream().distinct().toList();
    }

    private Map<String, Object> answer(DmnDecision decision, Map<String, Object> inputs, List<Gap> gaps) {
        try {
            DmnDecisionResultEntries first = dmn.evaluateDecision(decision, Variables.fromMap(inputs)).getFirstResult();
            return first == null ? Map.of() : first.getEntryMap();
        } catch (RuntimeException e) {
            // E.g. two rules of a UNIQUE table match.
            gaps.add(new Gap(decision.getKey(), inputs + ": " + e.getMessage()));
            return Map.of();
        }
    }

    private static boolean isDuration(Object value) {
        if (!(value instanceof String text)) {
            return false;
        }
        return Deadline.isValid(text);
    }
}
