package org.qinglang.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.qinglang.workflow.ModelPages;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Links to the current page in the other language, keeping its query (e.g. a status token), who
 * is logged in as staff, and the office's clock the pages give their times by.
 */
@ControllerAdvice(assignableTypes = {PublicPages.class, AnnouncementPages.class, StatisticsPages.class,
    PlatformResponsePages.class, ModelPages.class, CaseFilePages.class, CaseSearchPages.class, StaffLoginPage.class,
    PolicePages.class, ObjectionPages.class, LeadPages.class, RegisterPages.class})
class LanguageSwitch {

    private final org.qinglang.security.StaffNames staffNames;
    private final java.time.ZoneId officeZone;
    private final java.time.format.DateTimeFormatter officeTime;
    private final java.time.format.DateTimeFormatter officeDate;

    LanguageSwitch(org.qinglang.security.StaffNames staffNames,
            @org.springframework.beans.factory.annotation.Value("${qinglang.time-zone:Asia/Shanghai}") String zone) {
        this.staffNames = staffNames;
        this.officeZone = java.time.ZoneId.of(zone);
        this.officeTime = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(officeZone);
        this.officeDate = java.time.format.DateTimeFormatter.ISO_LOCAL_DATE.withZone(officeZone);
    }

    /** The office's time zone ({@code qinglang.time-zone}), in which every page gives its times. */
    @ModelAttribute("officeZone")
    java.time.ZoneId officeZone() {
        return officeZone;
    }

    /** The day of an instant on the office's calendar: {@code officeDate.format(a.publishedAt)}. */
    @ModelAttribute("officeDate")
    java.time.format.DateTimeFormatter officeDate() {
        return officeDate;
    }

    /** Formats an instant as the office's clock shows it: {@code officeTime.format(c.createdAt)}. */
    @ModelAttribute("officeTime")
    java.time.format.DateTimeFormatter officeTime() {
        return officeTime;
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
