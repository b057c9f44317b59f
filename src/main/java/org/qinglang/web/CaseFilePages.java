package org.qinglang.web;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.qinglang.announcement.AnnouncementRepository;
import org.qinglang.casefile.CaseFiles;
import org.qinglang.casefile.CaseNote;
import org.qinglang.casefile.CaseNoteRepository;
import org.qinglang.casefile.Complaint;
import org.qinglang.casefile.ComplaintRepository;
import org.qinglang.casefile.Evidence;
import org.qinglang.casework.CaseReplies;
import org.qinglang.casework.MeasureConfirmation;
import org.qinglang.common.EngineClock;
import org.qinglang.common.Labels;
import org.qinglang.escalation.DecisionDocumentRepository;
import org.qinglang.escalation.EnforcementActionRepository;
import org.qinglang.escalation.ObjectionRepository;
import org.qinglang.escalation.PoliceAnswerRepository;
import org.qinglang.escalation.ReferralDownloadRepository;
import org.qinglang.mail.SentMailRepository;
import org.qinglang.registry.MeasureCodes;
import org.qinglang.registry.PlatformRepository;
import org.qinglang.registry.ViolationRegister;
import org.qinglang.security.StaffNames;
import org.qinglang.security.StaffOffices;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The case file for staff (/staff/cases/{caseNumber}): the complaint, the complainant where the
 * office rule allows, every piece of evidence shown, linked duplicates, the account's and platform's
 * history, internal notes, what the case waits for now, and everything that happened, newest first.
 */
@Controller
class CaseFilePages {

    /** Evidence shown in the page itself: images and PDFs (their type checked at intake), text. */
    static final Set<String> SHOWN_INLINE = Set.of("image/png", "image/jpeg", "image/gif", "image/webp",
            "application/pdf");
    /** Evidence that is someone's answer to the office: its text is shown in the timeline. */
    private static final Set<org.qinglang.casefile.EvidenceKind> REPLIES = Set.of(
            org.qinglang.casefile.EvidenceKind.COMPLAINANT_REPLY, org.qinglang.casefile.EvidenceKind.PLATFORM_RESPONSE);
    private static final Set<String> SKIPPED_ACTIVITIES = Set.of("exclusiveGateway", "inclusiveGateway",
            "parallelGateway", "userTask", "multiInstanceBody", "subProcess");

    /** One line of the timeline. */
    record Entry(Instant at, String kind, String title, String detail, String who) {
    }

    /** A piece of evidence as the page shows it. */
    record EvidenceView(Long id, String kind, String fileName, String contentType, long size, String sha256,
            Instant receivedAt, boolean image, boolean pdf, String text, Boolean intact,
            org.qinglang.casefile.EvidenceTimestamps.Verification timestamp, String takenAt, String camera,
            String software, Boolean hasLocation, List<org.qinglang.casefile.EvidenceExamination.EarlierPicture> earlier) {
    }

    /** What the case waits for now, and until when. */
    record Waiting(String what, Instant until) {
    }

    private final org.qinglang.casefile.CaseCaptures captures;
    private final org.qinglang.workflow.ModelTexts modelTexts;
    private final org.qinglang.common.BilingualTexts values;
    private final org.qinglang.casefile.EvidenceTimestamps timestamps;
    private final org.qinglang.casefile.EvidenceExamination examination;
    private final org.qinglang.casefile.PersonalDataLog accessLog;
    private final CaseFiles caseFiles;
    private final ComplaintRepository complaints;
    private final CaseNoteRepository notes;
    private final SentMailRepository sentMails;
    private final EnforcementActionRepository decisions;
    private final DecisionDocumentRepository documents;
    private final ObjectionRepository objections;
    private final PoliceAnswerRepository policeAnswers;
    private final ReferralDownloadRepository referralDownloads;
    private final AnnouncementRepository announcements;
    private final CaseReplies replies;
    private final ViolationRegister violations;
    private final org.qinglang.registry.ViolationRepository violationRecords;
    private final PlatformRepository platforms;
    private final HistoryService history;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final org.camunda.bpm.engine.RepositoryService repository;
    private final StaffOffices offices;
    private final StaffNames staffNames;
    private final Labels labels;
    private final ZoneId zone;
    private final DateTimeFormatter time;

    CaseFilePages(CaseFiles caseFiles, ComplaintRepository complaints, CaseNoteRepository notes,
            SentMailRepository sentMails, EnforcementActionRepository decisions, DecisionDocumentRepository documents,
            ObjectionRepository objections, PoliceAnswerRepository policeAnswers,
            ReferralDownloadRepository referralDownloads, AnnouncementRepository announcements, CaseReplies replies,
            ViolationRegister violations, org.qinglang.registry.ViolationRepository violationRecords,
            PlatformRepository platforms, HistoryService history, RuntimeService runtime,
            ManagementService management, org.camunda.bpm.engine.RepositoryService repository, StaffOffices offices,
            StaffNames staffNames, Labels labels,
            org.qinglang.casefile.PersonalDataLog accessLog, org.qinglang.casefile.EvidenceTimestamps timestamps,
            org.qinglang.casefile.EvidenceExamination examination, org.qinglang.casefile.CaseCaptures captures,
            org.qinglang.workflow.ModelTexts modelTexts, org.qinglang.common.BilingualTexts values,
            @Value("${qinglang.time-zone:Asia/Shanghai}") String zone) {
        this.modelTexts = modelTexts;
        this.values = values;
        this.captures = captures;
        this.accessLog = accessLog;
        this.timestamps = timestamps;
        this.examination = examination;
        this.caseFiles = caseFiles;
        this.complaints = complaints;
        this.notes = notes;
        this.sentMails = sentMails;
        this.decisions = decisions;
        this.documents = documents;
        this.objections = objections;
        this.policeAnswers = policeAnswers;
        this.referralDownloads = referralDownloads;
        this.announcements = announcements;
        this.replies = replies;
        this.violations = violations;
        this.violationRecords = violationRecords;
        this.platforms = platforms;
        this.history = history;
        this.runtime = runtime;
        this.management = management;
        this.repository = repository;
        this.offices = offices;
        this.staffNames = staffNames;
        this.labels = labels;
        this.zone = ZoneId.of(zone);
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(this.zone);
    }

    /** A case worker asks for the reported page to be captured again, now. */
    @org.springframework.web.bind.annotation.PostMapping("/staff/cases/{caseNumber}/capture")
    public String captureAgain(@org.springframework.web.bind.annotation.PathVariable String caseNumber) {
        captures.capture(caseNumber);
        return "redirect:/staff/cases/" + caseNumber + "#evidence";
    }

    @GetMapping("/staff/cases/{caseNumber}")
    @Transactional(readOnly = true)
    public String caseFile(@PathVariable String caseNumber, Principal staff, Model model, Locale locale) {
        Complaint c = caseFiles.get(caseNumber);
        StaffNames.OnePage people = staffNames.forOnePage();
        model.addAttribute("c", c);
        model.addAttribute("people", people);
        model.addAttribute("categoryLabel", labels.get("category." + c.getCategory().name(), locale));
        model.addAttribute("stageLabel", labels.staffStage(c.getStage().name(), locale));
        model.addAttribute("outcomeLabel", c.getOutcome() == null ? null
                : labels.get("outcome." + c.getOutcome().name(), locale));
        model.addAttribute("severityLabel", c.getSeverity() == null ? "-"
                : labels.get("severity." + c.getSeverity(), locale));
        model.addAttribute("officeLabel", c.getResponsibleOffice() == null ? null
                : values.in(locale, org.qinglang.process.CaseVariables.RESPONSIBLE_OFFICE, c.getResponsibleOffice()));
        model.addAttribute("platformName", platforms.findById(c.getPlatformCode()).map(p -> p.name(locale))
                .orElse(c.getPlatformCode()));
        boolean personalData = offices.mayReadPersonalData(staff.getName(), c.getResponsibleOffice(),
                c.getOfficeChangedBy(), c.getOfficeBefore());
        model.addAttribute("personalData", personalData);
        if (personalData && c.hasComplainant()) {
            // Who saw a complainant's details, and when (PIPL): logged on every view, shown below.
            accessLog.record(caseNumber, staff.getName(), org.qinglang.casefile.PersonalDataLog.Kind.COMPLAINANT_VIEWED,
                    null);
        }
        // One reading of the log: its newest lines listed, all of them in the chain of custody.
        List<org.qinglang.casefile.PersonalDataLog.Access> accesses = accessLog.of(caseNumber, 500);
        model.addAttribute("personalDataAccess", accesses.subList(0, Math.min(50, accesses.size())));
        model.addAttribute("custody", custody(c, accesses, people, locale));
        model.addAttribute("evidence", c.getEvidence().stream().map(e -> evidenceView(e, locale)).toList());
        model.addAttribute("duplicates", complaints.findByLinkedCaseNumberOrderById(caseNumber));
        model.addAttribute("priorOfAccount", violations.priorOfAccount(caseNumber));
        model.addAttribute("priorOfPlatform", violations.priorOfPlatform(caseNumber));
        model.addAttribute("accountHistory", c.getAccountName() == null ? List.of()
                : violationRecords.findTop10ByPlatformCodeAndAccountKeyOrderByRecordedAtDesc(c.getPlatformCode(),
                        ViolationRegister.accountKey(c.getAccountName())).stream()
                        .filter(v -> !caseNumber.equals(v.getCaseNumber())).toList());
        model.addAttribute("notes", notes.findByCaseNumberOrderByWrittenAtDescIdDesc(caseNumber));
        model.addAttribute("waiting", waiting(caseNumber, locale));
        model.addAttribute("timeline", timeline(c, personalData, people, locale));
        return "case-file";
    }

    @PostMapping("/staff/cases/{caseNumber}/notes")
    @Transactional
    public String addNote(@PathVariable String caseNumber, @RequestParam(defaultValue = "") String text,
            Principal staff) {
        caseFiles.get(caseNumber);
        String kept = text.strip();
        if (!kept.isEmpty()) {
            notes.save(new CaseNote(caseNumber, staff.getName(),
                    kept.length() > CaseNote.MAX_TEXT ? kept.substring(0, CaseNote.MAX_TEXT) : kept, EngineClock.now()));
        }
        return "redirect:/staff/cases/" + caseNumber + "#notes";
    }

    /** One link of the chain of custody: when, who, what happened to which piece of evidence. */
    record Custody(Instant at, String who, String what, String detail) {
    }

    /**
     * The evidence's chain of custody from receipt to today: received (with its hash), time-stamped,
     * every view, download and package, every time it was found changed; oldest first.
     */
    private List<Custody> custody(Complaint c, List<org.qinglang.casefile.PersonalDataLog.Access> accesses,
            StaffNames.OnePage people, Locale locale) {
        List<Custody> chain = new ArrayList<>();
        for (Evidence e : c.getEvidence()) {
            chain.add(new Custody(e.getCreatedAt(), null, labels.get("custody.received", locale),
                    e.getFileName() + " · sha256 " + e.getSha256().substring(0, 16) + "…"));
            if (e.getTimestampedAt() != null) {
                chain.add(new Custody(e.getTimestampedAt(), e.getTimestampAuthority(),
                        labels.get("custody.timestamped", locale), e.getFileName()));
            }
        }
        for (var access : accesses) {
            chain.add(new Custody(access.at(), people.withLogin(access.userId()), labels.get("access." + access.kind().name(), locale),
                    access.detail()));
        }
        referralDownloads.findForCase(c.getCaseNumber()).forEach(d -> chain.add(new Custody(d.getDownloadedAt(),
                people.withLogin(d.getDownloadedBy()), labels.get("custody.packaged", locale),
                labels.get("custody.referral-package", locale))));
        chain.sort(java.util.Comparator.comparing(Custody::at));
        return chain;
    }

    private EvidenceView evidenceView(Evidence e, Locale locale) {
        String type = e.getContentType() == null ? "" : e.getContentType().split(";")[0].strip().toLowerCase(Locale.ROOT);
        // Erased when its retention period ended: the hash and name stay, the bytes are gone.
        boolean kept = e.getContent() != null;
        String text = kept && type.equals("text/plain") ? new String(e.getContent(), StandardCharsets.UTF_8) : null;
        return new EvidenceView(e.getId(), labels.get("evidence.kind." + e.getKind().name(), locale), e.getFileName(),
                type, e.getSizeBytes(), e.getSha256(), e.getCreatedAt(), kept && type.startsWith("image/")
                        && SHOWN_INLINE.contains(type), kept && type.equals("application/pdf"), text, e.intact(),
                e.getTimestampToken() == null ? null : timestamps.verify(e.getTimestampToken(), e.getSha256()),
                e.getImageTakenAt(), e.getImageCamera(), e.getImageSoftware(), e.getImageHasLocation(),
                examination.earlierAppearances(e));
    }

    private List<Waiting> waiting(String caseNumber, Locale locale) {
        List<Waiting> waits = new ArrayList<>();
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list().forEach(instance -> {
            history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).unfinished().list()
                    .stream().filter(a -> !"subProcess".equals(a.getActivityType()) && a.getActivityName() != null)
                    .forEach(a -> waits.add(new Waiting(modelTexts.stepName(a.getProcessDefinitionId(), a.getActivityId(),
                            a.getActivityName(), locale), null)));
            Set<String> timers = management.createJobQuery().processInstanceId(instance.getId()).timers().list()
                    .stream().map(org.camunda.bpm.engine.runtime.Job::getId).collect(java.util.stream.Collectors.toSet());
            management.createJobQuery().processInstanceId(instance.getId()).list().forEach(job -> {
                String step = activityName(job.getJobDefinitionId(), locale);
                boolean timer = timers.contains(job.getId()) && job.getDuedate() != null;
                waits.add(new Waiting(labels.get(timer ? "casefile.timer" : "casefile.background", locale, step),
                        timer ? job.getDuedate().toInstant() : null));
            });
        });
        return waits;
    }

    private String activityName(String jobDefinitionId, Locale locale) {
        var definition = management.createJobDefinitionQuery().jobDefinitionId(jobDefinitionId).singleResult();
        if (definition == null) {
            return "";
        }
        var model = repository.getBpmnModelInstance(definition.getProcessDefinitionId());
        var element = model.getModelElementById(definition.getActivityId());
        String name = modelTexts.stepName(definition.getProcessDefinitionId(), definition.getActivityId(),
                element == null ? null : element.getAttributeValue("name"), locale);
        return name == null ? definition.getActivityId() : name;
    }

    private String taskName(HistoricTaskInstance task, Locale locale) {
        return modelTexts.name(task.getProcessDefinitionId(), task.getTaskDefinitionKey(), task.getName(), locale,
                value -> values.in(locale, null, value));
    }

    private List<Entry> timeline(Complaint c, boolean personalData, StaffNames.OnePage people, Locale locale) {
        String n = c.getCaseNumber();
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry(c.getCreatedAt(), "intake", labels.get("casefile.received", locale,
                labels.get("source." + c.getSource().name(), locale)), c.getContentUrl(), null));
        for (Evidence e : c.getEvidence()) {
            String detail = e.getFileName() + " · SHA-256 " + e.getSha256();
            // A reply's own words (by mail or on its page) in the timeline beside the mail it answers, to
            // whoever may read the evidence.
            if (personalData && REPLIES.contains(e.getKind()) && e.getContent() != null
                    && e.getFileName().equals(e.getKind().textFileName())) {
                detail += "\n\n" + new String(e.getContent(), StandardCharsets.UTF_8);
            }
            entries.add(new Entry(e.getCreatedAt(), "evidence", labels.get("evidence.kind." + e.getKind().name(), locale),
                    detail, null));
        }
        // Mail to the complainant names them only to staff who may see who complained.
        sentMails.findByCaseNumberOrderById(n).forEach(m -> {
            boolean toComplainant = m.getRecipient().equalsIgnoreCase(String.valueOf(c.getComplainantEmail()));
            boolean shown = personalData || !toComplainant;
            entries.add(new Entry(m.getSentAt(), "mail", labels.get("casefile.mail-sent", locale, shown
                    ? m.getRecipient() : labels.get("casefile.the-complainant", locale)),
                    m.getSubject() + (shown && m.getBody() != null ? "\n\n" + m.getBody() : ""), null));
        });
        List<String> instances = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(n).list()
                .stream().map(HistoricProcessInstance::getId).toList();
        for (String instance : instances) {
            for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery().processInstanceId(instance).list()) {
                entries.add(new Entry(task.getStartTime().toInstant(), "task", labels.get("casefile.task-created", locale,
                        taskName(task, locale)), null, null));
                if (task.getEndTime() != null) {
                    entries.add(new Entry(task.getEndTime().toInstant(), "task", labels.get("casefile.task-done",
                            locale, taskName(task, locale)), null, people.of(task.getAssignee())));
                }
            }
            for (HistoricActivityInstance step : history.createHistoricActivityInstanceQuery().processInstanceId(instance)
                    .finished().list()) {
                if (!SKIPPED_ACTIVITIES.contains(step.getActivityType()) && step.getActivityName() != null
                        && !step.isCanceled()) {
                    entries.add(new Entry(step.getEndTime().toInstant(), "step", modelTexts.name(step.getProcessDefinitionId(),
                            step.getActivityId(), step.getActivityName(), locale, v -> values.in(locale, null, v)), null, null));
                }
            }
        }
        if (c.getRectificationDueAt() != null) {
            entries.add(new Entry(c.getNotifiedAt() != null ? c.getNotifiedAt() : c.getRectificationDueAt(), "deadline",
                    labels.get(c.isDeadlineMissed() ? "casefile.deadline-missed" : "casefile.deadline-set", locale),
                    timeInZone(c.getRectificationDueAt()), null));
        }
        decisions.findByCaseNumberOrderByEscalationLevel(n).forEach(d -> entries.add(new Entry(d.getDecidedAt(),
                "decision", labels.get("casefile.decision", locale, d.getEscalationLevel()), labels.measureList(
                        MeasureCodes.parse(d.getMeasures()), locale) + (d.isRevoked() ? " · " + labels.get("casefile.revoked",
                        locale) : ""), people.of(d.getDecidedBy()))));
        documents.findByCase(n).forEach(d -> entries.add(new Entry(d.getIssuedAt(), "document",
                labels.get("casefile.document", locale, d.getDocumentNumber()), null, null)));
        replies.confirmationsOf(n).forEach(m -> entries.add(new Entry(m.getReportedAt(), "platform",
                (m.isExecuted() ? "✓ " : "✗ ") + labels.get("measure." + m.getMeasure(), locale), confirmationDetail(m), null)));
        objections.findForCase(n).forEach(o -> {
            entries.add(new Entry(o.getFiledAt(), "objection", labels.get("casefile.objection", locale), o.getText(), null));
            if (o.getDecidedAt() != null) {
                entries.add(new Entry(o.getDecidedAt(), "objection", labels.get("casefile.objection-decided", locale,
                        o.getOutcome()), o.getNote(), people.of(o.getDecidedBy())));
            }
        });
        policeAnswers.findForCase(n).forEach(a -> entries.add(new Entry(a.getAnsweredAt(), "police",
                labels.get("casefile.police-answer", locale, a.getStatus()), a.getText(), null)));
        referralDownloads.findForCase(n).forEach(d -> entries.add(new Entry(d.getDownloadedAt(), "custody",
                labels.get("casefile.referral-download", locale), d.getChannel(), people.of(d.getDownloadedBy()))));
        announcements.findByCaseNumber(n).ifPresent(a -> {
            entries.add(new Entry(a.getPublishedAt(), "announcement", labels.get("casefile.published", locale),
                    a.getSummary(), people.of(a.getApprovedBy())));
            if (a.isWithdrawn()) {
                entries.add(new Entry(a.getWithdrawnAt(), "announcement", labels.get("casefile.withdrawn", locale),
                        a.getWithdrawnReason(), null));
            }
        });
        notes.findByCaseNumberOrderByWrittenAtDescIdDesc(n).forEach(note -> entries.add(new Entry(note.getWrittenAt(),
                "note", labels.get("casefile.note", locale), note.getText(), people.of(note.getAuthor()))));
        entries.removeIf(e -> e.at() == null);
        // Newest first; of things recorded at the same instant, the one added later (they are added in
        // the order they happen) comes first.
        java.util.Collections.reverse(entries);
        entries.sort(Comparator.comparing(Entry::at).reversed());
        return entries;
    }

    private String confirmationDetail(MeasureConfirmation m) {
        List<String> parts = new ArrayList<>();
        if (m.getExecutedAt() != null) {
            parts.add(timeInZone(m.getExecutedAt()));
        }
        if (m.getNote() != null) {
            parts.add(m.getNote());
        }
        parts.addAll(m.getEvidenceFiles());
        return String.join(" · ", parts);
    }

    private String timeInZone(Instant at) {
        return time.format(at) + " (" + zone.getId() + ")";
    }
}
