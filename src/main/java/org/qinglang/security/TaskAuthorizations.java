package org.qinglang.security;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Who may work a task is decided per task: members of its candidate groups may claim and complete
 * it, so case workers cannot decide a supervisor's escalation. Reading tasks is granted to the groups
 * once (EngineAuthorizations). The engine would store that right as one authorization row per task
 * and candidate group, and its authorized task query reads every such row for every Tasklist page
 * and count (docs/performance.md). Here the right follows from the task's candidate groups when the
 * engine checks it, so no such rows are written. Rights of assignees, owners and candidate users
 * stay rows, as the engine makes them.
 */
@Component
class TaskAuthorizations extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setResourceAuthorizationProvider(new AuthorizationRows());
        List<SessionFactory> sessionFactories = configuration.getCustomSessionFactories() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomSessionFactories());
        sessionFactories.add(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return AuthorizationManager.class;
            }

            @Override
            public Session openSession() {
                return new CandidateGroupsWorkTheirTasks();
            }
        });
        configuration.setCustomSessionFactories(sessionFactories);
    }

    /**
     * The rows the engine writes for new resources, but: none per task and candidate group (see above),
     * and the user who deploys may read the deployment and nothing more. The engine would make the
     * deployer its owner, free to delete it with every case running on it; only administrators delete.
     */
    static final class AuthorizationRows extends DefaultAuthorizationProvider {

        @Override
        public AuthorizationEntity[] newDeployment(org.camunda.bpm.engine.repository.Deployment deployment) {
            AuthorizationEntity[] rows = super.newDeployment(deployment);
            if (rows == null) {
                return null;
            }
            for (AuthorizationEntity row : rows) {
                row.setPermissions(new Permission[] {org.camunda.bpm.engine.authorization.Permissions.READ});
            }
            return rows;
        }

        @Override
        public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
            return new AuthorizationEntity[0];
        }
    }

    /** The engine's checks, plus: a candidate group has the right the engine gives it per task. */
    static final class CandidateGroupsWorkTheirTasks extends AuthorizationManager {

        @Override
        public boolean isAuthorized(String userId, List<String> groupIds, PermissionCheck check) {
            return super.isAuthorized(userId, groupIds, check) || isCandidateGroupRight(groupIds, check);
        }

        @Override
        public boolean isAuthorized(String userId, List<String> groupIds, CompositePermissionCheck check) {
            if (super.isAuthorized(userId, groupIds, check)) {
                return true;
            }
            boolean anyCandidateGroupRight = check.getAllPermissionChecks().stream()
                    .anyMatch(atomic -> isCandidateGroupRight(groupIds, atomic));
            return anyCandidateGroupRight && holds(userId, groupIds, check);
        }

        /** Evaluates the composite check one part at a time, counting the candidate groups' right. */
        private boolean holds(String userId, List<String> groupIds, CompositePermissionCheck check) {
            Stream<Boolean> parts = Stream.concat(
                    check.getAtomicChecks().stream().map(atomic -> isAuthorized(userId, groupIds, atomic)),
                    check.getCompositeChecks().stream().map(composite -> holds(userId, groupIds, composite)));
            return check.isDisjunctive() ? parts.anyMatch(Boolean::booleanValue) : parts.allMatch(Boolean::booleanValue);
        }

        private boolean isCandidateGroupRight(List<String> groupIds, PermissionCheck check) {
            if (groupIds == null || groupIds.isEmpty() || check.getResourceId() == null
                    || check.getResource().resourceType() != Resources.TASK.resourceType()
                    || !grantedToCandidates(check.getPermission())) {
                return false;
            }
            TaskEntity task = Context.getCommandContext().getTaskManager().findTaskById(check.getResourceId());
            if (task == null) {
                return false;
            }
            for (IdentityLink link : task.getIdentityLinks()) {
                if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null
                        && groupIds.contains(link.getGroupId())) {
                    return true;
                }
            }
            return false;
        }

        /** The right the engine gives candidates per task (UPDATE unless configured otherwise). */
        private static boolean grantedToCandidates(Permission permission) {
            Permission candidates = Context.getProcessEngineConfiguration().getDefaultUserPermissionForTask();
            return permission.getValue() == candidates.getValue();
        }
    }
}
