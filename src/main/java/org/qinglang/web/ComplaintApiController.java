package org.qinglang.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.qinglang.casework.CaseReplies;
import org.qinglang.common.FileNames;
import org.qinglang.common.Labels;
import org.qinglang.intake.AcceptedComplaint;
import org.qinglang.casefile.CaseFiles;
import org.qinglang.casefile.CaseNotFoundException;
import org.qinglang.casefile.CaseStage;
import org.qinglang.casefile.Complaint;
import org.qinglang.casefile.ComplaintRepository;
import org.qinglang.casefile.ComplaintSource;
import org.qinglang.intake.IntakeService;
import org.qinglang.intake.InvalidComplaintException;
import org.qinglang.intake.NewComplaint;
import org.qinglang.registry.PlatformRepository;
import org.qinglang.security.AccessTokens;
import org.qinglang.security.StaffOffices;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The complaint API: intake for everyone, the status view by private token, the case list for staff. */
@RestController
@RequestMapping("/api")
public class ComplaintApiController {

    private static final int MAX_PAGE_SIZE = 100;

    private final IntakeService intake;
    private final CaseFiles caseFiles;
    private final CaseReplies caseReplies;
    private final ComplaintRepository complaints;
    private final PlatformRepository platforms;
    private final AccessTokens tokens;
    private final Labels labels;
    private final IntakeRateLimiter rateLimiter;
    private final StaffOffices offices;

    public ComplaintApiController(IntakeService intake, CaseFiles caseFiles, CaseReplies caseReplies,
            ComplaintRepository complaints, PlatformRepository platforms, AccessTokens tokens, Labels labels,
            IntakeRateLimiter rateLimiter, StaffOffices offices) {
        this.rateLimiter = rateLimiter;
        this.offices = offices;
        this.intake = intake;
        this.caseFiles = caseFiles;
        this.caseReplies = caseReplies;
        this.complaints = complaints;
        this.platforms = platforms;
        this.tokens = tokens;
        this.labels = labels;
    }

    @PostMapping("/complaints")
    public ResponseEntity<Map<String, Object>> submit(@Valid @RequestBody ComplaintRequest request,
            jakarta.servlet.http.HttpServletRequest http) {
        rateLimiter.acquire(http.getRemoteAddr());
        AcceptedComplaint accepted = intake.submit(new NewComplaint(ComplaintSource.API, request.category(),
                request.reporterType(), request.platform(), request.url(), request.accountName(),
                request.description(), request.complainant().name(), request.complainant().email(),
                request.complainant().phone(), attachments(request.evidence()), null, request.objectType(),
                request.groupAdmin(), request.rebuttal()));
        URI location = URI.create("/api/complaints/" + accepted.caseNumber() + "?token=" + accepted.statusToken());
        return ResponseEntity.created(location).body(Map.of("caseNumber", accepted.caseNumber(), "statusToken",
                accepted.statusToken(), "statusUrl", location.toString()));
    }

    @GetMapping("/complaints/{caseNumber}")
    @Transactional(readOnly = true)
    public ComplaintStatus status(@PathVariable String caseNumber, @RequestParam(required = false) String token) {
        Complaint c = authorised(caseNumber, token, AccessTokens.Purpose.COMPLAINANT_STATUS);
        return new ComplaintStatus(c.getCaseNumber(), c.getStage().name(),
                labels.bilingual("stage." + c.getStage().name()), c.getOutcome() == null ? null : c.getOutcome().name(),
                c.getOutcome() == null ? null : labels.bilingual("outcome." + c.getOutcome().name()),
                c.getOutcomeNote(), c.getCreatedAt(), c.getUpdatedAt(), c.getClosedAt(), c.getRectificationDueAt(),
                c.getLinkedCaseNumber());
    }

    @PostMapping("/complaints/{caseNumber}/information")
    public ResponseEntity<Void> addInformation(@PathVariable String caseNumber,
            @RequestParam(required = false) String token, @Valid @RequestBody TextReply reply) {
        authorised(caseNumber, token, AccessTokens.Purpose.COMPLAINANT_STATUS);
        caseReplies.complainantReplied(caseNumber, reply.text(), List.of());
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/complaints/{caseNumber}/platform-response")
    public ResponseEntity<Void> platformResponse(@PathVariable String caseNumber,
            @RequestParam(required = false) String token, @Valid @RequestBody PlatformReport report) {
        authorised(caseNumber, token, AccessTokens.Purpose.PLATFORM_RESPONSE);
        caseReplies.platformResponded(caseNumber, report.text(), List.of(), measureReports(caseNumber, report));
        return ResponseEntity.accepted().build();
    }

    /** Each ordered measure once, carried out (when, not in the future) or not (why); none at all is a text-only report. */
    private List<org.qinglang.casework.MeasureConfirmation.Report> measureReports(String caseNumber,
            PlatformReport report) {
        if (report.measures() == null || report.measures().isEmpty()) {
            return List.of();
        }
        List<String> ordered = caseReplies.orderedMeasures(caseNumber);
        List<org.qinglang.casework.MeasureConfirmation.Report> reports = new java.util.ArrayList<>();
        for (int i = 0; i < report.measures().size(); i++) {
            PlatformReport.Measure m = report.measures().get(i);
            String field = "measures[" + i + "]";
            if (!ordered.contains(m.measure()) || reports.stream().anyMatch(r -> r.measure().equals(m.measure()))) {
                throw new InvalidComplaintException(field + ".measure", "not a measure ordered in this case, or twice");
            }
            try {
                reports.add(org.qinglang.casework.MeasureConfirmation.Report.read(m.measure(), m.executed(),
                        m.executedAt(), m.note()));
            } catch (org.qinglang.casework.MeasureConfirmation.Refused refused) {
                throw new InvalidComplaintException(field + (m.executed() ? ".executedAt" : ".note"),
                        refused.getMessage());
            }
        }
        List<String> missing = ordered.stream().filter(code -> reports.stream().noneMatch(r -> r.measure().equals(code)))
                .toList();
        if (!missing.isEmpty()) {
            throw new InvalidComplaintException("measures", "every ordered measure is reported; missing " + missing);
        }
        return reports;
    }

    /** Staff only (see SecurityConfiguration): cases by channel and stage, newest first. */
    @GetMapping("/complaints")
    @Transactional(readOnly = true)
    public Map<String, Object> list(@RequestParam(required = false) ComplaintSource source,
            @RequestParam(required = false) CaseStage status, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size, java.security.Principal staff) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidComplaintException("page", "page >= 0 and 1 <= size <= " + MAX_PAGE_SIZE);
        }
        Page<Complaint> result = complaints.search(source, status, PageRequest.of(page, size));
        return Map.of("page", page, "size", size, "totalElements", result.getTotalElements(), "totalPages",
                result.getTotalPages(), "content", result.getContent().stream().map(c -> summary(c, staff.getName())).toList());
    }

    @GetMapping("/platforms")
    public List<Map<String, String>> platforms() {
        return platforms.findAll().stream().map(p -> Map.of("code", p.getCode(), "nameZh", p.getNameZh(), "nameEn",
                p.getNameEn())).toList();
    }

    private Complaint authorised(String caseNumber, String token, AccessTokens.Purpose purpose) {
        // An unknown case and a wrong token look the same, so links cannot be used to probe case numbers.
        if (!tokens.isValid(purpose, caseNumber, token)) {
            throw new CaseNotFoundException(caseNumber);
        }
        return caseFiles.get(caseNumber);
    }

    /** Complainants' names and contacts only for staff of the responsible office. */
    private ComplaintSummary summary(Complaint c, String staffUser) {
        boolean personal = offices.mayReadPersonalData(staffUser, c.getResponsibleOffice(), c.getOfficeChangedBy(),
                c.getOfficeBefore());
        return new ComplaintSummary(c.getCaseNumber(), c.getSource().name(), c.getCategory().name(),
                c.getPlatformCode(), c.getContentUrl(), c.getAccountName(), c.getDescription(),
                personal ? c.getComplainantName() : null, personal ? c.getComplainantEmail() : null, c.getStage().name(), c.getOutcome() == null ? null : c.getOutcome().name(),
                c.getSeverity(), c.getResponsibleOffice(), c.isCriminalLead(), c.getCreatedAt(),
                c.getEvidence().stream().map(e -> new ComplaintSummary.EvidenceView(e.getKind().name(),
                        e.getFileName(), e.getContentType(), e.getSizeBytes(), e.getSha256())).toList());
    }

    private static List<NewComplaint.Attachment> attachments(List<ComplaintRequest.EvidenceItem> items) {
        List<NewComplaint.Attachment> attachments = new ArrayList<>();
        if (items == null) {
            return attachments;
        }
        for (int i = 0; i < items.size(); i++) {
            ComplaintRequest.EvidenceItem item = items.get(i);
            byte[] content;
            try {
                content = Base64.getMimeDecoder().decode(item.contentBase64());
            } catch (IllegalArgumentException e) {
                throw new InvalidComplaintException("evidence[" + i + "].contentBase64", "not valid base64");
            }
            attachments.add(new NewComplaint.Attachment(FileNames.safe(item.fileName(), "evidence-" + (i + 1)),
                    item.contentType().toLowerCase(Locale.ROOT),
                    content, item.url()));
        }
        return attachments;
    }
}
