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

/** Chooses the measures the platform must take, by the measures table. */
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
        List<String> measures = measuresService.requiredMeasures(complaint.getCategory().name(),
                complaint.getSeverity(), prior);
        execution.setVariable(CaseVariables.REQUIRED_MEASURES, String.join(",", measures));
        execution.setVariable(CaseVariables.REQUIRED_MEASURES_TEXT,
                measures.stream().map(m -> "- " + labels.measure(m)).collect(Collectors.joining("\n")));
    }
}
