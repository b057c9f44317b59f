package org.qinglang.security;

import java.util.Arrays;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Service;

/**
 * Territorial responsibility (属地管理) for personal data: staff see a complainant's name and
 * contact only in cases of their own office. An engine user's offices are kept in the user info
 * {@code offices}: the office names the triage table assigns, comma-separated, or {@code *} for all.
 */
@Service
public class StaffOffices {

    public static final String OFFICES = "offices";
    public static final String ALL = "*";

    private final IdentityService identityService;

    public StaffOffices(IdentityService identityService) {
        this.identityService = identityService;
    }

    /**
     * As {@link #mayReadPersonalData(String, String)}, for a case a correction may have moved: who moved
     * it into their own office gains nothing by that, and reads only if they could before.
     */
    public boolean mayReadPersonalData(String userId, String responsibleOffice, String officeChangedBy,
            String officeBefore) {
        if (userId != null && userId.equals(officeChangedBy)) {
            return mayReadPersonalData(userId, responsibleOffice) && mayReadPersonalData(userId, officeBefore);
        }
        return mayReadPersonalData(userId, responsibleOffice);
    }

    /**
     * The offices whose complainants this user may see; null when every office (administrators and
     * staff of all offices), empty for nobody.
     */
    public java.util.Set<String> personalDataOffices(String userId) {
        if (userId == null) {
            return java.util.Set.of();
        }
        if (identityService.createUserQuery().userId(userId).memberOfGroup(Roles.ADMINS).count() > 0) {
            return null;
        }
        String offices = identityService.getUserInfo(userId, OFFICES);
        if (offices == null) {
            return java.util.Set.of();
        }
        java.util.Set<String> set = Arrays.stream(offices.split(",")).map(String::strip)
                .collect(java.util.stream.Collectors.toSet());
        return set.contains(ALL) ? null : set;
    }

    public boolean mayReadPersonalData(String userId, String responsibleOffice) {
        if (userId == null) {
            return false;
        }
        if (identityService.createUserQuery().userId(userId).memberOfGroup(Roles.ADMINS).count() > 0) {
            return true;
        }
        String offices = identityService.getUserInfo(userId, OFFICES);
        return offices != null && Arrays.stream(offices.split(",")).map(String::strip)
                .anyMatch(office -> office.equals(ALL) || office.equals(responsibleOffice));
    }
}
