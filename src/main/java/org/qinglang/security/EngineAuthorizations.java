package org.qinglang.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * What each group may do in the engine, Tasklist and Cockpit (the engine's authorization checks are
 * on). Case workers work their tasks; supervisors also see cases and the escalations; managers also
 * deploy (validated) models, migrate and repair cases in Cockpit. Nobody but administrators deletes.
 * Every group reads tasks (granted once here); the right to work a task follows from its candidate
 * groups and assignee (TaskAuthorizations).
 */
@Component
@Order(-1)
class EngineAuthorizations implements ApplicationRunner {

    private final AuthorizationService authorizations;

    EngineAuthorizations(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (String group : new String[] {Roles.CASE_WORKERS, Roles.SUPERVISORS, Roles.MANAGERS}) {
            grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(group, Resources.USER, ANY, Permissions.READ);
            grant(group, Resources.GROUP, ANY, Permissions.READ);
            grant(group, Resources.DEPLOYMENT, ANY, Permissions.READ);
            grant(group, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
            grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
            grant(group, Resources.TASK, ANY, Permissions.READ);
        }
        for (String group : new String[] {Roles.SUPERVISORS, Roles.MANAGERS}) {
            grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
            grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY,
                    Permissions.READ_INSTANCE, Permissions.READ_TASK);
            grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
        }
        grant(Roles.MANAGERS, Resources.DEPLOYMENT, ANY, Permissions.READ, Permissions.CREATE);
        grant(Roles.MANAGERS, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY,
                Permissions.READ_INSTANCE, Permissions.READ_TASK, Permissions.CREATE_INSTANCE,
                Permissions.UPDATE_INSTANCE, Permissions.MIGRATE_INSTANCE, ProcessDefinitionPermissions.RETRY_JOB,
                ProcessDefinitionPermissions.SUSPEND_INSTANCE, Permissions.UPDATE);
        grant(Roles.MANAGERS, Resources.PROCESS_INSTANCE, ANY, Permissions.READ, Permissions.UPDATE,
                Permissions.CREATE);
        grant(Roles.MANAGERS, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
        grant(Roles.MANAGERS, Resources.BATCH, ANY, Permissions.READ, Permissions.CREATE);
        grant(Roles.MANAGERS, Resources.FILTER, ANY, Permissions.READ, Permissions.UPDATE, Permissions.CREATE);
        readOnlyForDeployers();
    }

    /**
     * Deployments made before deployers became readers (TaskAuthorizations) still make their user the
     * owner, who could delete them with their running cases: those rows shrink to reading.
     */
    private void readOnlyForDeployers() {
        for (Authorization row : authorizations.createAuthorizationQuery().resourceType(Resources.DEPLOYMENT).list()) {
            if (row.getUserId() != null && !ANY.equals(row.getResourceId())
                    && (row.isPermissionGranted(Permissions.DELETE) || row.isPermissionGranted(Permissions.ALL))) {
                row.setPermissions(new Permission[] {Permissions.READ});
                authorizations.saveAuthorization(row);
            }
        }
    }

    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizations.createAuthorizationQuery().groupIdIn(group)
                .resourceType(resource).resourceId(resourceId).singleResult();
        Authorization authorization = existing != null ? existing
                : authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(group);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizations.saveAuthorization(authorization);
    }
}
