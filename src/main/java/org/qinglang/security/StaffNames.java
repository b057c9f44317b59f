package org.qinglang.security;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;

/**
 * The name people know a member of staff by, for screens that would otherwise show a login id:
 * "Wei Li" for {@code caseworker}. An id that is no user (a deleted account, a system step) stays as
 * it is, so nothing recorded is ever hidden.
 */
@Service
public class StaffNames {

    private final IdentityService identity;

    public StaffNames(IdentityService identity) {
        this.identity = identity;
    }

    /** The user's first and last name; the id itself when the user has none or is unknown; null for null. */
    public String of(String userId) {
        if (userId == null || userId.isBlank()) {
            return userId;
        }
        User user = identity.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            return userId;
        }
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).strip();
        return name.isEmpty() ? userId : name;
    }

    /** The same, remembering each user for one page: a case file names the same few people many times. */
    public OnePage forOnePage() {
        return new OnePage();
    }

    /** Names looked up once per page. */
    public final class OnePage {
        private final Map<String, String> names = new HashMap<>();

        private OnePage() {
        }

        public String of(String userId) {
            return userId == null ? null : names.computeIfAbsent(userId, StaffNames.this::of);
        }

        /** For records of who did what (access log, chain of custody): the name and, beside it, the login. */
        public String withLogin(String userId) {
            String name = of(userId);
            return name == null || name.equals(userId) ? name : name + " (" + userId + ")";
        }
    }
}
