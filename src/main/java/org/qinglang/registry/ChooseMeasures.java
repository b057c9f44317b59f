package org.qinglang.registry;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.qinglang.process.CaseVariables;
import org.qinglang.common.Labels;
import org.qinglang.casefile.CaseFiles;
import org.qinglang.casefile.Complaint;
import org.springframework.stereotype.Component;

/**
 * Chooses the measures by the measures table and sorts them by whom they are against: measures on the
 * account or its content are orders to the platform (the notice); measures against the platform
 * itself (an interview, suspending its functions) are actions of ours (Task_TakePlatformMeasures).
 */
@Component("chooseMeasures")
public class ChooseMeasures implements JavaDelegate {

    private final MeasuresService measuresService;
    private final Labels labels;
    private final CaseFiles caseFiles;

    public ChooseMeasures(MeasuresService measuresService, Labels labels, CaseFiles caseFiles) {
        this.measuresService = measuresService;
        this.labels = labels;
        this.caseFiles = caseFiles;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PriorViolations prior = new PriorViolations(
                ((Number) execution.getVariable(CaseVariables.PRIOR_ACCOUNT_VIOLATIONS)).longValue(),
                ((Number) execution.getVariable(CaseVariables.PRIOR_PLATFORM_VIOLATIONS)).longValue());
        // Category and severity as the case file holds them (triage's result), not as variables say.
        Complaint complaint = caseFiles.get(execution.getProcessBusinessKey());
        List<MeasuresService.RequiredMeasure> measures = measuresService.requiredMeasures(
                complaint.getCategory().name(), complaint.getSeverity(), prior);
        List<String> orders = measures.stream().filter(MeasuresService.RequiredMeasure::isOrderToThePlatform)
                .map(MeasuresService.RequiredMeasure::code).toList();
        List<String> ours = measures.stream().filter(m -> !m.isOrderToThePlatform())
                .map(MeasuresService.RequiredMeasure::code).toList();
        execution.setVariable(CaseVariables.REQUIRED_MEASURES, String.join(",", orders));
        execution.setVariable(CaseVariables.REQUIRED_MEASURES_TEXT, text(orders));
        execution.setVariable(CaseVariables.PLATFORM_MEASURES, String.join(",", ours));
        execution.setVariable(CaseVariables.PLATFORM_MEASURES_TEXT, text(ours));
    }

    private String text(List<String> codes) {
        return codes.stream().map(m -> "- " + labels.measure(m)).collect(Collectors.joining("\n"));
    }
}
