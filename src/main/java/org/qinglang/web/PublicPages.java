package org.qinglang.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.qinglang.casework.CaseReplies;
import org.qinglang.casework.OutcomeReviews;
import org.qinglang.common.Labels;
import org.qinglang.intake.AcceptedComplaint;
import org.qinglang.casefile.CaseFiles;
import org.qinglang.casefile.CaseStage;
import org.qinglang.casefile.Complaint;
import org.qinglang.casefile.ComplaintCategory;
import org.qinglang.casefile.ComplaintSource;
import org.qinglang.intake.IntakeService;
import org.qinglang.intake.InvalidComplaintException;
import org.qinglang.intake.NewComplaint;
import org.qinglang.intake.NewComplaint.Attachment;
import org.qinglang.casefile.ReporterType;
import org.qinglang.inbox.ComplaintExtraction;
import org.qinglang.registry.Platform;
import org.qinglang.registry.PlatformRepository;
import org.qinglang.security.AccessTokens;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The complainant's pages: the home page, the complaint form, and the private status page. */
@Controller
public class PublicPages {

    private final IntakeService intake;
    private final CaseFiles caseFiles;
    private final CaseReplies replies;
    private final OutcomeReviews reviews;
    private final PlatformRepository platforms;
    private final AccessTokens tokens;
    private final IntakeRateLimiter rateLimiter;
    private final Labels labels;
    private final org.qinglang.mail.SentMailRepository sentMails;
    private final org.qinglang.mail.CaseMail caseMail;
    private final org.qinglang.casefile.ComplaintRepository complaints;

    private final org.qinglang.casefile.PersonalDataRetention retention;
    private final org.qinglang.casefile.PersonalDataLog accessLog;
    private final org.camunda.bpm.engine.HistoryService history;

    public PublicPages(IntakeService intake, CaseFiles caseFiles, CaseReplies replies, OutcomeReviews reviews,
            PlatformRepository platforms, AccessTokens tokens, IntakeRateLimiter rateLimiter, Labels labels,
            org.qinglang.mail.SentMailRepository sentMails, org.qinglang.mail.CaseMail caseMail,
            org.qinglang.casefile.ComplaintRepository complaints,
            org.qinglang.casefile.PersonalDataRetention retention, org.qinglang.casefile.PersonalDataLog accessLog,
            org.camunda.bpm.engine.HistoryService history) {
        this.history = history;
        this.retention = retention;
        this.accessLog = accessLog;
        this.sentMails = sentMails;
        this.caseMail = caseMail;
        this.complaints = complaints;
        this.intake = intake;
        this.caseFiles = caseFiles;
        this.replies = replies;
        this.reviews = reviews;
        this.platforms = platforms;
        this.tokens = tokens;
        this.rateLimiter = rateLimiter;
        this.labels = labels;
    }

    @ModelAttribute("categories")
    List<ComplaintCategory> categories() {
        return Arrays.asList(ComplaintCategory.values());
    }

    @ModelAttribute("objectTypes")
    List<org.qinglang.casefile.ReportedObject> objectTypes() {
        return Arrays.asList(org.qinglang.casefile.ReportedObject.values());
    }

    @ModelAttribute("reporterTypes")
    List<ReporterType> reporterTypes() {
        return Arrays.asList(ReporterType.values());
    }

    @ModelAttribute("platforms")
    List<Platform> platforms() {
        return platforms.allOrderedByCode().stream()
                .filter(p -> !p.getCode().equals(ComplaintExtraction.UNREGISTERED_PLATFORM)).toList();
    }

    @GetMapping("/")
    public String home() {
        return "home";
    }

    @GetMapping("/complaints/new")
    public String newComplaint(Model model) {
        model.addAttribute("complaintForm", new ComplaintForm());
        return "complaint-form";
    }

    @PostMapping("/complaints/new")
    public String submit(@Valid @ModelAttribute("complaintForm") ComplaintForm form, BindingResult errors,
            HttpServletRequest request, Model model) throws IOException {
        rateLimiter.acquire(request.getRemoteAddr());
        List<String> urls = form.urlList();
        List<String> uploadProblems = new ArrayList<>();
        List<Attachment> attachments = Uploads.accept(form.getEvidence(), uploadProblems);
        uploadProblems.forEach(problem -> errors.rejectValue("evidence", problem));
        if (errors.hasErrors()) {
            return "complaint-form";
        }
        String description = form.getDescription().strip();
        if (urls.size() > 1) {
            description += "\n\n其他链接 Other links:\n" + String.join("\n", urls.subList(1, urls.size()));
        }
        try {
            AcceptedComplaint accepted = intake.submit(new NewComplaint(ComplaintSource.WEB, form.getCategory(),
                    form.getReporterType(), form.getPlatform(), urls.get(0), form.getAccountName(), description,
                    form.getName(), form.getEmail(), form.getPhone(), attachments, null, form.getObjectType(),
                    form.getGroupAdmin(), form.getRebuttal()));
            model.addAttribute("caseNumber", accepted.caseNumber());
            model.addAttribute("statusLink", "/complaints/" + accepted.caseNumber() + "?token="
                    + accepted.statusToken());
            return "complaint-accepted";
        } catch (InvalidComplaintException e) {
            String field = e.getField().equals("url") ? "urls" : e.getField().equals("platform") ? "platform"
                    : "evidence";
            errors.rejectValue(field, "form.invalid." + field, e.getMessage());
            return "complaint-form";
        }
    }

    /** When the case's first verification task was opened: the day its verification began. */
    private java.util.Optional<java.time.Instant> verificationStarted(String caseNumber) {
        return history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(caseNumber)
                .taskDefinitionKey(org.qinglang.process.ProcessIds.TASK_VERIFY_COMPLAINT).orderByHistoricActivityInstanceStartTime().asc()
                .listPage(0, 1).stream().findFirst().map(task -> task.getStartTime().toInstant());
    }

    @GetMapping("/complaints/{caseNumber}")
    @Transactional(readOnly = true)
    public String status(@PathVariable String caseNumber, @RequestParam(required = false) String token, Model model,
            Locale locale) {
        Complaint complaint = authorised(caseNumber, token);
        model.addAttribute("complaint", complaint);
        model.addAttribute("token", token);
        model.addAttribute("stageLabel", labels.get("stage." + complaint.getStage().name(), locale));
        model.addAttribute("outcomeLabel", complaint.getOutcome() == null ? null
                : labels.get("outcome." + complaint.getOutcome().name(), locale));
        model.addAttribute("categoryLabel", labels.get("category." + complaint.getCategory().name(), locale));
        // The stages every case passes, and a detour where the case is on one now (waiting for the
        // complainant, escalated), so the page always marks where it is.
        List<CaseStage> stages = new java.util.ArrayList<>(List.of(CaseStage.RECEIVED, CaseStage.UNDER_VERIFICATION,
                CaseStage.PLATFORM_NOTIFIED, CaseStage.UNDER_REVIEW, CaseStage.CLOSED));
        if (complaint.getStage() == CaseStage.AWAITING_INFORMATION) {
            stages.add(2, CaseStage.AWAITING_INFORMATION);
        } else if (complaint.getStage() == CaseStage.ESCALATED) {
            stages.add(stages.size() - 1, CaseStage.ESCALATED);
        }
        model.addAttribute("stages", stages);
        model.addAttribute("canAddInformation", complaint.getStage() == CaseStage.AWAITING_INFORMATION);
        // What the complainant reported and was sent, each stage with its date, and what is asked of them.
        model.addAttribute("platformName", platforms.findById(complaint.getPlatformCode()).map(p -> p.name(locale))
                .orElse(complaint.getPlatformCode()));
        model.addAttribute("files", complaint.getEvidence().stream()
                .filter(e -> e.getKind() == org.qinglang.casefile.EvidenceKind.ATTACHMENT
                        || e.getKind() == org.qinglang.casefile.EvidenceKind.COMPLAINANT_REPLY)
                .map(e -> e.getFileName()).toList());
        java.util.Map<String, java.time.Instant> stageDates = new java.util.HashMap<>();
        stageDates.put(CaseStage.RECEIVED.name(), complaint.getCreatedAt());
        verificationStarted(caseNumber).ifPresent(at -> stageDates.put(CaseStage.UNDER_VERIFICATION.name(), at));
        if (complaint.getNotifiedAt() != null) {
            stageDates.put(CaseStage.PLATFORM_NOTIFIED.name(), complaint.getNotifiedAt());
        }
        if (complaint.getRespondedAt() != null) {
            stageDates.put(CaseStage.UNDER_REVIEW.name(), complaint.getRespondedAt());
        }
        if (complaint.getClosedAt() != null) {
            stageDates.put(CaseStage.CLOSED.name(), complaint.getClosedAt());
        }
        model.addAttribute("stageDates", stageDates);
        model.addAttribute("informationRequest", complaint.getStage() == CaseStage.AWAITING_INFORMATION
                ? replies.informationRequest(caseNumber).orElse(null) : null);
        model.addAttribute("mailsToYou", sentMails.findByCaseNumberOrderById(caseNumber).stream()
                .filter(m -> m.getRecipient().equalsIgnoreCase(String.valueOf(complaint.getComplainantEmail())))
                .toList());
        model.addAttribute("canRequestReview", reviews.canRequest(complaint));
        return "status";
    }

    /**
     * The complainant's request to erase their details (PIPL), once the case is closed; through their
     * signed status link only. An open case keeps them (the case still needs to reach its complainant).
     */
    @PostMapping("/complaints/{caseNumber}/erasure")
    public String erase(@PathVariable String caseNumber, @RequestParam(required = false) String token) {
        authorised(caseNumber, token);
        if (!retention.eraseOnRequest(caseNumber)) {
            throw new ResponseStatusException(HttpStatus.CONFLICT);
        }
        return "redirect:/complaints/" + caseNumber + "?token=" + token;
    }

    /**
     * A victim enterprise's evidence package, for its own police report: the files it sent, their
     * SHA-256 hashes and the case summary; through its signed status link only.
     */
    @GetMapping("/complaints/{caseNumber}/evidence.zip")
    @Transactional(readOnly = true)
    public org.springframework.http.ResponseEntity<byte[]> evidencePackage(@PathVariable String caseNumber,
            @RequestParam(required = false) String token) throws java.io.IOException {
        Complaint complaint = authorised(caseNumber, token);
        if (complaint.getReporterType() != org.qinglang.casefile.ReporterType.VICTIM_ENTERPRISE) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        StringBuilder sums = new StringBuilder();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            String summary = "案件编号 Case: " + complaint.getCaseNumber() + "\n类别 Category: " + complaint.getCategory()
                    + "\n平台 Platform: " + complaint.getPlatformCode() + "\n链接 Link: " + complaint.getContentUrl()
                    + "\n账号 Account: " + complaint.getAccountName() + "\n收到 Received: " + complaint.getCreatedAt()
                    + "\n结果 Outcome: " + complaint.getOutcome() + "\n\n" + complaint.getDescription() + "\n";
            int n = 0;
            java.util.Map<String, byte[]> files = new java.util.LinkedHashMap<>();
            files.put("summary.txt", summary.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            for (org.qinglang.casefile.Evidence e : complaint.getEvidence()) {
                if (e.getContent() != null && e.getKind() != org.qinglang.casefile.EvidenceKind.SUBMITTED_TEXT) {
                    files.put("evidence/%02d-%s".formatted(++n, org.qinglang.common.FileNames.safe(e.getFileName(),
                            "evidence")), e.getContent());
                }
            }
            for (var file : files.entrySet()) {
                zip.putNextEntry(new java.util.zip.ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
                sums.append(org.qinglang.common.Sha256.hex(file.getValue())).append("  ").append(file.getKey()).append('\n');
            }
            zip.putNextEntry(new java.util.zip.ZipEntry("SHA256SUMS"));
            zip.write(sums.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        // Part of the chain of custody like every other download of the evidence.
        accessLog.record(caseNumber, "complainant", org.qinglang.casefile.PersonalDataLog.Kind.EVIDENCE_DOWNLOADED,
                caseNumber + "-evidence.zip");
        return org.springframework.http.ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.parseMediaType("application/zip"))
                .header("Content-Disposition", "attachment; filename=\"" + caseNumber + "-evidence.zip\"")
                .body(bytes.toByteArray());
    }

    /** "Look up my case": the case number and the address the complaint came from. */
    @GetMapping("/complaints/lookup")
    public String lookupForm() {
        return "lookup";
    }

    /**
     * Sends the status link to the complaint's own address when number and address match. The page
     * says the same whether they match or not, so it tells nobody which cases exist or who filed them.
     */
    @PostMapping("/complaints/lookup")
    @Transactional
    public String lookup(@RequestParam(defaultValue = "") String caseNumber, @RequestParam(defaultValue = "") String email,
            Model model) {
        String number = caseNumber.strip().toUpperCase(Locale.ROOT);
        if (number.length() <= 20 && email.length() <= 320) {
            complaints.findByCaseNumber(number)
                    .filter(c -> c.getComplainantEmail() != null && c.getComplainantEmail().equalsIgnoreCase(email.strip()))
                    .ifPresent(caseMail::statusLinkAgain);
        }
        model.addAttribute("sent", true);
        return "lookup";
    }

    @PostMapping("/complaints/{caseNumber}/information")
    public String addInformation(@PathVariable String caseNumber, @RequestParam(required = false) String token,
            @RequestParam(defaultValue = "") String text,
            @RequestParam(name = "evidence", required = false) MultipartFile[] evidence,
            RedirectAttributes redirect) throws IOException {
        authorised(caseNumber, token);
        List<String> problems = new ArrayList<>();
        List<Attachment> attachments = Uploads.accept(evidence, problems);
        if (text.isBlank() || text.length() > 20000 || !problems.isEmpty()) {
            redirect.addFlashAttribute("problem", problems.isEmpty() ? "form.information.required" : problems.get(0));
        } else {
            replies.complainantReplied(caseNumber, text.strip(), attachments);
            redirect.addFlashAttribute("notice", "status.information.received");
        }
        return "redirect:/complaints/" + caseNumber + "?token=" + token;
    }

    @PostMapping("/complaints/{caseNumber}/review")
    public String requestReview(@PathVariable String caseNumber, @RequestParam(required = false) String token,
            @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        authorised(caseNumber, token);
        if (reason.isBlank() || reason.length() > 4000) {
            redirect.addFlashAttribute("problem", "form.review.required");
        } else {
            reviews.request(caseNumber, reason.strip());
            redirect.addFlashAttribute("notice", "status.review.requested");
        }
        return "redirect:/complaints/" + caseNumber + "?token=" + token;
    }

    private Complaint authorised(String caseNumber, String token) {
        if (!tokens.isValid(AccessTokens.Purpose.COMPLAINANT_STATUS, caseNumber, token)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return caseFiles.get(caseNumber);
    }
}
