package org.qinglang.workflow;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Runs engine work as the manager who asked for it, with the manager's groups (so that the engine's
 * authorization checks and its operation log see that person), and restores whoever acted before.
 */
final class ActingUser {

    private ActingUser() {
    }

    static <T> T run(IdentityService identityService, String userId, Supplier<T> work) {
        Authentication previous = identityService.getCurrentAuthentication();
        identityService.setAuthentication(userId, identityService.createGroupQuery().groupMember(userId).list()
                .stream().map(Group::getId).toList());
        try {
            return work.get();
        } finally {
            if (previous != null) {
                identityService.setAuthentication(previous);
            } else {
                identityService.clearAuthentication();
            }
        }
    }
}
