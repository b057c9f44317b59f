package org.qinglang.escalation;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.qinglang.announcement.AnnouncementService;
import org.qinglang.casefile.CaseFiles;
import org.qinglang.casefile.Complaint;
import org.qinglang.common.EngineClock;
import org.qinglang.common.Labels;
import org.qinglang.process.CaseNotAwaitingException;
import org.qinglang.process.CaseVariables;
import org.qinglang.registry.MeasureCodes;
import org.qinglang.registry.PlatformRepository;
import org.qinglang.registry.ViolationRegister;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Objections of account holders to an enforcement decision (the statement of reasons tells them how):
 * each starts the objection process, decided by a supervisor other than the decider, and its outcome
 * changes the case: upheld, changed measures, or revoked (the decision and its violation withdrawn).
 */
@Service
public class Objections {

    public static final String PROCESS_KEY = "objection";
    public static final String OBJECTION_ID = "objectionId";
    public static final String OBJECTION_TEXT = "objectionText";
    public static final int MAX_TEXT = 4000;

    private final CaseFiles caseFiles;
    private final ObjectionRepository objections;
    private final EnforcementActionRepository decisions;
    private final ViolationRegister violations;
    private final PlatformRepository platforms;
    private final RuntimeService runtime;
    private final Labels labels;
    private final AnnouncementService announcements;

    public Objections(CaseFiles caseFiles, ObjectionRepository objections, EnforcementActionRepository decisions,
            ViolationRegister violations, PlatformRepository platforms, RuntimeService runtime, Labels labels,
            AnnouncementService announcements) {
        this.caseFiles = caseFiles;
        this.objections = objections;
        this.decisions = decisions;
        this.violations = violations;
        this.platforms = platforms;
        this.runtime = runtime;
        this.labels = labels;
        this.announcements = announcements;
    }

    /** The decision an objection can be made against: the latest that stands. */
    public Optional<EnforcementAction> standingDecision(String caseNumber) {
        return decisions.findByCaseNumberOrderByEscalationLevel(caseNumber).stream()
                .filter(action -> !action.isRevoked()).max(Comparator.comparingInt(EnforcementAction::getEscalationLevel));
    }

    /** Whether an objection may be filed now: a decision stands and no objection to it waits. */
    public boolean canObject(String caseNumber) {
        return standingDecision(caseNumber).isPresent()
                && objections.findForCase(caseNumber).stream().noneMatch(o -> o.getOutcome() == null);
    }

    @Transactional
    public Objection file(String caseNumber, String text) {
        Complaint complaint = caseFiles.get(caseNumber);
        EnforcementAction decision = standingDecision(caseNumber).orElseThrow(
                () -> new CaseNotAwaitingException(caseNumber, "an objection"));
        if (!canObject(caseNumber)) {
            throw new CaseNotAwaitingException(caseNumber, "an objection");
        }
        String kept = text.strip();
        Objection objection = objections.save(new Objection(caseNumber, decision.getEscalationLevel(),
                kept.length() > MAX_TEXT ? kept.substring(0, MAX_TEXT) : kept, EngineClock.now()));
        Map<String, Object> variables = new HashMap<>();
        variables.put(CaseVariables.CASE_NUMBER, caseNumber);
        variables.put(CaseVariables.PLATFORM_NAME, platforms.findById(complaint.getPlatformCode())
                .map(p -> p.displayName()).orElse(complaint.getPlatformCode()));
        variables.put(CaseVariables.ACCOUNT_NAME, complaint.getAccountName());
        variables.put(CaseVariables.ENFORCEMENT_MEASURES_TEXT, measuresText(decision.getMeasures()));
        variables.put(OBJECTION_ID, objection.getId());
        variables.put(OBJECTION_TEXT, objection.getText());
        runtime.startProcessInstanceByKey(PROCESS_KEY, caseNumber, variables);
        return objection;
    }

    /** What a supervisor decided: applied to the decision and the register at once. */
    @Transactional
    public void decide(long objectionId, Objection.Outcome outcome, String note, List<String> changedMeasures,
            String by) {
        Objection objection = objections.findById(objectionId).orElseThrow();
        EnforcementAction decision = decisions.findByCaseNumberOrderByEscalationLevel(objection.getCaseNumber())
                .stream().filter(a -> a.getEscalationLevel() == objection.getEscalationLevel()).findFirst()
                .orElseThrow();
        String before = decision.getMeasures();
        switch (outcome) {
            case CHANGED -> {
                decision.changeMeasures(String.join(",", changedMeasures));
                announcements.measuresChanged(objection.getCaseNumber(), before, decision.getMeasures());
            }
            case REVOKED -> {
                decision.revoke();
                violations.withdraw(objection.getCaseNumber());
                announcements.withdraw(objection.getCaseNumber(), "处置决定经异议复核撤销 The decision was revoked on objection");
            }
            case UPHELD -> { }
        }
        objection.decided(outcome, note, by, EngineClock.now(), outcome == Objection.Outcome.UPHELD ? null : before);
    }

    public List<Objection> of(String caseNumber) {
        return objections.findForCase(caseNumber);
    }

    public Objection get(long id) {
        return objections.findById(id).orElseThrow();
    }

    public String measuresText(String codes) {
        return labels.measureList(MeasureCodes.parse(codes));
    }
}
