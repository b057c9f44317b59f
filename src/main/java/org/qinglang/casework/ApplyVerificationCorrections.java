package org.qinglang.casework;

import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.Variables;
import org.qinglang.casefile.CaseFiles;
import org.qinglang.casefile.Complaint;
import org.qinglang.casefile.ComplaintCategory;
import org.qinglang.casefile.UrlNormalizer;
import org.qinglang.common.CaseRuleViolation;
import org.qinglang.common.Labels;
import org.qinglang.process.CaseVariables;
import org.qinglang.process.CurrentUser;
import org.qinglang.registry.Platform;
import org.qinglang.registry.PlatformRepository;
import org.springframework.stereotype.Component;

/**
 * On completing Task_VerifyComplaint: takes over the case worker's corrections of category,
 * platform, link and account (what an e-mail complaint yields is a guess), refusing invalid ones.
 * When category or platform changed, it says so (transient {@code triageAgain}, with who corrected),
 * and the model triages the case again (Gateway_Corrected, SubProcess_Triage).
 */
@Component("applyVerificationCorrections")
public class ApplyVerificationCorrections implements TaskListener {

    private final CaseFiles caseFiles;
    private final PlatformRepository platforms;
    private final Labels labels;

    public ApplyVerificationCorrections(CaseFiles caseFiles, PlatformRepository platforms,
            Labels labels) {
        this.caseFiles = caseFiles;
        this.platforms = platforms;
        this.labels = labels;
    }

    @Override
    public void notify(DelegateTask task) {
        Complaint complaint = caseFiles.get(task.getExecution().getProcessBusinessKey());
        complaint.verifiedInPlace();
        complaint.decidedBy(CurrentUser.of(task));
        ComplaintCategory category = category(task, complaint);
        String chosenCode = Objects.toString(task.getVariable(CaseVariables.PLATFORM_CODE),
                complaint.getPlatformCode());
        Platform chosen = platforms.findById(chosenCode).orElseThrow(() -> CaseRuleViolation.invalid(
                "rule.unknown-platform", chosenCode));
        String url = Objects.toString(task.getVariable(CaseVariables.CONTENT_URL), complaint.getContentUrl()).strip();
        // The platform follows from the link: one chosen for a link on another site's domain would route the
        // case (and its complainant's data) wherever the corrector likes.
        Platform platform = chosen.hostsLink(url) ? chosen : platforms.findById(Platform.UNREGISTERED).orElse(chosen);
        String platformCode = platform.getCode();
        String normalizedUrl;
        try {
            normalizedUrl = UrlNormalizer.normalize(url);
        } catch (IllegalArgumentException e) {
            throw CaseRuleViolation.invalid("rule.invalid-url", e.getMessage());
        }
        Object accountValue = task.getVariable(CaseVariables.ACCOUNT_NAME);
        String account = accountValue == null || accountValue.toString().isBlank() ? null
                : accountValue.toString().strip();
        boolean triageAgain = category != complaint.getCategory() || !platformCode.equals(complaint.getPlatformCode());
        complaint.correct(category, platformCode, url, normalizedUrl, account);
        Object objectType = task.getVariable(CaseVariables.OBJECT_TYPE);
        if (objectType != null && !objectType.toString().isBlank()) {
            try {
                Object admin = task.getVariable(CaseVariables.GROUP_ADMIN);
                complaint.reportedObject(org.qinglang.casefile.ReportedObject.valueOf(objectType.toString()),
                        admin == null ? null : admin.toString());
            } catch (IllegalArgumentException e) {
                throw CaseRuleViolation.invalid("rule.unknown-object", objectType);
            }
        }
        if (Boolean.TRUE.equals(task.getVariable(CaseVariables.REBUTTAL_VERIFIED))) {
            complaint.rebuttalVerifiedBy(CurrentUser.of(task));
        }
        Object practitioner = task.getVariable(CaseVariables.PRACTITIONER);
        if (practitioner != null) {
            complaint.practitioner(practitioner.toString().length() > 200 ? practitioner.toString().substring(0, 200)
                    : practitioner.toString());
        }
        Object offence = task.getVariable(CaseVariables.CRIMINAL_OFFENCE);
        if (offence != null && !offence.toString().isBlank() && !"NONE".equals(offence.toString())) {
            try {
                complaint.flagOffence(org.qinglang.casefile.CriminalOffence.valueOf(offence.toString()));
            } catch (IllegalArgumentException e) {
                throw CaseRuleViolation.invalid("rule.unknown-offence", offence);
            }
        }
        task.setVariable(CaseVariables.CATEGORY_LABEL, labels.category(category));
        task.setVariable(CaseVariables.PLATFORM_NAME, platform.displayName());
        // The tables decide on the case file's facts; the variables show them (a platform the link does not
        // belong to was replaced above).
        task.setVariable(CaseVariables.CATEGORY, category.name());
        task.setVariable(CaseVariables.PLATFORM_CODE, platformCode);
        // Transient: they hold for this completion only, and nothing from outside can have set them.
        task.getExecution().setVariable(CaseVariables.TRIAGE_AGAIN, Variables.booleanValue(triageAgain, true));
        task.getExecution().setVariable(CaseVariables.CORRECTED_BY, Variables.stringValue(CurrentUser.of(task), true));
    }

    private static ComplaintCategory category(DelegateTask task, Complaint complaint) {
        Object value = task.getVariable(CaseVariables.CATEGORY);
        if (value == null) {
            return complaint.getCategory();
        }
        try {
            return ComplaintCategory.valueOf(value.toString());
        } catch (IllegalArgumentException e) {
            throw CaseRuleViolation.invalid("rule.unknown-category", value);
        }
    }
}
