package org.qinglang.security;

import java.util.Arrays;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Who may work a task is still decided per task: its candidate group gets the right to claim and
 * complete it, so case workers cannot decide a supervisor's escalation. Reading tasks is granted to
 * the groups once (EngineAuthorizations). The engine would otherwise also give every candidate group
 * read rights per task, and its authorized task query joins those rows with an OR over three
 * columns: with 20,000 open tasks Tasklist's query took a minute (docs/performance.md).
 */
@Component
class TaskAuthorizations extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setResourceAuthorizationProvider(new WorkRightsOnlyForCandidateGroups());
    }

    static final class WorkRightsOnlyForCandidateGroups extends DefaultAuthorizationProvider {

        @Override
        protected AuthorizationEntity createOrUpdateAuthorization(Task task, String userId, String groupId,
                Resource resource, boolean isHistoric, Permission... permissions) {
            if (groupId != null && resource.resourceType() == Resources.TASK.resourceType()) {
                permissions = Arrays.stream(permissions).filter(permission -> !isReadRight(permission))
                        .toArray(Permission[]::new);
            }
            return super.createOrUpdateAuthorization(task, userId, groupId, resource, isHistoric, permissions);
        }

        private static boolean isReadRight(Permission permission) {
            return permission.getValue() == Permissions.READ.getValue()
                    || permission.getValue() == TaskPermissions.READ_VARIABLE.getValue();
        }
    }
}
