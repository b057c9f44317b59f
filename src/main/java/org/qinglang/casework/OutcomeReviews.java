package org.qinglang.casework;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.qinglang.casefile.CaseFiles;
import org.qinglang.casefile.Complaint;
import org.qinglang.common.EngineClock;
import org.qinglang.common.Labels;
import org.qinglang.process.CaseNotAwaitingException;
import org.qinglang.process.CaseVariables;
import org.qinglang.registry.PlatformRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A complainant's request, within six months of the outcome, that a supervisor review it. Starts
 * the outcome-review process; a case is reviewed once.
 */
@Service
public class OutcomeReviews {

    public static final String PROCESS_KEY = "outcome-review";

    private final CaseFiles caseFiles;
    private final RuntimeService runtimeService;
    private final PlatformRepository platforms;
    private final Labels labels;

    public OutcomeReviews(CaseFiles caseFiles, RuntimeService runtimeService, PlatformRepository platforms,
            Labels labels) {
        this.caseFiles = caseFiles;
        this.runtimeService = runtimeService;
        this.platforms = platforms;
        this.labels = labels;
    }

    public boolean canRequest(Complaint complaint) {
        return complaint.reviewCanBeRequested(EngineClock.now());
    }

    @Transactional
    public void request(String caseNumber, String reason) {
        Complaint complaint = caseFiles.get(caseNumber);
        if (!canRequest(complaint)) {
            throw new CaseNotAwaitingException(caseNumber, "a review request");
        }
        complaint.reviewRequested();
        Map<String, Object> variables = new HashMap<>();
        variables.put(CaseVariables.CASE_NUMBER, caseNumber);
        variables.put(CaseVariables.CATEGORY_LABEL, labels.category(complaint.getCategory()));
        variables.put(CaseVariables.PLATFORM_NAME, platforms.findById(complaint.getPlatformCode())
                .map(p -> p.displayName()).orElse(complaint.getPlatformCode()));
        variables.put("outcomeLabel", labels.bilingual("outcome." + complaint.getOutcome().name()));
        variables.put("outcomeNote", complaint.getOutcomeNote());
        variables.put("reviewReason", reason);
        runtimeService.startProcessInstanceByKey(PROCESS_KEY, caseNumber, variables);
    }
}
