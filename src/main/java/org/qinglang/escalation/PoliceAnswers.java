package org.qinglang.escalation;

import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.qinglang.casefile.CaseFiles;
import org.qinglang.common.EngineClock;
import org.qinglang.process.CaseVariables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The police's answers about a referral (结果反馈): each kept; one that decides (a case opened or not,
 * a result) lets a case that waits for the police go on (Task_AwaitPoliceAnswer).
 */
@Service
public class PoliceAnswers {

    public static final int MAX_TEXT = 4000;

    private final CaseFiles caseFiles;
    private final PoliceAnswerRepository answers;
    private final RuntimeService runtime;

    public PoliceAnswers(CaseFiles caseFiles, PoliceAnswerRepository answers, RuntimeService runtime) {
        this.caseFiles = caseFiles;
        this.answers = answers;
        this.runtime = runtime;
    }

    @Transactional
    public PoliceAnswer answer(String caseNumber, PoliceAnswer.Status status, String text) {
        caseFiles.get(caseNumber); // an unknown case is refused
        String kept = text == null || text.isBlank() ? null : text.strip();
        if (kept != null && kept.length() > MAX_TEXT) {
            kept = kept.substring(0, MAX_TEXT);
        }
        PoliceAnswer answer = answers.save(new PoliceAnswer(caseNumber, status, kept, EngineClock.now()));
        // A case that does not wait for the police (or no longer does) keeps the answer all the same.
        boolean waiting = runtime.createExecutionQuery().processInstanceBusinessKey(caseNumber)
                .messageEventSubscriptionName(CaseVariables.MESSAGE_POLICE_ANSWERED).count() > 0;
        if (status.decides() && waiting) {
            runtime.createMessageCorrelation(CaseVariables.MESSAGE_POLICE_ANSWERED)
                    .processInstanceBusinessKey(caseNumber)
                    .setVariable(CaseVariables.POLICE_ANSWER, status.name()).correlate();
        }
        return answer;
    }

    public List<PoliceAnswer> of(String caseNumber) {
        return answers.findForCase(caseNumber);
    }
}
