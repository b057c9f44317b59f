package org.qinglang.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.qinglang.casefile.CaseFiles;
import org.qinglang.casefile.CaseStage;
import org.qinglang.casefile.Complaint;
import org.qinglang.casework.CaseReplies;
import org.qinglang.common.Labels;
import org.qinglang.intake.NewComplaint.Attachment;
import org.qinglang.registry.PlatformRepository;
import org.qinglang.security.AccessTokens;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The page a platform's notice links to: it reports what it did and attaches proof. */
@Controller
public class PlatformResponsePages {

    private final CaseFiles caseFiles;
    private final CaseReplies replies;
    private final PlatformRepository platforms;
    private final AccessTokens tokens;
    private final Labels labels;

    public PlatformResponsePages(CaseFiles caseFiles, CaseReplies replies, PlatformRepository platforms,
            AccessTokens tokens, Labels labels) {
        this.caseFiles = caseFiles;
        this.replies = replies;
        this.platforms = platforms;
        this.tokens = tokens;
        this.labels = labels;
    }

    @GetMapping("/platform/respond/{caseNumber}")
    @Transactional(readOnly = true)
    public String form(@PathVariable String caseNumber, @RequestParam(required = false) String token, Model model,
            Locale locale) {
        return page(authorised(caseNumber, token), token, model, locale);
    }

    private String page(Complaint complaint, String token, Model model, Locale locale) {
        model.addAttribute("complaint", complaint);
        model.addAttribute("token", token);
        model.addAttribute("platformName", platforms.findById(complaint.getPlatformCode())
                .map(p -> p.name(locale)).orElse(complaint.getPlatformCode()));
        model.addAttribute("categoryLabel", labels.get("category." + complaint.getCategory().name(), locale));
        model.addAttribute("awaiting", complaint.getStage() == CaseStage.PLATFORM_NOTIFIED);
        List<String> codes = requiredMeasureCodes(complaint.getCaseNumber());
        model.addAttribute("measures", codes.stream().map(c -> labels.get("measure." + c, locale)).toList());
        java.util.Map<String, String> orders = new java.util.LinkedHashMap<>();
        codes.forEach(c -> orders.put(c, labels.get("measure." + c, locale)));
        model.addAttribute("orders", orders);
        return "platform-respond";
    }

    @PostMapping("/platform/respond/{caseNumber}")
    public String respond(@PathVariable String caseNumber, @RequestParam(required = false) String token,
            @RequestParam(defaultValue = "") String text,
            @RequestParam(name = "evidence", required = false) MultipartFile[] evidence,
            @RequestParam java.util.Map<String, String> fields,
            @RequestParam org.springframework.util.MultiValueMap<String, MultipartFile> files, Model model,
            Locale locale) throws IOException {
        Complaint complaint = authorised(caseNumber, token);
        List<String> problems = new ArrayList<>();
        List<Attachment> attachments = Uploads.accept(evidence, problems);
        List<org.qinglang.casework.MeasureConfirmation.Report> reports = new ArrayList<>();
        for (String code : requiredMeasureCodes(caseNumber)) {
            org.qinglang.casework.MeasureConfirmation.Report report = report(code, fields, problems);
            List<MultipartFile> proofs = files.getOrDefault("proof." + code, List.of());
            reports.add(report == null ? null : report.withProofs(Uploads.accept(proofs.toArray(MultipartFile[]::new),
                    problems)));
        }
        if (text.isBlank() || text.length() > 20000 || !problems.isEmpty()) {
            model.addAttribute("problem", problems.isEmpty() ? "platform.respond.required" : problems.get(0));
            return page(complaint, token, model, locale);
        }
        replies.platformResponded(caseNumber, text.strip(), attachments, reports);
        model.addAttribute("caseNumber", caseNumber);
        return "platform-responded";
    }

    private List<String> requiredMeasureCodes(String caseNumber) {
        return replies.orderedMeasures(caseNumber);
    }

    /** One measure's line of the form: carried out (when, not in the future) or not (why). */
    private static org.qinglang.casework.MeasureConfirmation.Report report(String code,
            java.util.Map<String, String> fields, List<String> problems) {
        String done = fields.getOrDefault("done." + code, "");
        if (!done.equals("DONE") && !done.equals("NOT_DONE")) {
            problems.add("platform.measure.each");
            return null;
        }
        try {
            return org.qinglang.casework.MeasureConfirmation.Report.read(code, done.equals("DONE"),
                    fields.get("at." + code), fields.get("note." + code));
        } catch (org.qinglang.casework.MeasureConfirmation.Refused refused) {
            problems.add(refused.key());
            return null;
        }
    }

    private Complaint authorised(String caseNumber, String token) {
        SignedLinks.require(tokens, AccessTokens.Purpose.PLATFORM_RESPONSE, caseNumber, token);
        return caseFiles.get(caseNumber);
    }
}
