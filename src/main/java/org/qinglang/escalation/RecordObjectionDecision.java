package org.qinglang.escalation;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.qinglang.common.CaseRuleViolation;
import org.qinglang.process.CurrentUser;
import org.qinglang.registry.MeasureCodes;
import org.springframework.stereotype.Component;

/**
 * On completing Task_DecideObjection: refuses an incomplete decision (a reason always, new measures
 * for a change) and applies it to the case (Objections.decide).
 */
@Component("recordObjectionDecision")
public class RecordObjectionDecision implements TaskListener {

    static final String OUTCOME = "objectionOutcome";
    static final String NOTE = "objectionNote";
    static final String CHANGED_MEASURES = "changedMeasures";

    private final Objections objections;

    public RecordObjectionDecision(Objections objections) {
        this.objections = objections;
    }

    @Override
    public void notify(DelegateTask task) {
        List<CaseRuleViolation.Reason> problems = new ArrayList<>();
        Objection.Outcome outcome = null;
        try {
            outcome = Objection.Outcome.valueOf(String.valueOf(task.getVariable(OUTCOME)));
        } catch (IllegalArgumentException e) {
            problems.add(new CaseRuleViolation.Reason("rule.objection-outcome"));
        }
        String note = (String) task.getVariable(NOTE);
        if (note == null || note.isBlank()) {
            problems.add(new CaseRuleViolation.Reason("rule.give-reasons"));
        }
        List<String> changed = MeasureCodes.parse(task.getVariable(CHANGED_MEASURES));
        if (outcome == Objection.Outcome.CHANGED && changed.isEmpty()) {
            problems.add(new CaseRuleViolation.Reason("rule.changed-measures"));
        }
        changed.stream().filter(m -> !EnforcementDecision.MEASURES.contains(m))
                .forEach(m -> problems.add(new CaseRuleViolation.Reason("rule.unknown-measure", m)));
        if (!problems.isEmpty()) {
            throw CaseRuleViolation.invalid(problems);
        }
        objections.decide(((Number) task.getVariable(Objections.OBJECTION_ID)).longValue(), outcome, note.strip(),
                changed, CurrentUser.of(task));
    }
}
