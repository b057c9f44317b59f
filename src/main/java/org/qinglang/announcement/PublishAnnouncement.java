package org.qinglang.announcement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.qinglang.process.CaseVariables;
import org.qinglang.casefile.CaseFiles;
import org.springframework.stereotype.Component;

/** Puts the approved typical case on the public exposure board. */
@Component("publishAnnouncement")
public class PublishAnnouncement implements JavaDelegate {

    private final CaseFiles caseFiles;
    private final AnnouncementService announcements;

    public PublishAnnouncement(CaseFiles caseFiles, AnnouncementService announcements) {
        this.caseFiles = caseFiles;
        this.announcements = announcements;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // A case rectified in time shows the measures the platform carried out; an enforced one, the decision's.
        Object enforced = execution.getVariable(CaseVariables.ENFORCEMENT_MEASURES_CODES);
        announcements.publish(caseFiles.get(execution.getProcessBusinessKey()),
                (String) execution.getVariable(CaseVariables.ANNOUNCEMENT_SUMMARY),
                (String) (enforced != null ? enforced : execution.getVariable(CaseVariables.REQUIRED_MEASURES)),
                (String) execution.getVariable(EnforceFourEyes.APPROVED_BY),
                (String) execution.getVariable(EnforceFourEyes.SUMMARY_EDITED_BY));
    }
}
