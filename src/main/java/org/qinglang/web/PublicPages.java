package org.qinglang.web;

import org.qinglang.common.Labels;
import org.qinglang.intake.CaseFiles;
import org.qinglang.intake.Complaint;
import org.qinglang.security.AccessTokens;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The home page and the complainant's private status page. */
@Controller
public class PublicPages {

    private final CaseFiles caseFiles;
    private final AccessTokens tokens;
    private final Labels labels;

    public PublicPages(CaseFiles caseFiles, AccessTokens tokens, Labels labels) {
        this.caseFiles = caseFiles;
        this.tokens = tokens;
        this.labels = labels;
    }

    @GetMapping("/")
    public String home() {
        return "home";
    }

    @GetMapping("/complaints/{caseNumber}")
    @Transactional(readOnly = true)
    public String status(@PathVariable String caseNumber, @RequestParam(required = false) String token, Model model) {
        if (!tokens.isValid(AccessTokens.Purpose.COMPLAINANT_STATUS, caseNumber, token)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Complaint complaint = caseFiles.get(caseNumber);
        model.addAttribute("complaint", complaint);
        model.addAttribute("stageLabel", labels.bilingual("stage." + complaint.getStage().name()));
        model.addAttribute("outcomeLabel",
                complaint.getOutcome() == null ? null : labels.bilingual("outcome." + complaint.getOutcome().name()));
        model.addAttribute("categoryLabel", labels.category(complaint.getCategory()));
        return "status";
    }
}
