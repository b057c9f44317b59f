package org.qinglang.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.RuntimeService;
import org.qinglang.casefile.CaseFiles;
import org.qinglang.casefile.CaseStage;
import org.qinglang.casefile.Complaint;
import org.qinglang.casework.CaseReplies;
import org.qinglang.common.Labels;
import org.qinglang.intake.NewComplaint.Attachment;
import org.qinglang.process.CaseVariables;
import org.qinglang.registry.MeasureCodes;
import org.qinglang.registry.PlatformRepository;
import org.qinglang.security.AccessTokens;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/** The page a platform's notice links to: it reports what it did and attaches proof. */
@Controller
public class PlatformResponsePages {

    private final CaseFiles caseFiles;
    private final CaseReplies replies;
    private final PlatformRepository platforms;
    private final RuntimeService runtimeService;
    private final AccessTokens tokens;
    private final Labels labels;

    public PlatformResponsePages(CaseFiles caseFiles, CaseReplies replies, PlatformRepository platforms,
            RuntimeService runtimeService, AccessTokens tokens, Labels labels) {
        this.caseFiles = caseFiles;
        this.replies = replies;
        this.platforms = platforms;
        this.runtimeService = runtimeService;
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
        model.addAttribute("measures", requiredMeasures(complaint.getCaseNumber(), locale));
        return "platform-respond";
    }

    @PostMapping("/platform/respond/{caseNumber}")
    public String respond(@PathVariable String caseNumber, @RequestParam(required = false) String token,
            @RequestParam(defaultValue = "") String text,
            @RequestParam(name = "evidence", required = false) MultipartFile[] evidence, Model model,
            Locale locale) throws IOException {
        Complaint complaint = authorised(caseNumber, token);
        List<String> problems = new ArrayList<>();
        List<Attachment> attachments = Uploads.accept(evidence, problems);
        if (text.isBlank() || text.length() > 20000 || !problems.isEmpty()) {
            model.addAttribute("problem", problems.isEmpty() ? "platform.respond.required" : problems.get(0));
            return page(complaint, token, model, locale);
        }
        replies.platformResponded(caseNumber, text.strip(), attachments);
        model.addAttribute("caseNumber", caseNumber);
        return "platform-responded";
    }

    private List<String> requiredMeasures(String caseNumber, Locale locale) {
        String[] instances = runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(caseNumber, CaseVariables.PROCESS_KEY).list().stream()
                .map(p -> p.getId()).toArray(String[]::new);
        if (instances.length == 0) {
            return List.of();
        }
        Object codes = runtimeService.createVariableInstanceQuery().processInstanceIdIn(instances)
                .variableName(CaseVariables.REQUIRED_MEASURES).list().stream().findFirst().map(v -> v.getValue())
                .orElse(null);
        return MeasureCodes.parse(codes).stream().map(c -> labels.get("measure." + c, locale)).toList();
    }

    private Complaint authorised(String caseNumber, String token) {
        if (!tokens.isValid(AccessTokens.Purpose.PLATFORM_RESPONSE, caseNumber, token)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return caseFiles.get(caseNumber);
    }
}
