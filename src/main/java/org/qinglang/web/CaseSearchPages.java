package org.qinglang.web;

import java.security.Principal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import org.qinglang.casefile.CaseSearch;
import org.qinglang.casefile.CaseStage;
import org.qinglang.common.EngineClock;
import org.qinglang.common.Labels;
import org.qinglang.security.StaffOffices;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Search over all cases for staff (/staff/cases): one box, filters, newest first, each linked to its case file. */
@Controller
class CaseSearchPages {

    private final CaseSearch search;
    private final org.qinglang.casework.BulkClaims claims;
    private final org.qinglang.casework.BulkDuplicates duplicates;
    private final StaffOffices offices;
    private final org.qinglang.registry.PlatformChoices platforms;
    private final OfficeChoices officeChoices;
    private final org.qinglang.common.BilingualTexts values;
    private final Labels labels;
    private final DateTimeFormatter time;

    CaseSearchPages(CaseSearch search, org.qinglang.casework.BulkClaims claims,
            org.qinglang.casework.BulkDuplicates duplicates, StaffOffices offices,
            org.qinglang.registry.PlatformChoices platforms, OfficeChoices officeChoices,
            org.qinglang.common.BilingualTexts values, Labels labels,
            @Value("${qinglang.time-zone:Asia/Shanghai}") String zone) {
        this.platforms = platforms;
        this.officeChoices = officeChoices;
        this.values = values;
        this.search = search;
        this.claims = claims;
        this.duplicates = duplicates;
        this.offices = offices;
        this.labels = labels;
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of(zone));
    }

    /** Claims the open tasks of the cases ticked in the results, for the user, and says what happened. */
    @org.springframework.web.bind.annotation.PostMapping("/staff/cases/claim")
    public String claim(@RequestParam(name = "caseNumbers", required = false) java.util.List<String> caseNumbers,
            @RequestParam(required = false) String q, Principal staff,
            org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        var result = claims.claim(caseNumbers == null ? java.util.List.of() : caseNumbers, staff.getName());
        redirect.addFlashAttribute("claimed", result.claimed());
        redirect.addFlashAttribute("refused", result.refused());
        redirect.addAttribute("q", q == null ? "" : q);
        return "redirect:/staff/cases";
    }

    /** Closes the cases ticked in the results as duplicates of one open case, and says what happened. */
    @org.springframework.web.bind.annotation.PostMapping("/staff/cases/close-duplicates")
    public String closeDuplicates(@RequestParam(name = "caseNumbers", required = false) java.util.List<String> caseNumbers,
            @RequestParam(name = "openCase", required = false) String openCase, @RequestParam(required = false) String q,
            Principal staff, org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        var result = duplicates.close(caseNumbers == null ? java.util.List.of() : caseNumbers, openCase, staff.getName());
        redirect.addFlashAttribute("closedAsDuplicates", result.closed());
        redirect.addFlashAttribute("openCase", openCase);
        redirect.addFlashAttribute("refused", result.refused());
        redirect.addAttribute("q", q == null ? "" : q);
        return "redirect:/staff/cases";
    }

    @GetMapping("/staff/cases")
    public String search(@RequestParam(required = false) String q, @RequestParam(required = false) String stage,
            @RequestParam(required = false) String office, @RequestParam(required = false) String severity,
            @RequestParam(defaultValue = "false") boolean overdue, Principal staff, Model model, Locale locale) {
        CaseStage stageFilter = Arrays.stream(CaseStage.values()).filter(s -> s.name().equals(stage)).findFirst()
                .orElse(null);
        boolean asked = (q != null && !q.isBlank()) || stageFilter != null || (office != null && !office.isBlank())
                || (severity != null && !severity.isBlank()) || overdue;
        model.addAttribute("q", q);
        model.addAttribute("stage", stageFilter == null ? "" : stageFilter.name());
        model.addAttribute("office", office);
        model.addAttribute("severity", severity);
        model.addAttribute("overdue", overdue);
        model.addAttribute("stages", Arrays.stream(CaseStage.values()).map(s -> new String[] {s.name(),
                labels.staffStage(s.name(), locale)}).toList());
        model.addAttribute("severities", java.util.List.of("CRITICAL", "HIGH", "MEDIUM", "LOW").stream()
                .map(s -> new String[] {s, labels.get("severity." + s, locale)}).toList());
        // The offices the routing table names, and one asked for by a link that the table no longer names.
        java.util.List<String> officeValues = new java.util.ArrayList<>(officeChoices.offices());
        if (office != null && !office.isBlank() && !officeValues.contains(office)) {
            officeValues.add(office);
        }
        model.addAttribute("offices", officeValues.stream().map(o -> new String[] {o,
                values.in(locale, org.qinglang.process.CaseVariables.RESPONSIBLE_OFFICE, o)}).toList());
        model.addAttribute("asked", asked);
        if (asked) {
            // Platforms and offices by the names the reader reads, not their codes or both languages.
            model.addAttribute("hits", search.find(new CaseSearch.Query(q, stageFilter, office, severity, overdue,
                    offices.personalDataOffices(staff.getName())), EngineClock.now()).stream().map(hit -> new String[] {
                        hit.caseNumber(), labels.get("category." + hit.category(), locale),
                        platforms.find(hit.platformCode()).map(p -> p.name(locale)).orElse(hit.platformCode()),
                        hit.accountName() == null ? "-" : hit.accountName(), labels.staffStage(hit.stage(), locale),
                        hit.severity() == null ? "-" : labels.get("severity." + hit.severity(), locale),
                        hit.responsibleOffice() == null ? "-" : values.in(locale,
                                org.qinglang.process.CaseVariables.RESPONSIBLE_OFFICE, hit.responsibleOffice()),
                        time.format(hit.createdAt())})
                    .toList());
        }
        return "case-search";
    }
}
