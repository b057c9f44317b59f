package org.qinglang.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.qinglang.workflow.ModelPages;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Links to the current page in the other language, keeping its query (e.g. a status token), and who
 * is logged in as staff.
 */
@ControllerAdvice(assignableTypes = {PublicPages.class, AnnouncementPages.class, StatisticsPages.class,
    PlatformResponsePages.class, ModelPages.class, CaseFilePages.class, CaseSearchPages.class, StaffLoginPage.class,
    PolicePages.class, ObjectionPages.class, LeadPages.class, RegisterPages.class})
class LanguageSwitch {

    private final org.qinglang.security.StaffNames staffNames;

    LanguageSwitch(org.qinglang.security.StaffNames staffNames) {
        this.staffNames = staffNames;
    }

    @ModelAttribute("switchToEnglish")
    String english(HttpServletRequest request) {
        return ServletUriComponentsBuilder.fromRequest(request).replaceQueryParam("lang", "en").build()
                .toUriString();
    }

    @ModelAttribute("switchToChinese")
    String chinese(HttpServletRequest request) {
        return ServletUriComponentsBuilder.fromRequest(request).replaceQueryParam("lang", "zh_CN").build()
                .toUriString();
    }

    /** Who is logged in as staff, for the staff links of the header; null for the public. */
    @ModelAttribute("staffName")
    String staffName(java.security.Principal principal) {
        return principal == null ? null : staffNames.of(principal.getName());
    }

    /** Whether the header offers the models: managers change them (and administrators). */
    @ModelAttribute("staffManagesModels")
    boolean managesModels(HttpServletRequest request) {
        return request.isUserInRole(org.qinglang.security.Roles.MANAGERS) || request.isUserInRole(org.qinglang.security.Roles.ADMINS);
    }

    @ModelAttribute("english")
    boolean isEnglish(Locale locale) {
        return Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
    }
}
