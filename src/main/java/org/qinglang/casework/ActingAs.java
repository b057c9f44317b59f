package org.qinglang.casework;

import java.util.List;
import java.util.function.Function;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;

/**
 * Work done through the engine as a person would do it in Tasklist: with their identity and groups,
 * so the engine's authorization checks and the case's rules apply; whoever was acting before acts
 * again afterwards.
 */
final class ActingAs {

    private ActingAs() {
    }

    /** Runs {@code work} with the user's identity; it is given the user's groups. */
    static <T> T user(IdentityService identity, String userId, Function<List<String>, T> work) {
        List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
        var previous = identity.getCurrentAuthentication();
        identity.setAuthentication(userId, groups);
        try {
            return work.apply(groups);
        } finally {
            if (previous != null) {
                identity.setAuthentication(previous);
            } else {
                identity.clearAuthentication();
            }
        }
    }
}
