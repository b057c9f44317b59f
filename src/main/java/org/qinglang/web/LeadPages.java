package org.qinglang.web;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qinglang.casefile.CaseOrigin;
import org.qinglang.casefile.ComplaintCategory;
import org.qinglang.casefile.ComplaintSource;
import org.qinglang.intake.IntakeService;
import org.qinglang.intake.InvalidComplaintException;
import org.qinglang.registry.Platform;
import org.qinglang.registry.PlatformRepository;
import org.qinglang.security.AccessTokens;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Cases without a complainant. Staff open one from a media investigation (its source kept for the
 * responsible office only) or from a proactive screening; a platform reports what its own
 * inspection found through its signed link. The case then runs like a complaint, without mail to
 * anyone who complained.
 */
@Controller
class LeadPages {

    static final List<CaseOrigin> STAFF_ORIGINS = List.of(CaseOrigin.MEDIA_INVESTIGATION, CaseOrigin.PROACTIVE_SCREENING);

    private final IntakeService intake;
    private final PlatformRepository platforms;
    private final AccessTokens tokens;
    private final String publicBaseUrl;

    LeadPages(IntakeService intake, PlatformRepository platforms, AccessTokens tokens,
            @Value("${qinglang.public-base-url}") String publicBaseUrl) {
        this.intake = intake;
        this.platforms = platforms;
        this.tokens = tokens;
        this.publicBaseUrl = publicBaseUrl;
    }

    private List<Platform> registeredPlatforms() {
        return platforms.allOrderedByCode().stream()
                .filter(p -> !p.getCode().equals(Platform.UNREGISTERED)).toList();
    }

    private void form(Model model) {
        model.addAttribute("origins", STAFF_ORIGINS);
        model.addAttribute("categories", Arrays.asList(ComplaintCategory.values()));
        model.addAttribute("platforms", registeredPlatforms());
        Map<Platform, String> links = new LinkedHashMap<>();
        registeredPlatforms().forEach(p -> links.put(p, publicBaseUrl + "/platform/self-inspection/"
                + p.getCode() + "?token=" + tokens.issue(AccessTokens.Purpose.PLATFORM_SELF_INSPECTION, p.getCode())));
        model.addAttribute("selfInspectionLinks", links);
    }

    @GetMapping("/staff/leads/new")
    String newLead(Model model) {
        form(model);
        model.addAttribute("entered", Map.of());
        return "lead-new";
    }

    @PostMapping("/staff/leads/new")
    String openLead(@RequestParam(required = false) CaseOrigin origin,
            @RequestParam(required = false) ComplaintCategory category, @RequestParam(defaultValue = "") String platform,
            @RequestParam(defaultValue = "") String url, @RequestParam(defaultValue = "") String accountName,
            @RequestParam(defaultValue = "") String description, @RequestParam(defaultValue = "") String sourceNote,
            Principal staff, Model model, HttpServletResponse response) {
        try {
            if (origin == null || !STAFF_ORIGINS.contains(origin)) {
                throw new InvalidComplaintException("origin", "required");
            }
            String caseNumber = intake.openLead(new IntakeService.Lead(ComplaintSource.STAFF, origin, category,
                    platform, url, accountName, description, limit(sourceNote, 4000), staff.getName()));
            return "redirect:/staff/cases/" + caseNumber;
        } catch (InvalidComplaintException invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            form(model);
            model.addAttribute("invalidField", invalid.getField());
            model.addAttribute("entered", Map.of("origin", origin == null ? "" : origin.name(),
                    "category", category == null ? "" : category.name(), "platform", platform, "url", url,
                    "accountName", accountName, "description", description, "sourceNote", sourceNote));
            return "lead-new";
        }
    }

    @GetMapping("/platform/self-inspection/{platform}")
    String selfInspection(@PathVariable String platform, @RequestParam(defaultValue = "") String token, Model model,
            HttpServletResponse response) {
        SignedLinks.require(tokens, AccessTokens.Purpose.PLATFORM_SELF_INSPECTION, platform, token);
        model.addAttribute("platform", platforms.findById(platform).orElseThrow());
        model.addAttribute("token", token);
        model.addAttribute("categories", Arrays.asList(ComplaintCategory.values()));
        return "self-inspection";
    }

    @PostMapping("/platform/self-inspection/{platform}")
    String reportSelfInspection(@PathVariable String platform, @RequestParam(defaultValue = "") String token,
            @RequestParam(required = false) ComplaintCategory category, @RequestParam(defaultValue = "") String url,
            @RequestParam(defaultValue = "") String accountName, @RequestParam(defaultValue = "") String description,
            Model model, HttpServletResponse response) {
        SignedLinks.require(tokens, AccessTokens.Purpose.PLATFORM_SELF_INSPECTION, platform, token);
        Platform reporting = platforms.findById(platform).orElseThrow();
        model.addAttribute("platform", reporting);
        model.addAttribute("token", token);
        model.addAttribute("categories", Arrays.asList(ComplaintCategory.values()));
        try {
            // The platform reports on itself: the case is about content it hosts, whatever it types.
            String caseNumber = intake.openLead(new IntakeService.Lead(ComplaintSource.PLATFORM,
                    CaseOrigin.PLATFORM_SELF_INSPECTION, category, reporting.getCode(), url, accountName,
                    limit(description, 20000), null, "platform:" + reporting.getCode()));
            model.addAttribute("caseNumber", caseNumber);
            return "self-inspection-received";
        } catch (InvalidComplaintException invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            model.addAttribute("invalidField", invalid.getField());
            return "self-inspection";
        }
    }

    private static String limit(String text, int most) {
        return text == null || text.length() <= most ? text : text.substring(0, most);
    }
}
